import { useContext, useMemo, useState, type ChangeEvent } from 'react';
import { PlaygroundContext } from '../context.ts';
import { language, useMessages } from '../i18n/index.ts';
import { formatVirtualMs } from '../labels.ts';
import { download } from '../share/download.ts';
import { makeRunSpec } from '../share/runSpec.ts';
import { useOpenRun, useRunBase } from '../share/ShareContext.ts';
import type { Checked } from '../share/checker.ts';
import type { PlaygroundState } from '../store.ts';
import { usePlayground } from '../usePlayground.ts';
import {
  addEventStep,
  addInstantStep,
  draftOf,
  driftedSteps,
  exportDraft,
  missedSteps,
  newDraft,
  recordedEndMs,
  recordsRun,
  taskChecks,
  tasksWith,
  withRun,
  draftDoc,
  type Draft,
  type StepDrift,
  type TaskCheck,
} from './author.ts';
import { useAuthor, useDraft, type AuthorApi } from './authorStore.ts';
import { AUTHOR_LANGUAGES, DraftStepEditor, taskVerdict } from './DraftStepEditor.tsx';
import { conditionWords, FactPicker, Field } from './FactPicker.tsx';
import { say } from './lesson.ts';
import { useLesson } from './lessonStore.ts';
import { lessonLink } from './link.ts';
import { lessonOf } from './schema.ts';
import { lessonFileText } from './validate.ts';
import { readLocalFile } from './open.ts';
import { FACTS, type Condition } from './vocabulary.ts';
import { conditionFrom, initialValues } from './factForm.ts';
import './author.css';

const selectShown = (s: PlaygroundState) => ({
  running: s.status === 'running',
  atMs: s.past?.atMs ?? s.now,
});

/** The steps' timing, the only part of a draft the pause instants depend on. */
function timingKey(draft: Draft): string {
  return JSON.stringify([
    draft.run,
    draft.inputs,
    draft.steps.map((s) => [s.atMs, s.when, s.slackMs]),
  ]);
}

/** The timing and each task's check, solution and bound: what the tasks' checks depend on. */
function tasksKey(draft: Draft): string {
  return JSON.stringify([
    timingKey(draft),
    draft.steps.map((s) => s.task && [s.task.done, s.task.solution, s.task.withinMs]),
  ]);
}

/**
 * The lesson editor (issue #15), a tab of the side panel: start a lesson
 * from the run shown, drop steps at the instant shown or at an event, write
 * them, preview the lesson as a student takes it, export it as a file or a
 * link, load one back; and check which steps another seed or options miss.
 */
export function LessonEditor() {
  const api = useAuthor();
  const m = useMessages();
  // A live cluster records no run to write a lesson on.
  return api ? <Editor api={api} /> : <p className="notice">{m.live.notApplicable}</p>;
}

