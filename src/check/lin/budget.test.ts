import { describe, expect, it } from 'vitest';
import { Budget, CLOCK_CHECK_INTERVAL_STEPS } from './budget';

describe('Budget', () => {
  it('grants steps in batches no larger than the clock interval or what is left', () => {
    const budget = new Budget({ maxSteps: CLOCK_CHECK_INTERVAL_STEPS + 10 });

    expect(budget.stepsUntilCheck()).toBe(CLOCK_CHECK_INTERVAL_STEPS);
    budget.charge(CLOCK_CHECK_INTERVAL_STEPS);
    expect(budget.hasRemaining()).toBe(true);
    expect(budget.stepsUntilCheck()).toBe(10);
    budget.charge(10);
    expect(budget.hasRemaining()).toBe(false);
    expect(budget.exhausted).toBe('steps');
  });

  it('reads the injected clock, never a real one', () => {
    let nowMs = 100;
    const budget = new Budget({ now: () => nowMs, timeoutMs: 50 });

    expect(budget.hasRemaining()).toBe(true);
    nowMs = 149;
    expect(budget.hasRemaining()).toBe(true);
    nowMs = 150;
    expect(budget.hasRemaining()).toBe(false);
    expect(budget.exhausted).toBe('time');
  });

  it('is unlimited by default', () => {
    const budget = new Budget();
    budget.charge(1e12);

    expect(budget.hasRemaining()).toBe(true);
  });
});
