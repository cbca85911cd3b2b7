import { useId, useRef, useState, type ChangeEvent, type KeyboardEvent } from 'react';
import { language, useMessages } from '../i18n/index.ts';
import { LESSONS } from './index.ts';
import { say, type Lesson } from './lesson.ts';

/**
 * The lesson library in the header: a button that shows the list, each
 * lesson by its title (opens it) with its scenario beside it (opens the
 * whole lesson as a plain run), and a lesson file to open from this
 * computer. Escape closes the list and gives the focus back to the button.
 */
export function LessonsMenu({
  onLesson,
  onScenario,
  onLessonFile,
}: {
  onLesson: (lesson: Lesson) => void;
  onScenario: (lesson: Lesson) => void;
  /** A lesson file chosen: the page reads and checks it (lessons/open.ts). */
  onLessonFile: (file: File) => void;
}) {
  const m = useMessages();
  const u = m.lessons.ui;
  const [expanded, setExpanded] = useState(false);
  const listId = useId();
  const toggle = useRef<HTMLButtonElement>(null);
  const closeWith = (choose: () => void) => {
    setExpanded(false);
    choose();
  };
  const chooseFile = (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    // Cleared, so choosing the same file again (after fixing it) reads it again.
    input.value = '';
    if (file) closeWith(() => onLessonFile(file));
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !expanded) return;
    event.stopPropagation();
    setExpanded(false);
    toggle.current?.focus();
  };
  return (
    <div className="lessons-menu" onKeyDown={onKeyDown}>
      <button
        ref={toggle}
        type="button"
        aria-expanded={expanded}
        aria-controls={listId}
        title={u.menuTitle}
        onClick={() => setExpanded(!expanded)}
      >
        {u.menu}
      </button>
      <nav id={listId} aria-label={u.library} hidden={!expanded} className="lessons-menu__list">
        <ol>
          {LESSONS.map((lesson) => {
            const title = say(lesson.title, language());
            return (
              <li key={lesson.id}>
                <button type="button" onClick={() => closeWith(() => onLesson(lesson))}>
                  {title}
                </button>
                <button
                  type="button"
                  className="lessons-menu__scenario"
                  aria-label={u.openScenarioLabel(title)}
                  onClick={() => closeWith(() => onScenario(lesson))}
                >
                  {u.openScenario}
                </button>
              </li>
            );
          })}
        </ol>
        <label className="lessons-menu__file" title={u.openFileTitle}>
          {u.openFile}
          <input type="file" accept=".json,application/json" onChange={chooseFile} />
        </label>
      </nav>
    </div>
  );
}
