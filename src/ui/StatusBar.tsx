import { formatVirtualMs, nodeName } from './labels.ts';
import { selectLeader, selectNow, selectSeed, selectVersion } from './selectors.ts';
import { usePlayground } from './usePlayground.ts';

/** Virtual time, the current leader and the seed, in words. */
export function StatusBar() {
  const now = usePlayground(selectNow);
  const leader = usePlayground(selectLeader);
  const seed = usePlayground(selectSeed);
  const version = usePlayground(selectVersion);
  return (
    <dl className="status">
      <dt>Virtual time</dt>
      <dd>
        <output data-testid="sim-time" data-ms={now} data-version={version}>
          {formatVirtualMs(now)}
        </output>
      </dd>
      <dt>Leader</dt>
      <dd>
        <output data-testid="leader">{leader === null ? 'none' : nodeName(leader)}</output>
      </dd>
      <dt>Seed</dt>
      <dd data-testid="seed">{seed}</dd>
    </dl>
  );
}
