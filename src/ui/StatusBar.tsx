import { useMessages } from './i18n/index.ts';
import { formatVirtualMs, nodeName } from './labels.ts';
import { selectLeader, selectNow, selectSeed, selectStatus, selectVersion } from './selectors.ts';
import { usePlayground } from './usePlayground.ts';

/** Virtual time, the current leader, the seed, and the threads at work, in words. */
export function StatusBar() {
  const now = usePlayground(selectNow);
  const leader = usePlayground(selectLeader);
  const seed = usePlayground(selectSeed);
  const version = usePlayground(selectVersion);
  const { status, workers, inFlight } = usePlayground(selectStatus);
  const t = useMessages().status;
  return (
    <dl className="status">
      <dt>{t.time}</dt>
      <dd>
        <output data-testid="sim-time" data-ms={now} data-version={version} data-status={status}>
          {formatVirtualMs(now)}
        </output>
      </dd>
      <dt>{t.leader}</dt>
      <dd>
        <output data-testid="leader">{leader === null ? t.none : nodeName(leader)}</output>
      </dd>
      <dt>{t.seed}</dt>
      <dd data-testid="seed">{seed}</dd>
      <dt>{t.workers}</dt>
      <dd>
        <output data-testid="workers" title={t.workersTitle}>
          {status === 'starting' ? t.starting : workers}
        </output>
      </dd>
      <dt>{t.inFlight}</dt>
      <dd>
        <output data-testid="in-flight" title={t.inFlightTitle}>
          {inFlight}
        </output>
      </dd>
    </dl>
  );
}
