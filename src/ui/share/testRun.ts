import { createCluster, type Cluster } from '../../sim/index.ts';
import { DEFAULT_PAGE_OPTIONS } from '../urlOptions.ts';
import { makeRunSpec, runClusterOptions, type RunBase, type RunSpec } from './runSpec.ts';

/** Virtual ms between the actions of the sample run. */
const SAMPLE_STEP_MS = 97;

/**
 * A classroom run, headless, with `actions` user actions of every kind the
 * page makes (proposals, crashes and restarts, a partition, link cuts, loss
 * rates, client logins, writes and reads). For the share tests; not used by
 * the page.
 */
export function sampleRun(actions: number, seed = 7): { cluster: Cluster; spec: RunSpec } {
  const base: RunBase = { seed, options: { ...DEFAULT_PAGE_OPTIONS, dropRate: 0.01 } };
  const cluster = createCluster(runClusterOptions(base));
  cluster.advance(400);
  for (let k = 0; cluster.inputLog().length < actions; k++) {
    const id = (k % base.options.nodes) + 1;
    switch (k % 8) {
      case 0:
        cluster.client(`user${k % 3}`).login(`password${k % 3}`);
        break;
      case 1:
        cluster.propose(cluster.leader() ?? id, `x${k}`);
        break;
      case 2:
        cluster.client(`user${k % 3}`).setState(`state ${k}`);
        break;
      case 3:
        cluster.crash(id);
        break;
      case 4:
        cluster.restart(((k - 1) % base.options.nodes) + 1);
        break;
      case 5:
        cluster.partition([[id], cluster.ids.filter((x) => x !== id)]);
        break;
      case 6:
        cluster.heal();
        cluster.setLink(id, (id % base.options.nodes) + 1, false);
        break;
      default:
        cluster.client('reader').getState(`user${k % 3}`, { stale: k % 2 === 0 });
        cluster.setDropRate((k % 5) / 100);
    }
    cluster.advance(SAMPLE_STEP_MS);
  }
  cluster.advance(250);
  return { cluster, spec: makeRunSpec(base, cluster.inputLog(), cluster.now) };
}
