import { test as base, expect, type Download, type Locator, type Page } from '@playwright/test';
import type { RaftLessonTestHook } from '../src/ui/lessons/testHook.ts';
import type { RaftTestHook } from '../src/ui/testHook.ts';

/** Most presses of "Step" that stepUntilLeader makes: each runs one instant
 * (a timer or a delivery); a first election takes a few dozen. */
export const LEADER_STEPS_MAX = 300;

/** Longest wall time to wait for the page to reach a virtual time at full speed. */
export const RUN_WALL_MS_MAX = 20_000;

/** The side panel's tabs, as the page names them (src/ui/stage/SidePanel.tsx). */
export type SideTab =
  | 'Events'
  | 'History'
  | 'Safety'
  | 'Inspector'
  | 'Servers'
  | 'Share'
  | 'Lesson editor'
  | 'Options'
  | 'Key';

/** A speed as the speed selector names it. */
export type SpeedLabel = '1/100x' | '1/4x' | '1x' | '10x' | 'max';

/** The page as a student uses it: open a seed, pause, step, break servers, read the ring. */
export class Playground {
  /** Console errors and uncaught exceptions seen since the page opened. */
  readonly errors: string[] = [];

  constructor(readonly page: Page) {
    page.on('console', (message) => {
      if (message.type() === 'error') this.errors.push(message.text());
    });
    page.on('pageerror', (error) => this.errors.push(String(error)));
  }

  /**
   * Opens the playground on `seed` and waits until its workers have started;
   * `paused` starts it paused at time 0; `hook` exposes window.__raft (the
   * test contract in src/ui/testHook.ts).
   */
  async open({
    seed,
    paused = false,
    hook = false,
    options = {},
  }: {
    seed?: number;
    paused?: boolean;
    hook?: boolean;
    /** Cluster options as the address carries them (src/ui/urlOptions.ts), e.g. { nodes: '3' }. */
    options?: Readonly<Record<string, string>>;
  } = {}): Promise<void> {
    const params = new URLSearchParams();
    if (seed !== undefined) params.set('seed', String(seed));
    if (paused) params.set('paused', '1');
    if (hook) params.set('test', '1');
    for (const [key, value] of Object.entries(options)) params.set(key, value);
    await this.page.goto(`./?${params.toString()}`);
    await expect(this.simTime).toHaveAttribute('data-status', 'running');
  }

  /** The side panel beside the stage: events, history, safety, inspector, servers, share, options, key. */
  get sidePanel(): Locator {
    return this.page.getByTestId('side-panel');
  }

