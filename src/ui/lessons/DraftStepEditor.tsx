import { useContext, useMemo, useState } from 'react';
import { PlaygroundContext } from '../context.ts';
import type { Messages } from '../i18n/index.ts';
import { useMessages } from '../i18n/index.ts';
import { formatVirtualMs, nodeName } from '../labels.ts';
import { useOpenRun, useRunBase } from '../share/ShareContext.ts';
import { RUN_AT_MS_MAX } from '../share/validate.ts';
import {
  editStep,
  logsAtPause,
  moveStep,
  pauseRun,
  removeStep,
  solutionFrom,
  TASK_WITHIN_MS,
  type Draft,
  type StepPatch,
  type TaskCheck,
} from './author.ts';
import { conditionWords, FactPicker, Field } from './FactPicker.tsx';
import type { Localized } from './lesson.ts';
import { serverChoices } from './factForm.ts';
import { entryChoices, pickEntry, picksEntry, type EntryChoice } from './highlight.ts';

/** The languages a teacher writes in here; a file may carry others, kept as they are. */
export const AUTHOR_LANGUAGES = [
  { code: 'en', name: 'English' },
  { code: 'zh', name: '中文' },
] as const;

const LINKS = /^\s*(\d+)\s*-\s*(\d+)\s*$/;

/** "1-2, 3-1" as links; null when it is not such a list. */
export function parseLinks(text: string): [number, number][] | null {
  const parts = text.split(',').filter((s) => s.trim() !== '');
  const links = parts.map((s) => LINKS.exec(s));
  if (links.some((l) => l === null)) return null;
  return links.map((l) => [Number(l![1]), Number(l![2])]);
}

function TextBoxes({
  label,
  text,
  onChange,
}: {
  label: (language: string) => string;
  text: Localized;
  onChange: (text: Localized) => void;
}) {
  return (
    <>
      {AUTHOR_LANGUAGES.map(({ code, name }) => (
        <Field key={code} label={label(name)}>
          {(id) => (
            <textarea
              id={id}
              rows={2}
              lang={code}
              value={text[code] ?? ''}
              onChange={(e) => onChange({ ...text, [code]: e.currentTarget.value })}
            />
          )}
        </Field>
      ))}
    </>
  );
}

/** Entries offered to highlight at most: the newest, as a class looks at the end of the logs. */
export const ENTRY_CHOICES_MAX = 40;

function shownChoices(choices: readonly EntryChoice[]): readonly EntryChoice[] {
  return choices.slice(-ENTRY_CHOICES_MAX);
}

function solutionActions(task: {
  readonly solution?: readonly { readonly inputs: readonly unknown[] }[];
}) {
  return (task.solution ?? []).reduce((n, g) => n + g.inputs.length, 0);
}

/** What the engine says of a step's task, in words. */
export function taskVerdict(m: Messages, check: TaskCheck): string {
  const a = m.lessons.author;
  const at = formatVirtualMs(check.atMs);
  switch (check.outcome) {
    case 'solved':
      return a.taskSolved(at);
    case 'unsolved':
      return a.taskUnsolved(at);
    case 'doneBefore':
      return a.taskDoneBefore;
    case 'noSolution':
      return a.taskNoSolution;
  }
}