function Editor({ api }: { api: AuthorApi }) {
  const m = useMessages();
  const a = m.lessons.author;
  const { store: author, preview } = api;
  const draft = useDraft(api);
  const playground = useContext(PlaygroundContext);
  const { running, atMs } = usePlayground(selectShown);
  const base = useRunBase();
  const openRun = useOpenRun();
  const taken = useLesson((s) => s.lesson);
  const [status, setStatus] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  // The event form starts on the vocabulary's first fact, as FactPicker shows it.
  const [event, setEvent] = useState<Checked<Condition> | null>(() =>
    conditionFrom(FACTS[0]!, initialValues(FACTS[0]!)),
  );
  const [link, setLink] = useState<string | null>(null);
  // Bumped when steps move or go, so each step's form starts from its new step.
  const [order, setOrder] = useState(0);
  const [check, setCheck] = useState<{
    seed: number;
    result: Checked<StepDrift[]>;
    tasks: Checked<TaskCheck[]>;
  } | null>(null);
  const nodes = draft?.run.options.nodes ?? base.options.nodes;
  const tell = (text: string) => {
    setProblem(null);
    setStatus(text);
  };
  const refuse = (text: string) => {
    setStatus(null);
    setProblem(text);
  };
  const setDraft = (d: Draft | null) => {
    author.setState({ draft: d });
    setCheck(null);
    setLink(null);
  };
  const inputLog = () => playground?.getState().coordinator()?.inputLog() ?? [];
  const timing = draft ? timingKey(draft) : '';
  // eslint-disable-next-line react-hooks/exhaustive-deps -- only the timing moves a pause
  const drift = useMemo(() => (draft ? driftedSteps(draft) : []), [timing]);
  const tasksAt = draft ? tasksKey(draft) : '';
  // The engine on the draft as a file (its texts need not be written yet to run it).
  // eslint-disable-next-line react-hooks/exhaustive-deps -- only the timing and the tasks move a check
  const tasks = useMemo(() => (draft ? taskChecks(draftDoc(draft)) : []), [tasksAt]);

  const load = (doc: Parameters<typeof draftOf>[0]) => {
    setDraft(draftOf(doc));
    tell(a.loaded(say(doc.title, language()), doc.steps.length));
  };
  const openFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const input = e.currentTarget;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    const read = await readLocalFile(file, 'lesson');
    if (read.kind === 'lesson') load(read.doc);
    else if (read.kind === 'refused') refuse(read.problem);
  };

  if (!draft)
    return (
      <section className="rv-panel author" aria-labelledby="author-h" data-testid="author">
        <h2 id="author-h">{a.title}</h2>
        <p>{a.intro}</p>
        <div className="share__row">
          <button
            type="button"
            disabled={!running}
            onClick={() => {
              setDraft(newDraft(base, inputLog()));
              tell(a.tookRun(inputLog().length));
            }}
          >
            {a.fromRun}
          </button>
          <button type="button" disabled={taken === null} onClick={() => taken && load(taken.doc)}>
            {a.fromTaken}
          </button>
          <label className="share__open">
            {a.fromFile}
            <input type="file" accept=".json,application/json" onChange={(e) => void openFile(e)} />
          </label>
        </div>
        <Said status={status} problem={problem} />
      </section>
    );

  /** A step goes only on the draft's own run, at the instant shown. */
  const onRun = (): boolean => {
    if (!running) refuse(a.notRunning);
    else if (!recordsRun(draft, base, inputLog(), atMs)) refuse(a.notTheRun);
    else return true;
    return false;
  };
  const added = (result: Checked<Draft>) => {
    if (!result.ok) return refuse(result.problem);
    const steps = result.value.steps;
    const k = steps.findIndex((s, j) => s !== draft.steps[j]);
    setDraft(result.value);
    tell(a.added(k + 1, formatVirtualMs(steps[k]!.atMs)));
  };
  const exported = () => {
    const doc = exportDraft(draft);
    if (!doc.ok) refuse(a.notExported(doc.problem));
    return doc.ok ? doc.value : null;
  };
  const copyLink = async () => {
    const doc = exported();
    if (!doc) return;
    const url = await lessonLink(window.location.href, doc);
    setLink(url);
    try {
      await navigator.clipboard.writeText(url);
      tell(a.linkCopied(url.length));
    } catch {
      tell(a.linkReady(url.length));
    }
  };
  const endMs = recordedEndMs(draft);
  return (
    <section className="rv-panel author" aria-labelledby="author-h" data-testid="author">
      <h2 id="author-h">{a.title}</h2>
      {AUTHOR_LANGUAGES.map(({ code, name }) => (
        <Field key={code} label={a.lessonTitle(name)}>
          {(id) => (
            <input
              id={id}
              type="text"
              lang={code}
              value={draft.title[code] ?? ''}
              onChange={(e) =>
                setDraft({ ...draft, title: { ...draft.title, [code]: e.currentTarget.value } })
              }
            />
          )}
        </Field>
      ))}
      <Field label={a.id}>
        {(id) => (
          <input
            id={id}
            type="text"
            value={draft.id}
            onChange={(e) => setDraft({ ...draft, id: e.currentTarget.value })}
          />
        )}
      </Field>
      <p>{a.recorded(draft.run.seed, draft.inputs.length, formatVirtualMs(endMs))}</p>
      <div className="share__row">
        <button
          type="button"
          disabled={!running}
          onClick={() => {
            setDraft(withRun(draft, base, inputLog()));
            tell(a.tookRun(inputLog().length));
          }}
        >
          {a.takeRun}
        </button>
        <button type="button" onClick={() => openRun(makeRunSpec(draft.run, draft.inputs, endMs))}>
          {a.openRun}
        </button>
      </div>
      <fieldset className="author__add">
        <legend>{a.addTitle(formatVirtualMs(atMs))}</legend>
        <button type="button" onClick={() => onRun() && added(addInstantStep(draft, atMs, {}))}>
          {a.atInstant}
        </button>
        <FactPicker label={a.event} nodes={nodes} path="when" onChange={setEvent} />
        <button
          type="button"
          onClick={() => {
            if (!onRun()) return;
            if (event === null) return;
            if (!event.ok) return refuse(event.problem);
            added(addEventStep(draft, event.value, atMs, {}));
          }}
        >
          {a.atEvent}
        </button>
      </fieldset>
      <h3>{a.steps}</h3>
      {draft.steps.length === 0 ? (
        <p>{a.noSteps}</p>
      ) : (
        <ol className="author__steps">
          {draft.steps.map((s, k) => (
            <DraftStepEditor
              key={`${order}:${k}:${s.atMs}`}
              draft={draft}
              k={k}
              nodes={nodes}
              onDraft={setDraft}
              onSteps={(d) => {
                setDraft(d);
                setOrder((n) => n + 1);
              }}
              onSaid={tell}
              onRefused={refuse}
              taskCheck={tasks.find((t) => t.step === k)}
            />
          ))}
        </ol>
      )}
      {drift.length > 0 && (
        <div role="alert" className="notice" data-testid="author-drift">
          <p>{a.drifted}</p>
          <ul>
            {drift.map((d) => (
              <li key={d.step}>
                {a.driftLine(
                  d.step + 1,
                  formatVirtualMs(d.expectedMs),
                  formatVirtualMs(d.atMs),
                  d.reached,
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="share__row">
        <button
          type="button"
          onClick={() => {
            const doc = exported();
            if (doc) preview(lessonOf(doc));
          }}
        >
          {a.preview}
        </button>
        <button
          type="button"
          onClick={() => {
            const doc = exported();
            if (!doc) return;
            const name = `${doc.id}.json`;
            download(name, new Blob([lessonFileText(doc)], { type: 'application/json' }));
            tell(a.downloaded(name));
          }}
        >
          {a.download}
        </button>
        <button type="button" onClick={() => void copyLink()}>
          {a.copyLink}
        </button>
      </div>
      {link !== null && (
        <label className="share__link">
          {a.linkLabel}
          <input
            type="text"
            readOnly
            value={link}
            data-testid="author-link"
            onFocus={(e) => e.currentTarget.select()}
          />
        </label>
      )}
      <button
        type="button"
        onClick={() =>
          setCheck({
            seed: base.seed,
            result: missedSteps(draft, base),
            tasks: tasksWith(draft, base),
          })
        }
      >
        {a.check}
      </button>
      {check && (
        <CheckResult draft={draft} seed={check.seed} result={check.result} tasks={check.tasks} />
      )}
      <Said status={status} problem={problem} />
      <button type="button" onClick={() => setDraft(null)}>
        {a.discard}
      </button>
    </section>
  );
}

function CheckResult({
  draft,
  seed,
  result,
  tasks,
}: {
  draft: Draft;
  seed: number;
  result: Checked<StepDrift[]>;
  tasks: Checked<TaskCheck[]>;
}) {
  const m = useMessages();
  const a = m.lessons.author;
  if (!result.ok)
    return (
      <p role="alert" className="notice" data-testid="author-check">
        {a.checkProblem(result.problem)}
      </p>
    );
  return (
    <div role="status" data-testid="author-check">
      <p>{result.value.length === 0 ? a.checkNone(seed) : a.checkMissed(seed)}</p>
      {result.value.length > 0 && (
        <ul>
          {result.value.map((d) => {
            const when = draft.steps[d.step]?.when;
            return (
              <li key={d.step}>
                {a.missedLine(
                  d.step + 1,
                  when ? conditionWords(m, when) : '',
                  formatVirtualMs(d.atMs),
                )}
              </li>
            );
          })}
        </ul>
      )}
      {tasks.ok && tasks.value.length > 0 && (
        <ul data-testid="author-check-tasks">
          {tasks.value.map((t) => (
            <li key={t.step}>{a.taskLine(t.step + 1, taskVerdict(m, t))}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

function Said({ status, problem }: { status: string | null; problem: string | null }) {
  return (
    <>
      <p role="status" className="share__status" data-testid="author-status">
        {status ?? ''}
      </p>
      {problem !== null && (
        <p role="alert" className="notice" data-testid="author-problem">
          {problem}
        </p>
      )}
    </>
  );
}
