import { useId, useState, type ReactNode } from 'react';
import { nodeName } from '../labels.ts';
import { useMessages, type Messages } from '../i18n/index.ts';
import type { Checked } from '../share/checker.ts';
import {
  conditionFrom,
  factFields,
  initialValues,
  serverChoices,
  type FormValues,
} from './factForm.ts';
import { FACTS, type Condition, type FactName } from './vocabulary.ts';

/** A parameter's value in words: a server named by role as the form names it, a list with commas. */
function valueWords(a: Messages['lessons']['author'], v: unknown): string {
  if (v === 'leader') return a.leaderNow;
  if (v === 'stepLeader') return a.stepLeader;
  return Array.isArray(v) ? v.join(', ') : String(v);
}

/** A condition in words: its fact, then each parameter as the form labels it; a combination by its parts. */
export function conditionWords(m: Messages, c: Condition): string {
  const a = m.lessons.author;
  if ('all' in c) return a.allOf(c.all.map((p) => conditionWords(m, p)).join('; '));
  if ('any' in c) return a.anyOf(c.any.map((p) => conditionWords(m, p)).join('; '));
  if ('not' in c) return a.not(conditionWords(m, c.not));
  const { fact, ...params } = c;
  const names = a.params as Readonly<Record<string, string>>;
  const words = Object.entries(params).map(([key, v]) =>
    v === true ? (names[key] ?? key) : `${names[key] ?? key}: ${valueWords(a, v)}`,
  );
  return [a.facts[fact], ...words].join(' · ');
}

/** A label above its field, tied by id (a wrapping label would make a list's options part of its name). */
export function Field({
  label,
  children,
}: {
  readonly label: string;
  readonly children: (id: string) => ReactNode;
}) {
  const id = useId();
  return (
    <div className="author__field">
      <label htmlFor={id}>{label}</label>
      {children(id)}
    </div>
  );
}

function valuesOf(c: Condition | undefined): { fact: FactName | ''; values: FormValues } {
  if (!c || !('fact' in c)) return { fact: '', values: {} };
  const { fact, ...params } = c;
  const values: Record<string, string> = {};
  for (const [key, v] of Object.entries(params))
    values[key] = Array.isArray(v) ? v.join(', ') : String(v);
  return { fact, values };
}

/**
 * A fact of the vocabulary and its parameters, as a form. Each change
 * hands up the condition it makes, checked (null: none picked); the
 * problem, if any, is said under the form.
 */
export function FactPicker({
  label,
  none,
  nodes,
  path,
  initial,
  onChange,
}: {
  readonly label: string;
  /** The label of "no fact" (a step without a task); absent: a fact must be picked. */
  readonly none?: string;
  readonly nodes: number;
  readonly path: string;
  readonly initial?: Condition;
  readonly onChange: (condition: Checked<Condition> | null) => void;
}) {
  const m = useMessages();
  const a = m.lessons.author;
  const [form, setForm] = useState(() => {
    const start = valuesOf(initial);
    return start.fact === '' && none === undefined
      ? { fact: FACTS[0]!, values: initialValues(FACTS[0]!) }
      : start;
  });
  const result = form.fact === '' ? null : conditionFrom(form.fact, form.values, path);
  const change = (fact: FactName | '', values: FormValues) => {
    setForm({ fact, values });
    onChange(fact === '' ? null : conditionFrom(fact, values, path));
  };
  const set = (key: string, v: string) =>
    form.fact !== '' && change(form.fact, { ...form.values, [key]: v });
  const p = a.params as Readonly<Record<string, string>>;
  return (
    <div className="author__fact">
      <Field label={label}>
        {(id) => (
          <select
            id={id}
            value={form.fact}
            onChange={(e) => {
              const fact = e.currentTarget.value as FactName | '';
              change(fact, fact === '' ? {} : initialValues(fact));
            }}
          >
            {none !== undefined && <option value="">{none}</option>}
            {FACTS.map((f) => (
              <option key={f} value={f}>
                {a.facts[f]}
              </option>
            ))}
          </select>
        )}
      </Field>
      {form.fact !== '' &&
        factFields(form.fact).map(({ key, required, field }) => {
          const name = p[key] ?? key;
          const v = form.values[key] ?? '';
          switch (field.kind) {
            case 'flag':
              return (
                <label key={key} className="author__flag">
                  <input
                    type="checkbox"
                    checked={v === 'true'}
                    onChange={(e) => set(key, e.currentTarget.checked ? 'true' : '')}
                  />
                  {name}
                </label>
              );
            case 'server':
            case 'choice':
              return (
                <Field key={key} label={name}>
                  {(id) => (
                    <select id={id} value={v} onChange={(e) => set(key, e.currentTarget.value)}>
                      {!required && <option value="">{a.any}</option>}
                      {field.kind === 'choice'
                        ? field.choices.map((c) => (
                            <option key={c} value={c}>
                              {c}
                            </option>
                          ))
                        : [
                            ...serverChoices(nodes).map((n) => (
                              <option key={n} value={String(n)}>
                                {nodeName(n)}
                              </option>
                            )),
                            <option key="leader" value="leader">
                              {a.leaderNow}
                            </option>,
                            <option key="stepLeader" value="stepLeader">
                              {a.stepLeader}
                            </option>,
                            ...(field.all
                              ? [
                                  <option key="all" value="all">
                                    {a.allServers}
                                  </option>,
                                ]
                              : []),
                          ]}
                    </select>
                  )}
                </Field>
              );
            default:
              return (
                <Field key={key} label={name}>
                  {(id) => (
                    <input
                      id={id}
                      type={field.kind === 'number' ? 'number' : 'text'}
                      value={v}
                      onChange={(e) => set(key, e.currentTarget.value)}
                    />
                  )}
                </Field>
              );
          }
        })}
      {result && !result.ok && (
        <p role="alert" className="notice">
          {result.problem}
        </p>
      )}
    </div>
  );
}
