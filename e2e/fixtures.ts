import { test as base, expect, type Locator, type Page } from '@playwright/test';

/** Most presses of "Step" that stepUntilLeader makes: each runs one instant
 * (a timer or a delivery); a first election takes a few dozen. */
export const LEADER_STEPS_MAX = 300;

/** The page as a student uses it: open a seed, pause, step, read the ring. */
export class Playground {
  /** Console errors and uncaught exceptions seen since the page opened. */
  readonly errors: string[] = [];

  constructor(readonly page: Page) {
    page.on('console', (message) => {
      if (message.type() === 'error') this.errors.push(message.text());
    });
    page.on('pageerror', (error) => this.errors.push(String(error)));
  }

  /** Opens the playground on `seed`; `paused` starts it paused at time 0. */
  async open({ seed, paused = false }: { seed?: number; paused?: boolean } = {}): Promise<void> {
    const params = new URLSearchParams();
    if (seed !== undefined) params.set('seed', String(seed));
    if (paused) params.set('paused', '1');
    await this.page.goto(`./?${params.toString()}`);
    await expect(this.simTime).toBeVisible();
  }

  get playButton(): Locator {
    return this.page.getByRole('button', { name: 'Play' });
  }

  get pauseButton(): Locator {
    return this.page.getByRole('button', { name: 'Pause' });
  }

  get stepButton(): Locator {
    return this.page.getByRole('button', { name: 'Step' });
  }

  get simTime(): Locator {
    return this.page.getByTestId('sim-time');
  }

  get leader(): Locator {
    return this.page.getByTestId('leader');
  }

  /** A node on the ring, by number (1 for S1). */
  node(id: number): Locator {
    return this.page.getByTestId(`node-S${id}`);
  }

  role(id: number): Locator {
    return this.page.getByTestId(`role-S${id}`);
  }

  term(id: number): Locator {
    return this.page.getByTestId(`term-S${id}`);
  }

  /** Every node's role label that reads "leader". */
  get leaderRoles(): Locator {
    return this.page.getByTestId(/^role-S\d+$/).filter({ hasText: /^leader$/ });
  }

  /** Virtual time in ms, as the page shows it. */
  async now(): Promise<number> {
    return Number(await this.simTime.getAttribute('data-ms'));
  }

  async pause(): Promise<void> {
    await this.pauseButton.click();
    await expect(this.playButton).toBeVisible();
  }

  /** Presses "Step" once and waits until the page has drawn the result. */
  async step(): Promise<void> {
    const before = Number(await this.simTime.getAttribute('data-version'));
    await this.stepButton.click();
    await expect(this.simTime).toHaveAttribute('data-version', String(before + 1));
  }

  /** Steps until exactly one node shows the leader role; returns the steps taken. */
  async stepUntilLeader(stepsMax = LEADER_STEPS_MAX): Promise<number> {
    for (let steps = 0; steps <= stepsMax; steps++) {
      if ((await this.leaderRoles.count()) === 1) return steps;
      await this.step();
    }
    throw new Error(`No single leader after ${stepsMax} steps.`);
  }
}

export const test = base.extend<{ playground: Playground }>({
  playground: async ({ page }, use) => {
    await use(new Playground(page));
  },
});

export { expect };
