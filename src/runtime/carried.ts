import type { NodeInput } from './protocol';

export type ProposeResult = { index: number; term: number } | null;

/** What an input gives back when it applies later, with its node's next command. */
export class Later {
  constructor(readonly result: Promise<ProposeResult>) {}
}

/** An input waiting to ride in its node's next command. */
interface CarriedInput {
  readonly input: NodeInput;
  /** Inputs are numbered in the order they applied, across nodes. */
  readonly seq: number;
  readonly resolve: (result: ProposeResult) => void;
}

/** One node's inputs not sent yet: they go with its next command rather than a round trip each. */
export class Carried {
  private inputs: CarriedInput[] = [];

  get empty(): boolean {
    return this.inputs.length === 0;
  }

  /** The time of the earliest input, or Infinity. */
  firstAt(): number {
    return this.inputs[0]?.input.nowMs ?? Infinity;
  }

  /** Queues `input`; resolves with what it returned once its command is answered. */
  add(input: NodeInput, seq: number): Promise<ProposeResult> {
    return new Promise((resolve) => this.inputs.push({ input, seq, resolve }));
  }

  /** Hands every queued input over, for the next command. */
  take(): CarriedInput[] {
    const inputs = this.inputs;
    this.inputs = [];
    return inputs;
  }

  /** A node that stops takes its inputs with it: they resolve as if it were down. */
  drop(): void {
    for (const c of this.take()) c.resolve(null);
  }
}