  /** Opens the side panel (if hidden) on one of its tabs, as a user would. */
  async show(tab: SideTab): Promise<void> {
    const toggle = this.page.getByRole('button', { name: 'Show details' });
    if (await toggle.isVisible()) await toggle.click();
    const button = this.sidePanel.getByRole('tab', { name: new RegExp(`^${tab}`) });
    await button.click();
    await expect(button).toHaveAttribute('aria-selected', 'true');
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

  get resetButton(): Locator {
    return this.page.getByRole('button', { name: 'Reset' });
  }

  get proposeButton(): Locator {
    return this.page.getByRole('button', { name: 'Propose' });
  }

  get healButton(): Locator {
    return this.page.getByRole('button', { name: 'Heal network' });
  }

  get speed(): Locator {
    return this.page.getByRole('combobox', { name: 'Speed' });
  }

  get dropRate(): Locator {
    return this.page.getByRole('combobox', { name: 'Drop rate' });
  }

  get duplicateRate(): Locator {
    return this.page.getByRole('combobox', { name: 'Duplicate rate' });
  }

  get simTime(): Locator {
    return this.page.getByTestId('sim-time');
  }

  get leader(): Locator {
    return this.page.getByTestId('leader');
  }

  get workers(): Locator {
    return this.page.getByTestId('workers');
  }

  /** Where the last proposal landed; `data-index` holds its log index. */
  get proposal(): Locator {
    return this.page.getByTestId('proposal');
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

  commit(id: number): Locator {
    return this.page.getByTestId(`commit-S${id}`);
  }

  lastLogIndex(id: number): Locator {
    return this.page.getByTestId(`log-S${id}`);
  }

  /** The error of a server whose worker failed. */
  error(id: number): Locator {
    return this.page.getByTestId(`error-S${id}`);
  }

  crashButton(id: number): Locator {
    return this.page.getByRole('button', { name: `Crash S${id}` });
  }

  restartButton(id: number): Locator {
    return this.page.getByRole('button', { name: `Restart S${id}` });
  }

  isolateButton(id: number): Locator {
    return this.page.getByRole('button', { name: `Isolate S${id}` });
  }

  /** Every node's role label that reads "leader". */
  get leaderRoles(): Locator {
    return this.page.getByTestId(/^role-S\d+$/).filter({ hasText: /^leader$/ });
  }

  /** A panel by its test id: logs-view, state-view, inspector, event-feed, history-view,
   * safety-badges, clients, options. */
  panel(testId: string): Locator {
    return this.page.getByTestId(testId);
  }

  /** The clients panel's operations, newest first; `data-progress` holds where each stands. */
  get clientOps(): Locator {
    return this.page.getByTestId('client-op');
  }

  /** Logs in through the clients panel's form (the password field is type=password). */
  async login(user: string, password: string): Promise<void> {
    const clients = this.panel('clients');
    await clients.getByLabel('User name').fill(user);
    await clients.getByLabel('Password').fill(password);
    await clients.getByRole('button', { name: 'Log in', exact: true }).click();
  }

  async setUserState(user: string, state: string): Promise<void> {
    const clients = this.panel('clients');
    await clients.getByLabel('User name').fill(user);
    await clients.getByLabel('New state').fill(state);
    await clients.getByRole('button', { name: 'Set state' }).click();
  }

  /** Reads `user`'s state as `client`: linearizable, or stale (any server). */
  async readUserState(client: string, user: string, { stale = false } = {}): Promise<void> {
    const clients = this.panel('clients');
    await clients.getByLabel('User name').fill(client);
    await clients.getByLabel('Read user').fill(user);
    await clients.getByLabel(/Stale read/).setChecked(stale);
    await clients.getByRole('button', { name: 'Read state' }).click();
  }

  /** Plays at full speed until the newest client operation has finished, then pauses. */
  async runUntilOpDone(): Promise<void> {
    await this.runUntil(() =>
      expect(this.clientOps.first()).toHaveAttribute('data-progress', /^(done|failed|refused)$/, {
        timeout: RUN_WALL_MS_MAX,
      }),
    );
  }

  /** Virtual time in ms, as the page shows it. */
  async now(): Promise<number> {
    return Number(await this.simTime.getAttribute('data-ms'));
  }

  /** The leader's number as the page shows it, or null. */
  async leaderId(): Promise<number | null> {
    const text = await this.leader.innerText();
    return text === 'none' ? null : Number(text.slice(1));
  }

  async commitIndex(id: number): Promise<number> {
    return Number(await this.commit(id).innerText());
  }

  /** Calls a method of the test hook window.__raft (needs `open({ hook: true })`). */
  async hook<K extends keyof RaftTestHook>(name: K): Promise<ReturnType<RaftTestHook[K]>> {
    return this.page.evaluate((n) => {
      const hook = window.__raft;
      if (!hook) throw new Error('window.__raft is not set: open the page with ?test=1.');
      return hook[n]() as ReturnType<RaftTestHook[K]>;
    }, name);
  }

  async play(): Promise<void> {
    await this.playButton.click();
    await expect(this.pauseButton).toBeVisible();
  }

  async pause(): Promise<void> {
    await this.pauseButton.click();
    await expect(this.playButton).toBeVisible();
  }

  async setSpeed(speed: SpeedLabel): Promise<void> {
    await this.speed.selectOption({ label: speed });
  }

  /** Presses "Step" once and waits until the page has drawn the result. */
  async step(): Promise<void> {
    const before = Number(await this.simTime.getAttribute('data-version'));
    await this.stepButton.click();
    await expect(this.simTime).toHaveAttribute('data-version', String(before + 1));
  }

  /** Steps until exactly one node shows the leader role; returns the steps taken. */
  async stepUntilLeader(stepsMax = LEADER_STEPS_MAX): Promise<number> {
    return this.stepUntil(
      async () => (await this.leaderRoles.count()) === 1,
      'a single leader',
      stepsMax,
    );
  }

  /**
   * Steps one instant at a time until `done` holds; returns the steps taken.
   * Unlike playing until it holds, this stops at the first instant it does,
   * so a state that lasts only a moment of virtual time is not missed.
   */
  async stepUntil(
    done: () => Promise<boolean>,
    what: string,
    stepsMax = LEADER_STEPS_MAX,
  ): Promise<number> {
    for (let steps = 0; steps <= stepsMax; steps++) {
      if (await done()) return steps;
      await this.step();
    }
    throw new Error(`No ${what} after ${stepsMax} steps.`);
  }

  /** Plays at full speed until `ms` more of virtual time have passed, then pauses. */
  async runFor(ms: number): Promise<void> {
    const target = (await this.now()) + ms;
    await this.setSpeed('max');
    await this.play();
    await expect
      .poll(() => this.now(), { timeout: RUN_WALL_MS_MAX })
      .toBeGreaterThanOrEqual(target);
    await this.pause();
  }

  /** Plays at full speed until `done` holds (a web-first assertion), then pauses. */
  async runUntil(done: () => Promise<void>): Promise<void> {
    await this.setSpeed('max');
    await this.play();
    await done();
    await this.pause();
  }

  /** The share panel (src/ui/share/SharePanel.tsx): links, run files, exports, the session. */
  get share(): Locator {
    return this.panel('share');
  }

  /** What the share panel says went wrong (a bad file). */
  get shareProblem(): Locator {
    return this.page.getByTestId('share-problem');
  }

  /** What the page says about the run it opened (a link, a file, the saved session). */
  get runNotice(): Locator {
    return this.page.getByTestId('restart-notice');
  }

  /** Presses "Copy link"; returns the link the panel shows (and copied, where the clipboard allows). */
  async copyLink(): Promise<string> {
    await this.show('Share');
    const field = this.page.getByTestId('share-link');
    const before = (await field.count()) > 0 ? await field.inputValue() : '';
    await this.share.getByRole('button', { name: 'Copy link' }).click();
    await expect(field).not.toHaveValue(before);
    return field.inputValue();
  }

  /** Presses a share panel button that downloads a file; returns the download. */
  async download(button: string | RegExp): Promise<Download> {
    await this.show('Share');
    const downloaded = this.page.waitForEvent('download');
    await this.share.getByRole('button', { name: button }).click();
    return downloaded;
  }

  /** Opens a run file through the share panel's file field. */
  async openRunFile(
    file: string | { name: string; mimeType: string; buffer: Buffer },
  ): Promise<void> {
    await this.show('Share');
    await this.share.getByLabel('Open run file').setInputFiles(file);
  }

  /** Waits until the session is saved at the instant shown (the page saves it as it goes). */
  async sessionSavedAt(atMs: number): Promise<void> {
    const status = this.page.getByTestId('session-status');
    await expect(status).toHaveAttribute('data-state', 'saved');
    await expect(status).toHaveAttribute('data-at-ms', String(atMs));
  }

  /**
   * The lesson panel (src/ui/lessons/LessonPanel.tsx): `data-lesson` names
   * the lesson, `data-step` the step shown (from 1), `data-phase` where it
   * stands (opening, running, waiting, paused, missed).
   */
  get lessonPanel(): Locator {
    return this.page.getByTestId('lesson-panel');
  }

  get lessonNarration(): Locator {
    return this.page.getByTestId('lesson-narration');
  }

  /** The live region that says a "now you try" is done; empty until it is. */
  get lessonTaskDone(): Locator {
    return this.page.getByTestId('lesson-task-done');
  }

  /** Opens `?lesson=<id>` (with the test hook) and waits until its run has started. */
  async openLesson(id: string): Promise<void> {
    await this.page.goto(`./?lesson=${encodeURIComponent(id)}&test=1`);
    await expect(this.simTime).toHaveAttribute('data-status', 'running');
  }

  /** Waits until the lesson shows step `step` (from 1), stopped in `phase`. */
  async lessonAt(step: number, phase: 'paused' | 'missed' = 'paused'): Promise<void> {
    await expect(this.lessonPanel).toHaveAttribute('data-step', String(step));
    await expect(this.lessonPanel).toHaveAttribute('data-phase', phase, {
      timeout: RUN_WALL_MS_MAX,
    });
  }

  /** Makes the shown step's task solution through the lesson test hook (needs `?test=1`). */
  async solveLessonTask(): Promise<void> {
    const solved = await this.page.evaluate(() => {
      const hook: RaftLessonTestHook | undefined = window.__raftLesson;
      if (!hook) throw new Error('window.__raftLesson is not set: open the page with ?test=1.');
      return hook.solve();
    });
    expect(solved, 'the step shown has a task').toBe(true);
  }

  /** Proposes on the leader; returns the log index the page reports for it. */
  async propose(): Promise<number> {
    const before = await this.proposal.getAttribute('data-index');
    await this.proposeButton.click();
    await expect(this.proposal).not.toHaveAttribute('data-index', before ?? '');
    return Number(await this.proposal.getAttribute('data-index'));
  }
}

export const test = base.extend<{ playground: Playground }>({
  playground: async ({ page }, use) => {
    await use(new Playground(page));
  },
});

export { expect };