/** One step of the draft: its narration, what it highlights, its task; move it up or down, or remove it. */
export function DraftStepEditor({
  draft,
  k,
  nodes,
  onDraft,
  onSteps,
  onSaid,
  taskCheck,
  onRefused,
}: {
  readonly draft: Draft;
  readonly k: number;
  readonly nodes: number;
  readonly onDraft: (draft: Draft) => void;
  /** A draft whose steps moved or went: each step's form starts again from it. */
  readonly onSteps: (draft: Draft) => void;
  readonly onSaid: (text: string) => void;
  /** The engine's check of its task on the recorded run; absent without a task. */
  readonly taskCheck?: TaskCheck | undefined;
  /** Says a problem (a solution that cannot be taken). */
  readonly onRefused: (text: string) => void;
}) {
  const m = useMessages();
  const a = m.lessons.author;
  const playground = useContext(PlaygroundContext);
  const base = useRunBase();
  const openRun = useOpenRun();
  const step = draft.steps[k]!;
  const edit = (patch: StepPatch) => onDraft(editStep(draft, k, patch));
  const highlight = step.highlight ?? {};
  const setHighlight = (h: typeof highlight) => {
    const has = (h.servers?.length ?? 0) + (h.links?.length ?? 0) + (h.entries?.length ?? 0) > 0;
    edit({ highlight: has ? h : undefined });
  };
  const [links, setLinks] = useState(() =>
    (highlight.links ?? []).map((l) => l.join('-')).join(', '),
  );
  // The logs as they stand at this step's pause, in the recorded run.
  const pauseKey = JSON.stringify([draft.run, draft.inputs, step.atMs]);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the logs depend on the run and the instant only
  const choices = useMemo(() => shownChoices(entryChoices(logsAtPause(draft, k))), [pauseKey]);
  const entries = highlight.entries ?? [];
  const [taskProblem, setTaskProblem] = useState<string | null>(null);
  const task = step.task;
  return (
    <li className="author__step" data-testid={`author-step-${k + 1}`}>
      <h4>
        {a.stepHead(k + 1, formatVirtualMs(step.atMs))}:{' '}
        {step.when ? a.pausesOn(conditionWords(m, step.when)) : a.pausesAtInstant}
      </h4>
      <button
        type="button"
        onClick={() => {
          openRun(pauseRun(draft, k));
          onSaid(a.wentToPause(k + 1, formatVirtualMs(step.atMs)));
        }}
      >
        {a.goToPause(k + 1)}
      </button>
      <TextBoxes
        label={a.narration}
        text={step.narration}
        onChange={(narration) => edit({ narration })}
      />
      {step.when && (
        <Field label={a.slack}>
          {(id) => (
            <input
              id={id}
              type="number"
              min={0}
              max={RUN_AT_MS_MAX}
              value={step.slackMs}
              onChange={(e) => {
                const v = Number(e.currentTarget.value);
                if (Number.isInteger(v) && v >= 0 && v <= RUN_AT_MS_MAX) edit({ slackMs: v });
              }}
            />
          )}
        </Field>
      )}
      <fieldset>
        <legend>{a.highlightServers}</legend>
        {serverChoices(nodes).map((n) => (
          <label key={n} className="author__flag">
            <input
              type="checkbox"
              checked={highlight.servers?.includes(n) ?? false}
              onChange={(e) => {
                const others = (highlight.servers ?? []).filter((s) => s !== n);
                const servers = e.currentTarget.checked
                  ? [...others, n].sort((x, y) => x - y)
                  : others;
                const { servers: _old, ...rest } = highlight;
                setHighlight(servers.length > 0 ? { ...rest, servers } : rest);
              }}
            />
            {nodeName(n)}
          </label>
        ))}
      </fieldset>
      <Field label={a.highlightLinks}>
        {(id) => (
          <input
            id={id}
            type="text"
            value={links}
            onChange={(e) => {
              const text = e.currentTarget.value;
              setLinks(text);
              const parsed = parseLinks(text);
              if (!parsed) return;
              const { links: _old, ...rest } = highlight;
              setHighlight(parsed.length > 0 ? { ...rest, links: parsed } : rest);
            }}
          />
        )}
      </Field>
      {parseLinks(links) === null && (
        <p role="alert" className="notice">
          {a.badLinks(links)}
        </p>
      )}
      <fieldset data-testid={`author-entries-${k + 1}`}>
        <legend>{a.highlightEntries}</legend>
        {choices.length === 0 && <p>{a.noEntries}</p>}
        {choices.map((c) => (
          <label key={`${c.index}:${c.term}`} className="author__flag">
            <input
              type="checkbox"
              checked={picksEntry(entries, c)}
              onChange={(e) => {
                const picked = pickEntry(entries, c, e.currentTarget.checked, choices);
                const { entries: _old, ...rest } = highlight;
                setHighlight(picked.length > 0 ? { ...rest, entries: picked } : rest);
              }}
            />
            {a.entryChoice(c.index, c.term, c.holders.map(nodeName).join(', '))}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <FactPicker
          label={a.task}
          none={a.noTask}
          nodes={nodes}
          path={`steps[${k}].task.done`}
          {...(task && { initial: task.done })}
          onChange={(done) => {
            setTaskProblem(done && !done.ok ? done.problem : null);
            if (done === null) edit({ task: undefined });
            else if (done.ok)
              edit({
                task: {
                  goal: task?.goal ?? {},
                  hint: task?.hint ?? {},
                  done: done.value,
                  withinMs: task?.withinMs ?? TASK_WITHIN_MS,
                  ...(task?.solution && { solution: task.solution }),
                },
              });
          }}
        />
        {task && taskProblem === null && (
          <>
            <TextBoxes
              label={a.goal}
              text={task.goal}
              onChange={(goal) => edit({ task: { ...task, goal } })}
            />
            <TextBoxes
              label={a.hint}
              text={task.hint}
              onChange={(hint) => edit({ task: { ...task, hint } })}
            />
            {task.solution && <p>{a.solutionActions(solutionActions(task))}</p>}
            <button
              type="button"
              onClick={() => {
                const log = playground?.getState().coordinator()?.inputLog() ?? [];
                const solution = solutionFrom(draft, k, base, log);
                if (!solution.ok) return onRefused(solution.problem);
                const next = { ...task, solution: solution.value };
                edit({ task: next });
                onSaid(a.solutionTaken(k + 1, solutionActions(next)));
              }}
            >
              {a.useSolution}
            </button>
            {taskCheck && (
              <p
                role={taskCheck.outcome === 'solved' ? 'status' : 'alert'}
                className={taskCheck.outcome === 'solved' ? undefined : 'notice'}
                data-testid={`author-task-check-${k + 1}`}
              >
                {taskVerdict(m, taskCheck)}
              </p>
            )}
          </>
        )}
      </fieldset>
      <div className="share__row">
        {([-1, 1] as const).map((by) => {
          const to = k + by;
          return (
            <button
              key={by}
              type="button"
              disabled={to < 0 || to >= draft.steps.length}
              onClick={() => {
                onSteps(moveStep(draft, k, by));
                onSaid(a.moved(k + 1, to + 1));
              }}
            >
              {by < 0 ? a.moveUp(k + 1) : a.moveDown(k + 1)}
            </button>
          );
        })}
        <button
          type="button"
          onClick={() => {
            onSteps(removeStep(draft, k));
            onSaid(a.removed(k + 1));
          }}
        >
          {a.remove(k + 1)}
        </button>
      </div>
    </li>
  );
}
