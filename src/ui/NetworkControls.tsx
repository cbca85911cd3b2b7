import { messages, useMessages } from './i18n/index.ts';
import { groupsFromLinks, type LinkState } from './ring/links.ts';
import { selectNetwork } from './selectors.ts';
import { usePlayground } from './usePlayground.ts';

/** Loss and duplication rates a student can pick, as fractions. */
const RATES = [0, 0.01, 0.05, 0.1, 0.25, 0.5] as const;

const selectLinks = (s: {
  view: { links: readonly LinkState[] };
  nodes: readonly { id: number }[];
}) => ({
  links: s.view.links,
  nodes: s.nodes,
});

/** The network's cuts in words, from the links as the cluster reports them. */
function cutsText(
  isolated: readonly number[],
  ids: readonly number[],
  links: readonly LinkState[],
): string {
  const n = messages().network;
  const groups = groupsFromLinks(ids, links);
  const name = (g: readonly number[]) => n.list(g.map((id) => `S${id}`));
  if (isolated.length > 0 && groups.some((g) => name(g) === name(isolated)))
    return n.cutOff(name(isolated));
  if (groups.length > 1) return n.partition(groups.map(name));
  const oneWay = links.filter((l) => l.aToB !== l.bToA).length;
  return oneWay > 0 ? n.oneWay(oneWay) : n.whole;
}

function percent(rate: number): string {
  return messages().units.percent(Math.round(rate * 100));
}

interface RateProps {
  label: string;
  value: number;
  disabled: boolean;
  onChange: (rate: number) => void;
}

function RateSelect({ label, value, disabled, onChange }: RateProps) {
  return (
    <label>
      {label}
      <select
        value={value}
        disabled={disabled}
        onChange={(event) => onChange(Number(event.target.value))}
      >
        {RATES.map((rate) => (
          <option key={rate} value={rate}>
            {percent(rate)}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The network's faults: message loss, duplication, and repairing every cut. */
export function NetworkControls() {
  const { running, dropRate, duplicateRate, isolated, setDropRate, setDuplicateRate, heal } =
    usePlayground(selectNetwork);
  const { links, nodes } = usePlayground(selectLinks);
  const n = useMessages().network;
  return (
    <fieldset className="network" disabled={!running}>
      <legend>{n.legend}</legend>
      <RateSelect
        label={n.drop}
        value={dropRate}
        disabled={!running}
        onChange={(r) => void setDropRate(r)}
      />
      <RateSelect
        label={n.duplicate}
        value={duplicateRate}
        disabled={!running}
        onChange={(r) => void setDuplicateRate(r)}
      />
      <button type="button" onClick={() => void heal()} title={n.healTitle}>
        {n.heal}
      </button>
      <span data-testid="isolated">
        {cutsText(
          isolated,
          nodes.map((n) => n.id),
          links,
        )}
      </span>
    </fieldset>
  );
}
