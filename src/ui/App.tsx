import { useCallback, useEffect, useEffectEvent, useMemo, useState } from 'react';
import type { Speed } from '../runtime/speed.ts';
import { language, useMessages, type Text } from './i18n/index.ts';
import { LanguageSelect } from './LanguageSelect.tsx';
import { addressFor, OptionsPanel } from './panels/OptionsPanel.tsx';
import { PlaygroundProvider } from './PlaygroundProvider.tsx';
import type { StartRuntime } from './runtime.ts';
import { SIDE_DEFAULT, Stage, type SideState } from './stage/Stage.tsx';
import type { Input } from '../sim/index.ts';
import { formatVirtualMs } from './labels.ts';
import type { Opening } from './share/opening.ts';
import { runClusterOptions, type RunBase, type RunSpec } from './share/runSpec.ts';
import { ShareContext, type ShareApi } from './share/ShareContext.ts';
import type { PageParams } from './url.ts';
import { lessonSetupSpec, withLesson } from './lessons/address.ts';
import { lessonScenario } from './lessons/engine.ts';
import { say, type Lesson } from './lessons/lesson.ts';
import { LessonHost } from './lessons/LessonPanel.tsx';
import { LessonsMenu } from './lessons/LessonsMenu.tsx';
import { createLessonStore, LessonContext, NO_LESSON } from './lessons/lessonStore.ts';
import { NO_LESSON_OPENING, readLocalFile, type LessonOpening } from './lessons/open.ts';
import { lessonOf } from './lessons/schema.ts';
import { AuthorContext, createAuthorStore, type AuthorApi } from './lessons/authorStore.ts';
import { optionsKey, type PageOptions } from './urlOptions.ts';
import { attachParam, readAttachAddress, withAttach } from './live/address.ts';
import { LiveProvider } from './live/LiveProvider.tsx';
import { WatchLive } from './live/WatchLive.tsx';

/** Virtual ms per wall ms once there is a leader: slow enough to follow heartbeats by eye. */
export const INITIAL_SPEED: Speed = 0.25;
/** Until the first leader, real time: the page opens with a leader already there. */
export const FIRST_LEADER_SPEED: Speed = 1;

interface Run extends RunBase {
  /** An opened run's inputs, re-done up to `untilMs` when it starts; null starts from time 0. */
  readonly replay: { readonly inputs: readonly Input[]; readonly untilMs: number } | null;
  /** Said once the run restarted because the options changed, or another run was opened. */
  readonly notice: Text | null;
  /**
   * Counts the runs opened (a link, a file, a lesson): one with the same
   * options still starts afresh, and the options panel shows its options.
   */
  readonly generation: number;
}

function runOf(spec: RunSpec, notice: Text | null, generation: number): Run {
  return {
    seed: spec.seed,
    options: spec.options,
    ...(spec.initial && { initial: spec.initial }),
    replay: { inputs: spec.inputs, untilMs: spec.atMs },
    notice,
    generation,
  };
}

function openedNotice(lesson: Lesson): Text {
  return (m) => m.lessons.ui.opened(say(lesson.title, language()));
}

/** No link, no saved session: the address's run from time 0. */
const NOTHING_OPENED: Opening = { spec: null, notice: null, problem: null };

/** Whether a drag carries files (not text or a link being dragged into a field). */
function carriesFiles(event: DragEvent): boolean {
  return event.dataTransfer?.types.includes('Files') ?? false;
}

