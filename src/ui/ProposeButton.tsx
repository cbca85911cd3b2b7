import { useMessages } from './i18n/index.ts';
import { nodeName } from './labels.ts';
import { selectProposal } from './selectors.ts';
import { usePlayground } from './usePlayground.ts';

/** Proposes a new command on the leader, and says where it landed. */
export function ProposeButton() {
  const { running, leader, lastProposal, propose } = usePlayground(selectProposal);
  const s = useMessages().servers;
  return (
    <div className="propose">
      <button
        type="button"
        disabled={!running || leader === null}
        onClick={() => void propose()}
        title={s.proposeTitle}
      >
        {s.propose}
      </button>
      <output data-testid="proposal" data-index={lastProposal?.index ?? ''}>
        {lastProposal
          ? s.proposed(
              lastProposal.command,
              nodeName(lastProposal.id),
              lastProposal.index,
              lastProposal.term,
            )
          : s.nothingProposed}
      </output>
    </div>
  );
}
