import { messages } from '../i18n/index.ts';
import type { RunSpec } from './runSpec.ts';
import { parseJson, validateRunSpec, type Checked } from './validate.ts';

/** The first field of a run file: says what the file is, so another program's JSON is told apart. */
export const RUN_FILE_FORMAT = 'raft-playground-run';

/** Bytes of a run file read at most (checked before it is read): RUN_JSON_CHARS_MAX, as UTF-8 bytes can be 3 a character. */
export const RUN_FILE_BYTES_MAX = 12_000_000;

/** A run as a file: indented JSON, the format and version first. */
export function runFileText(spec: RunSpec): string {
  return `${JSON.stringify({ format: RUN_FILE_FORMAT, ...spec }, null, 2)}\n`;
}

/** Reads a run file's text; a problem says what is wrong with the file. */
export function parseRunFile(text: string): Checked<RunSpec> {
  const parsed = parseJson(text);
  return parsed.ok ? runFileSpec(parsed.value) : parsed;
}

/** The run a run file's parsed JSON holds: its format checked, then the rest as a RunSpec. */
export function runFileSpec(value: unknown): Checked<RunSpec> {
  const p = messages().share.problems;
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { ok: false, problem: p.notRunFile(RUN_FILE_FORMAT) };
  const { format, ...spec } = value as Record<string, unknown>;
  if (!Object.hasOwn(value, 'format') || format !== RUN_FILE_FORMAT)
    return { ok: false, problem: p.notRunFile(RUN_FILE_FORMAT) };
  return validateRunSpec(spec);
}
