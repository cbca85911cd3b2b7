import { formatVirtualMs } from '../labels.ts';
import type { Text } from '../i18n/index.ts';
import { optionsKey } from '../urlOptions.ts';
import type { PageParams } from '../url.ts';
import { decodeRun, runInFragment } from './link.ts';
import type { RunSpec } from './runSpec.ts';
import { parseSession } from './session.ts';

/** The run the page opens with, and what it says about it. */
export interface Opening {
  /** The run to open; null: the address's seed and options from time 0. */
  readonly spec: RunSpec | null;
  /** Said once it is open, in the page's language of the moment. */
  readonly notice: Text | null;
  /** What could not be opened, and what opened instead. */
  readonly problem: Text | null;
}

export interface PageStart {
  /** location.hash: `#run=…` holds a shared run. */
  readonly hash: string;
  /** location.search */
  readonly search: string;
  readonly params: PageParams;
  /** The saved session's text, if any. */
  readonly saved: string | null;
  /** The page was reloaded (not opened afresh). */
  readonly reloaded: boolean;
}

/** Query keys that do not name a run: they only say how to show it. */
const DISPLAY_KEYS = ['paused', 'test'];

/**
 * Which run the page opens: a run link first, then the saved session, then
 * the default. An address that names a seed or options (`?seed=7&nodes=3`)
 * starts that run afresh, unless the page was reloaded on the very run the
 * session holds: a reload brings the session back at its instant.
 */
export async function chooseOpening(page: PageStart): Promise<Opening> {
  let linkProblem: string | null = null;
  const encoded = runInFragment(page.hash);
  if (encoded !== null) {
    const decoded = await decodeRun(encoded);
    if (decoded.ok)
      return {
        spec: decoded.value,
        notice: (m) => m.share.linkOpened(formatVirtualMs(decoded.value.atMs)),
        problem: null,
      };
    linkProblem = decoded.problem;
  }
  const named = new URLSearchParams(page.search);
  for (const key of DISPLAY_KEYS) named.delete(key);
  const session = page.saved === null ? null : parseSession(page.saved);
  const sameRun =
    session?.ok === true &&
    optionsKey(session.value.seed, session.value.options) ===
      optionsKey(page.params.seed, page.params.options);
  const useSession = session !== null && (named.size === 0 || (page.reloaded && sameRun));
  if (useSession && session.ok) {
    return {
      spec: session.value,
      notice: (m) => m.share.sessionRestored(formatVirtualMs(session.value.atMs)),
      problem:
        linkProblem === null
          ? null
          : (m) => `${m.share.badLink(linkProblem)} ${m.share.fallbackSaved}`,
    };
  }
  const badSession = useSession && !session.ok ? session.problem : null;
  if (linkProblem === null && badSession === null)
    return { spec: null, notice: null, problem: null };
  return {
    spec: null,
    notice: null,
    problem: (m) =>
      [
        linkProblem === null ? null : `${m.share.badLink(linkProblem)} ${m.share.fallbackDefault}`,
        badSession === null ? null : m.share.badSession(badSession),
      ]
        .filter((p) => p !== null)
        .join(' '),
  };
}
