import { useEffect, useId, useRef, useState } from 'react';
import { language, useMessages } from '../i18n/index.ts';
import { highlightWords } from './highlight.ts';
import { formatVirtualMs } from '../labels.ts';
import { usePlayground } from '../usePlayground.ts';
import { say, type Lesson } from './lesson.ts';
import { useLesson, useLessonStore } from './lessonStore.ts';
import { untilDeadlineMs } from './engine.ts';
import { lessonPhase, type LessonPhase } from './phase.ts';
import { useLessonDriver } from './useLessonDriver.ts';
import './lessons.css';

/**
 * Drives the open lesson on this playground's run and shows it: the
 * narration of the step shown, where it stands, Next, Back and Close, and a
 * step's "now you try". Rendered inside <PlaygroundProvider>, so each run
 * the lesson opens (a Back) comes with its own.
 */
export function LessonHost({ generation, testHook }: { generation: number; testHook: boolean }) {
  const driver = useLessonDriver(generation, testHook);
  const lesson = useLesson((s) => s.lesson);
  return lesson ? <LessonPanel lesson={lesson} generation={generation} {...driver} /> : null;
}

function LessonPanel({
  lesson,
  generation,
  next,
  back,
  close,
}: {
  lesson: Lesson;
  generation: number;
  next: () => void;
  back: () => void;
  close: () => void;
}) {
  const m = useMessages();
  const u = m.lessons.ui;
  const code = language();
  const lessons = useLessonStore();
  const k = useLesson((s) => s.step);
  const pending = useLesson((s) => s.pending);
  const taskDone = useLesson((s) => s.taskDone);
  const { until, playing } = usePlayground((s) => ({ until: s.until, playing: s.playing }));
  const step = lesson.steps[k];
  const begun = useLesson((s) => s.starts.length - 1 === s.step);
  const start = useLesson((s) => s.starts[s.step]);
  const deadlineMs = step && start ? untilDeadlineMs(step, start) : undefined;
  const phase = lessonPhase(
    step,
    { k, opening: pending !== null, begun, ...(deadlineMs !== undefined && { deadlineMs }) },
    until,
    playing,
  );
  const last = k === lesson.steps.length - 1;
  const canNext = !last && (phase === 'paused' || phase === 'missed');
  const canBack = k > 0 && phase !== 'opening';
  const titleId = useId();
  const hintId = useId();
  // The hint shown, by the step it belongs to: a new step starts with it hidden.
  const [hintStep, setHintStep] = useState<number | null>(null);
  const hint = hintStep === k;
  const backButton = useRef<HTMLButtonElement>(null);
  const nextButton = useRef<HTMLButtonElement>(null);
  // Opening a lesson or a Back opens a new run, and this panel comes with it: the focus follows.
  const focus = useLesson((s) => s.focus);
  // Not the panel of the run being left (a lesson opened from the menu shows there first).
  const mine = pending === null || generation > pending.afterGeneration;
  useEffect(() => {
    if (focus === null || !mine) return;
    lessons.setState({ focus: null });
    (focus === 'back' ? backButton : nextButton).current?.focus();
  }, [lessons, focus, mine]);
  if (!step) return null;
  const task = phase === 'opening' ? undefined : step.task;
  const at = formatVirtualMs(until?.pausedAtMs ?? 0);
  const status: Record<LessonPhase, string> = {
    opening: u.opening,
    running: u.running,
    waiting: u.waiting,
    paused: last ? u.last(at) : u.paused(at),
    missed: u.missed(at),
  };
  return (
    <section
      className="lesson"
      aria-labelledby={titleId}
      data-testid="lesson-panel"
      data-lesson={lesson.id}
      data-step={k + 1}
      data-phase={phase}
    >
      <div className="lesson__head">
        <h2 id={titleId}>{say(lesson.title, code)}</h2>
        <span className="lesson__count" data-testid="lesson-step">
          {u.stepOf(k + 1, lesson.steps.length)}
        </span>
        <button type="button" onClick={close}>
          {u.close}
        </button>
      </div>
      <p className="lesson__narration" data-testid="lesson-narration">
        {say(step.narration, code)}
      </p>
      {step.highlight && (
        <p className="lesson__marks" data-testid="lesson-highlight">
          {highlightWords(m, step.highlight)}
        </p>
      )}
      {task && (
        <div className="lesson__task" data-testid="lesson-task">
          <h3>{u.tryIt}</h3>
          <p>{say(task.goal, code)}</p>
          <button
            type="button"
            aria-expanded={hint}
            aria-controls={hintId}
            onClick={() => setHintStep(hint ? null : k)}
          >
            {hint ? u.hideHint : u.hint}
          </button>
          <p id={hintId} hidden={!hint} data-testid="lesson-hint">
            {say(task.hint, code)}
          </p>
          <p role="status" className="lesson__done" data-testid="lesson-task-done">
            {taskDone ? u.taskDone : ''}
          </p>
        </div>
      )}
      <p
        className={phase === 'missed' ? 'lesson__status lesson__status--missed' : 'lesson__status'}
        role="status"
        data-testid="lesson-status"
      >
        {status[phase]}
      </p>
      <div className="lesson__nav">
        <button
          ref={backButton}
          type="button"
          aria-disabled={!canBack}
          onClick={() => {
            if (!canBack) return;
            lessons.setState({ focus: 'back' });
            back();
          }}
        >
          {u.back}
        </button>
        <button
          ref={nextButton}
          type="button"
          aria-disabled={!canNext}
          onClick={() => canNext && next()}
        >
          {u.next}
        </button>
      </div>
    </section>
  );
}
