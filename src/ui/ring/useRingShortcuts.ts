import type { NodeId } from '../../sim/index.ts';
import { usePlayground } from '../usePlayground.ts';
import { nodeMenuItems } from './actions.ts';
import type { LinkState } from './links.ts';
import { selectShortcutState } from './selectors.ts';
import type { useDisplay } from './useDisplay.ts';
import { useShortcuts } from './useShortcuts.ts';
import type { PlaygroundState } from '../store.ts';

/** How far `[` goes back on the timeline, in virtual ms. */
export const BACK_STEP_MS = 500;

const selectKeyActions = (s: PlaygroundState) => ({
  play: s.play,
  pause: s.pause,
  step: s.step,
  act: s.act,
  heal: s.heal,
  select: s.select,
  travel: s.travel,
  toPresent: s.toPresent,
  nodes: s.nodes,
});

interface Options {
  ids: readonly NodeId[];
  groups: readonly (readonly NodeId[])[];
  links: readonly LinkState[];
  openHelp: () => void;
  closeAll: () => void;
  display: ReturnType<typeof useDisplay>;
}

/** The demo's keyboard (ring/shortcuts.ts has the map and the help text). */
export function useRingShortcuts({ ids, links, openHelp, closeAll, display }: Options) {
  const { running, playing, leader, selection, now, past } = usePlayground(selectShortcutState);
  const a = usePlayground(selectKeyActions);
  const selected =
    selection?.kind === 'node' ? a.nodes.find((n) => n.id === selection.id) : undefined;
  useShortcuts((action) => {
    const onSelected = (key: string) => {
      if (!running || !selected) return false;
      const item = nodeMenuItems(selected, leader, ids, links, a.act).find((i) => i.key === key);
      if (!item || item.disabledBecause !== null) return false;
      void item.run();
      return true;
    };
    switch (action.kind) {
      case 'playPause':
        if (!running) return false;
        void (playing ? a.pause() : a.play());
        return true;
      case 'step':
        if (!running) return false;
        void a.step();
        return true;
      case 'select': {
        if (!ids.includes(action.id)) return false;
        a.select({ kind: 'node', id: action.id });
        document.querySelector<SVGGElement>(`[data-node="${action.id}"]`)?.focus();
        return true;
      }
      case 'crash':
        return onSelected('crash');
      case 'restart':
        return onSelected('restart');
      case 'timeoutNow':
        return onSelected('timeout');
      case 'isolate':
        return onSelected('isolate');
      case 'transfer':
        return onSelected('transfer');
      case 'healAll':
        if (!running) return false;
        void a.heal();
        return true;
      case 'help':
        openHelp();
        return true;
      case 'theme':
        display.toggleTheme();
        return true;
      case 'presenter':
        display.togglePresenter();
        return true;
      case 'back':
        if (!running) return false;
        void a.travel((past?.atMs ?? now) - BACK_STEP_MS);
        return true;
      case 'present':
        if (!past) return false;
        void a.toPresent();
        return true;
      case 'escape':
        closeAll();
        return false;
    }
  });
}
