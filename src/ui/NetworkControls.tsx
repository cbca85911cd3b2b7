import { selectNetwork } from './selectors.ts';
import { usePlayground } from './usePlayground.ts';

/** Loss and duplication rates a student can pick, as fractions. */
const RATES = [0, 0.01, 0.05, 0.1, 0.25, 0.5] as const;

function percent(rate: number): string {
  return `${Math.round(rate * 100)}%`;
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
  return (
    <fieldset className="network" disabled={!running}>
      <legend>Network</legend>
      <RateSelect
        label="Drop rate"
        value={dropRate}
        disabled={!running}
        onChange={(r) => void setDropRate(r)}
      />
      <RateSelect
        label="Duplicate rate"
        value={duplicateRate}
        disabled={!running}
        onChange={(r) => void setDuplicateRate(r)}
      />
      <button type="button" onClick={() => void heal()} title="Repair every cut link">
        Heal network
      </button>
      <span data-testid="isolated">
        {isolated.length === 0
          ? 'no partition'
          : `partition: ${isolated.map((id) => `S${id}`).join(', ')} cut off`}
      </span>
    </fieldset>
  );
}
