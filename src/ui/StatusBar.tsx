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
  return (
    <dl className="status">
      <dt>Virtual time</dt>
      <dd>
        <output data-testid="sim-time" data-ms={now} data-version={version} data-status={status}>
          {formatVirtualMs(now)}
        </output>
      </dd>
      <dt>Leader</dt>
      <dd>
        <output data-testid="leader">{leader === null ? 'none' : nodeName(leader)}</output>
      </dd>
      <dt>Seed</dt>
      <dd data-testid="seed">{seed}</dd>
      <dt>Workers</dt>
      <dd>
        <output data-testid="workers" title="Web Workers running, one per live server">
          {status === 'starting' ? 'starting' : workers}
        </output>
      </dd>
      <dt>In flight</dt>
      <dd>
        <output data-testid="in-flight" title="Messages on the wire">
          {inFlight}
        </output>
      </dd>
    </dl>
  );
}
