import { useMessages } from '../i18n/index.ts';
import { formatVirtualMs } from '../labels.ts';
import type { RunBase } from './runSpec.ts';
import { useSessionSaver } from './useSessionSaver.ts';

/** Saves the session as the run goes, and says whether it could. */
export function SessionStatus({ base }: { base: RunBase }) {
  const m = useMessages().share;
  const outcome = useSessionSaver(base);
  if (!outcome) return null;
  switch (outcome.kind) {
    case 'saved':
      return (
        <p
          className="share__session"
          data-testid="session-status"
          data-state="saved"
          data-at-ms={outcome.atMs}
        >
          {m.sessionSaved(formatVirtualMs(outcome.atMs))}
        </p>
      );
    case 'full':
      return (
        <p className="notice" role="status" data-testid="session-status" data-state="full">
          {m.sessionFull(Math.ceil(outcome.chars / 1024))}
        </p>
      );
    case 'unavailable':
      return (
        <p className="notice" role="status" data-testid="session-status" data-state="unavailable">
          {m.sessionUnavailable}
        </p>
      );
  }
}
