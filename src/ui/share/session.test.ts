import { messages as en } from '../i18n/locales/en.ts';
import { describe, expect, it } from 'vitest';
import { parsePageParams } from '../url.ts';
import { encodeRun, RUN_LINK_KEY } from './link.ts';
import { chooseOpening, type PageStart } from './opening.ts';
import { parseSession, saveSession, SESSION_CHARS_MAX, SESSION_KEY } from './session.ts';
import { sampleRun } from './testRun.ts';

/** localStorage as a Map, with a quota in characters like a browser's. */
class MemoryStorage implements Storage {
  readonly items = new Map<string, string>();
  constructor(private readonly quotaChars = Infinity) {}
  get length() {
    return this.items.size;
  }
  clear() {
    this.items.clear();
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  key(k: number) {
    return [...this.items.keys()][k] ?? null;
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  setItem(key: string, value: string) {
    if (value.length > this.quotaChars) throw new DOMException('full', 'QuotaExceededError');
    this.items.set(key, value);
  }
}

describe('the saved session', () => {
  it('saves a run and reads it back', () => {
    const { spec } = sampleRun(10);
    const storage = new MemoryStorage();
    expect(saveSession(spec, storage)).toEqual({ kind: 'saved', atMs: spec.atMs });
    const read = parseSession(storage.getItem(SESSION_KEY)!);
    expect(read.ok && read.value).toEqual(spec);
  });

  it('says when the browser is full, and drops the older session, which would mislead', () => {
    const { spec } = sampleRun(10);
    const storage = new MemoryStorage(100);
    storage.items.set(SESSION_KEY, 'older');
    expect(saveSession(spec, storage)).toMatchObject({ kind: 'full' });
    expect(storage.getItem(SESSION_KEY)).toBeNull();
  });

  it('says when the run is beyond the bound', () => {
    const { spec } = sampleRun(1);
    const big = {
      ...spec,
      inputs: [{ at: 0, kind: 'propose' as const, id: 1, command: 'x'.repeat(SESSION_CHARS_MAX) }],
    };
    expect(saveSession(big, new MemoryStorage())).toMatchObject({ kind: 'full' });
  });

  it('says when there is no storage', () => {
    expect(saveSession(sampleRun(1).spec, null)).toEqual({ kind: 'unavailable' });
  });
});

describe('the run the page opens with: a link, else the saved session, else the address', () => {
  const start = (over: Partial<PageStart> & { search?: string }): PageStart => {
    const search = over.search ?? '';
    return {
      hash: '',
      search,
      params: parsePageParams(search),
      saved: null,
      reloaded: false,
      ...over,
    };
  };
  const saved = () => JSON.stringify(sampleRun(6, 9).spec);

  it('a link wins over the saved session', async () => {
    const { spec } = sampleRun(4, 3);
    const opening = await chooseOpening(
      start({ hash: `#${RUN_LINK_KEY}=${await encodeRun(spec)}`, saved: saved() }),
    );
    expect(opening.spec).toEqual(spec);
    expect(opening.notice?.(en)).toMatch(/^Opened the run from the link, paused at/);
    expect(opening.problem).toBeNull();
  });

  it('a bad link says so, and the saved session opens instead', async () => {
    const opening = await chooseOpening(start({ hash: '#run=@@', saved: saved() }));
    expect(opening.spec?.seed).toBe(9);
    expect(opening.problem?.(en)).toMatch(
      /could not be opened: .* The saved session was restored instead\.$/,
    );
  });

  it('a bad link with no session starts the default run', async () => {
    const opening = await chooseOpening(start({ hash: '#run=@@' }));
    expect(opening.spec).toBeNull();
    expect(opening.problem?.(en)).toMatch(/The default run starts instead\.$/);
  });

  it('the saved session opens when the address names no run', async () => {
    const opening = await chooseOpening(start({ search: '?test=1&paused', saved: saved() }));
    expect(opening.spec?.seed).toBe(9);
    expect(opening.notice?.(en)).toMatch(/^Restored your session/);
  });

  it('?seed alone starts that seed, not the session', async () => {
    const opening = await chooseOpening(start({ search: '?seed=9', saved: saved() }));
    expect(opening.spec).toBeNull();
  });

  it('a reload of the session’s own run brings the session back', async () => {
    const opening = await chooseOpening(
      start({ search: '?seed=9&drop=0.01', saved: saved(), reloaded: true }),
    );
    expect(opening.spec?.seed).toBe(9);
  });

  it('a reload of another run starts that run', async () => {
    const opening = await chooseOpening(
      start({ search: '?seed=4', saved: saved(), reloaded: true }),
    );
    expect(opening.spec).toBeNull();
  });

  it('a broken saved session says so and starts the default run', async () => {
    const opening = await chooseOpening(start({ saved: '{"version": 1, "seed": "x"' }));
    expect(opening.spec).toBeNull();
    expect(opening.problem?.(en)).toMatch(
      /^The saved session could not be restored: It is not valid JSON/,
    );
  });
});