export function App({
  params,
  startRuntime,
  opening = NOTHING_OPENED,
  lessonOpening = NO_LESSON_OPENING,
}: {
  params: PageParams;
  startRuntime: StartRuntime;
  /** The run a link or the saved session opens (share/opening.ts). */
  opening?: Opening;
  /** The lesson the address names (#lesson=, ?lessonFile=, ?lesson=; lessons/open.ts). */
  lessonOpening?: LessonOpening;
}) {
  // A lesson the address names opens from its first step, before any other run.
  const first = lessonOpening.lesson;
  const [lessons] = useState(() =>
    createLessonStore(
      first ? { lesson: first, step: 0, pending: { step: 0, afterGeneration: -1 } } : {},
    ),
  );
  const [run, setRun] = useState<Run>(() =>
    first
      ? runOf(lessonSetupSpec(first), openedNotice(first), 0)
      : opening.spec
        ? runOf(opening.spec, opening.notice, 0)
        : { seed: params.seed, options: params.options, replay: null, notice: null, generation: 0 },
  );
  const apply = (seed: number, options: PageOptions) => {
    window.history.replaceState(null, '', addressFor(window.location.search, seed, options));
    setRun((old) => ({
      seed,
      options,
      // The initial state names servers: it stays only while they all still exist.
      ...(old.initial && options.nodes === old.options.nodes && { initial: old.initial }),
      replay: null,
      notice: (m) => m.page.restarted(seed, options.nodes),
      generation: old.generation,
    }));
  };
  // Why a file chosen in the lessons menu or dropped on the page was not opened; it changed nothing.
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const open = useCallback((spec: RunSpec, notice?: Text) => {
    setFileProblem(null);
    // The address names the run's seed and options; the fragment of a link it came from is spent.
    window.history.replaceState(
      null,
      '',
      addressFor(window.location.search, spec.seed, spec.options),
    );
    setRun((old) =>
      runOf(
        spec,
        notice ?? ((m) => m.share.linkOpened(formatVirtualMs(spec.atMs))),
        old.generation + 1,
      ),
    );
  }, []);
  /** Opens `lesson` from its first step; `id`: the library's, kept in the address (`?lesson=`). */
  const openLesson = (lesson: Lesson, id: string | null) => {
    lessons.setState(({ speed }) => ({
      ...NO_LESSON,
      speed,
      lesson,
      step: 0,
      pending: { step: 0, afterGeneration: run.generation },
      focus: 'next',
    }));
    window.history.replaceState(null, '', withLesson(window.location.search, id));
    open(lessonSetupSpec(lesson), openedNotice(lesson));
  };
  const openLocalFile = async (file: File, accepts: 'lesson' | 'any') => {
    const content = await readLocalFile(file, accepts);
    if (content.kind === 'refused') return setFileProblem(content.problem);
    if (content.kind === 'lesson') return openLesson(lessonOf(content.doc), null);
    const { spec } = content;
    open(spec, (mm) => mm.share.fileOpened(file.name, formatVirtualMs(spec.atMs)));
  };
  const onDrop = useEffectEvent((event: DragEvent) => {
    if (!carriesFiles(event)) return;
    // Taken here: the browser would otherwise leave the page to show the file.
    event.preventDefault();
    const file = event.dataTransfer?.files[0];
    if (file) void openLocalFile(file, 'any');
  });
  useEffect(() => {
    const onDragOver = (event: DragEvent) => {
      if (carriesFiles(event)) event.preventDefault();
    };
    const drop = (event: DragEvent) => onDrop(event);
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('drop', drop);
    };
  }, []);
  // The lesson editor's draft outlives the runs it opens; its preview opens as a file's lesson does.
  const [authorStore] = useState(createAuthorStore);
  const author: AuthorApi = { store: authorStore, preview: (lesson) => openLesson(lesson, null) };
  const openScenario = (lesson: Lesson) => {
    lessons.setState(({ speed }) => ({ ...NO_LESSON, speed }));
    window.history.replaceState(null, '', withLesson(window.location.search, null));
    const scenario = lessonScenario(lesson);
    open(scenario, (m) =>
      m.lessons.ui.scenarioOpened(say(lesson.title, language()), formatVirtualMs(scenario.atMs)),
    );
  };
  const base = useMemo<RunBase>(
    () => ({
      seed: run.seed,
      options: run.options,
      ...(run.initial && { initial: run.initial }),
    }),
    [run.seed, run.options, run.initial],
  );
  const share = useMemo<ShareApi>(() => ({ base, open }), [base, open]);
  const { nodes, seed: _seed, ...cluster } = runClusterOptions(run);
  const m = useMessages();
  const [side, setSide] = useState<SideState>(SIDE_DEFAULT);
  // `?attach=http://127.0.0.1:5000` (or the top bar's entry) watches a live cluster instead.
  const [attached, setAttached] = useState(() => {
    const raw = attachParam(window.location.search);
    return raw === null ? null : readAttachAddress(raw);
  });
  const attach = (url: string | null) => {
    window.history.replaceState(null, '', withAttach(window.location.search, url));
    setAttached(url === null ? null : { ok: true, url });
  };
  if (attached?.ok)
    return (
      <main className="app">
        {/* The stage reads the lesson store (none is open) and the share tools' context. */}
        <LessonContext value={lessons}>
          <ShareContext value={share}>
            <LiveProvider key={attached.url} url={attached.url}>
              <Stage
                header={
                  <>
                    <button type="button" disabled title={m.live.notApplicable}>
                      {m.live.lessonsOff}
                    </button>
                    <button type="button" onClick={() => attach(null)} data-testid="live-detach">
                      {m.live.detach}
                    </button>
                    <LanguageSelect />
                  </>
                }
                notices={
                  <p className="notice" role="status" data-testid="live-notice">
                    {m.live.watching(attached.url)} {m.live.notApplicable}
                  </p>
                }
                side={side}
                onSide={setSide}
                lesson={null}
                options={<p className="notice">{m.live.notApplicable}</p>}
              />
            </LiveProvider>
          </ShareContext>
        </LessonContext>
      </main>
    );
  const notices = (
    <>
      {attached && !attached.ok && (
        <p className="notice" role="alert" data-testid="live-problem">
          {attached.problem(m)}
        </p>
      )}
      {lessonOpening.problem && (
        <p className="notice" role="alert" data-testid="lesson-problem">
          {lessonOpening.problem(m)}
        </p>
      )}
      {fileProblem !== null && (
        <p className="notice" role="alert" data-testid="file-problem">
          {fileProblem}
        </p>
      )}
      {params.seedProblem && (
        <p className="notice" role="alert">
          {params.seedProblem(m)}
        </p>
      )}
      {opening.problem && (
        <p className="notice" role="alert" data-testid="opening-problem">
          {opening.problem(m)}
        </p>
      )}
      {params.optionProblems.length > 0 && (
        <ul className="notice" role="alert" aria-label={m.page.addressProblems}>
          {params.optionProblems.map((p, k) => (
            <li key={k}>{p(m)}</li>
          ))}
        </ul>
      )}
      {run.notice && (
        <p className="notice" role="status" data-testid="restart-notice">
          {run.notice(m)}
        </p>
      )}
    </>
  );
  return (
    <main className="app">
      <LessonContext value={lessons}>
        <AuthorContext value={author}>
          <ShareContext value={share}>
            <PlaygroundProvider
              key={`${optionsKey(run.seed, run.options)}#${run.generation}`}
              seed={run.seed}
              nodeCount={nodes}
              cluster={cluster}
              // An opened run is shown paused at its instant.
              playing={!params.paused && run.replay === null}
              {...(run.replay && { replay: run.replay })}
              speed={INITIAL_SPEED}
              firstLeaderSpeed={FIRST_LEADER_SPEED}
              startRuntime={startRuntime}
              testHook={params.test}
            >
              <Stage
                header={
                  <>
                    <LessonsMenu
                      onLesson={(lesson) => openLesson(lesson, lesson.id)}
                      onScenario={openScenario}
                      onLessonFile={(file) => void openLocalFile(file, 'lesson')}
                    />
                    <WatchLive onAttach={attach} />
                    <LanguageSelect />
                  </>
                }
                notices={notices}
                side={side}
                onSide={setSide}
                lesson={<LessonHost generation={run.generation} testHook={params.test} />}
                options={
                  <OptionsPanel
                    key={run.generation}
                    seed={run.seed}
                    options={run.options}
                    onApply={apply}
                  />
                }
              />
            </PlaygroundProvider>
          </ShareContext>
        </AuthorContext>
      </LessonContext>
    </main>
  );
}
