import { MAX_NODES } from '../../sim/options.ts';
import type { Checked } from '../share/checker.ts';
import { FACT_FIELDS, INPUT_KINDS, validateCondition } from './validate.ts';
import type { Condition, FactName } from './vocabulary.ts';

// The editor's form for one fact of the vocabulary: a field for each of its
// parameters, by kind, and the condition the form's values make (checked by
// the lesson file's own validator, so the form can ask only what a file may say).

export type FieldKind =
  | { readonly kind: 'server'; readonly all: boolean }
  | { readonly kind: 'number' }
  | { readonly kind: 'count' }
  | { readonly kind: 'flag' }
  | { readonly kind: 'choice'; readonly choices: readonly string[] }
  | { readonly kind: 'list' }
  | { readonly kind: 'text' };

export interface FormField {
  readonly key: string;
  readonly required: boolean;
  readonly field: FieldKind;
}

const CHOICES: Readonly<Record<string, readonly string[]>> = {
  role: ['leader', 'candidate', 'follower'],
  as: ['voter', 'learner'],
  asked: ['stale', 'linearizable'],
  kind: INPUT_KINDS,
};

function kindOf(fact: FactName, key: string): FieldKind {
  if (key === 'server' || key === 'to' || key === 'from' || key === 'in')
    return { kind: 'server', all: fact === 'committed' && key === 'server' };
  if (key === 'term' || key === 'index' || key === 'atLeast' || key === 'whileDown')
    return { kind: 'number' };
  if (key === 'count') return { kind: 'count' };
  if (key === 'elected' || key === 'earlier') return { kind: 'flag' };
  const choices = CHOICES[key];
  if (choices) return { kind: 'choice', choices };
  if (key === 'codes') return { kind: 'list' };
  return { kind: 'text' };
}

/** The fields a fact's form shows: its required parameters, then its optional ones. */
export function factFields(fact: FactName): FormField[] {
  const [required, optional] = FACT_FIELDS[fact];
  return [
    ...required.map((key) => ({ key, required: true, field: kindOf(fact, key) })),
    ...optional.map((key) => ({ key, required: false, field: kindOf(fact, key) })),
  ];
}

/** A form's values by field: what its inputs hold (a flag as "true" or ""). */
export type FormValues = Readonly<Record<string, string>>;

/** A field's first value: a required choice or server starts on its first option. */
export function initialValues(fact: FactName): FormValues {
  const out: Record<string, string> = {};
  for (const f of factFields(fact)) {
    if (!f.required) continue;
    if (f.field.kind === 'choice') out[f.key] = f.field.choices[0] ?? '';
    if (f.field.kind === 'server') out[f.key] = '1';
  }
  return out;
}

function value(field: FieldKind, raw: string): unknown {
  switch (field.kind) {
    case 'server':
      return /^\d+$/.test(raw) ? Number(raw) : raw;
    case 'number':
      return /^-?\d+$/.test(raw.trim()) ? Number(raw) : raw;
    case 'count':
      return raw.trim() === 'majority' ? 'majority' : /^\d+$/.test(raw.trim()) ? Number(raw) : raw;
    case 'flag':
      return true;
    case 'list':
      return raw
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== '');
    default:
      return raw;
  }
}

/** The condition the form says, checked; an empty field is left out (the check says if it was needed). */
export function conditionFrom(
  fact: FactName,
  values: FormValues,
  path = 'when',
): Checked<Condition> {
  const out: Record<string, unknown> = { fact };
  for (const f of factFields(fact)) {
    const raw = values[f.key] ?? '';
    if (raw === '') continue;
    out[f.key] = value(f.field, raw);
  }
  return validateCondition(out, path);
}

/** The servers a server field offers: each of the run's, by number. */
export function serverChoices(nodes: number): number[] {
  return Array.from({ length: Math.min(nodes, MAX_NODES) }, (_, k) => k + 1);
}
