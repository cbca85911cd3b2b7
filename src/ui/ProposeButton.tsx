import { nodeName } from './labels.ts';
import { selectProposal } from './selectors.ts';
import { usePlayground } from './usePlayground.ts';

/** Proposes a new command on the leader, and says where it landed. */
export function ProposeButton() {
  const { running, leader, lastProposal, propose } = usePlayground(selectProposal);
  return (
    <div className="propose">
      <button
        type="button"
        disabled={!running || leader === null}
        onClick={() => void propose()}
        title="Ask the leader to append a new command to its log"
      >
        Propose
      </button>
      <output data-testid="proposal" data-index={lastProposal?.index ?? ''}>
        {lastProposal
          ? `${lastProposal.command} went to ${nodeName(lastProposal.id)} at index ${lastProposal.index}, term ${lastProposal.term}`
          : 'nothing proposed yet'}
      </output>
    </div>
  );
}
