import { test as base, expect, type Locator, type Page } from '@playwright/test';
import { Playground } from './fixtures.ts';

/**
 * The cluster panel as a student uses it: the ring's servers and links and
 * their menus, dragging servers into groups, the timeline, the shortcuts
 * help, the theme and presenter switches. Extends the playground's page
 * object, so every test also checks the console stays clean.
 */
export class RingPage extends Playground {
  constructor(page: Page) {
    super(page);
    page.on('console', (message) => {
      if (message.type() === 'warning') this.errors.push(`warning: ${message.text()}`);
    });
  }

  link(a: number, b: number): Locator {
    return this.page.getByTestId(`link-S${Math.min(a, b)}-S${Math.max(a, b)}`);
  }

  get nodeMenu(): Locator {
    return this.page.getByRole('menu', { name: /actions$/ });
  }

  get linkMenu(): Locator {
    return this.page.getByRole('menu', { name: /^Link / });
  }

  menuItem(name: string | RegExp): Locator {
    return this.page.getByRole('menuitem', { name });
  }

  side(id: number): Locator {
    return this.page.getByTestId(`side-S${id}`);
  }

  get flights(): Locator {
    return this.page.getByTestId('flight');
  }

  get timeline(): Locator {
    return this.page.getByRole('slider', { name: 'Timeline' });
  }

  get timelineWhere(): Locator {
    return this.page.getByTestId('timeline-where');
  }

  get forkNotice(): Locator {
    return this.page.getByTestId('fork-notice');
  }

  get healAllButton(): Locator {
    return this.page.getByRole('button', { name: 'Heal all links' });
  }

  get helpPanel(): Locator {
    return this.page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  }

  get html(): Locator {
    return this.page.locator('html');
  }

  /** Opens a server's menu with a click (or a tap on a touch screen) and picks `item`. */
  async nodeAction(id: number, item: string | RegExp): Promise<void> {
    await this.node(id).click();
    await expect(this.nodeMenu).toBeVisible();
    await this.menuItem(item).click();
    await expect(this.nodeMenu).toBeHidden();
  }

  async linkAction(a: number, b: number, item: string | RegExp): Promise<void> {
    await this.link(a, b).click();
    await expect(this.linkMenu).toBeVisible();
    await this.menuItem(item).click();
    await expect(this.linkMenu).toBeHidden();
  }

  /** Drags server `id` onto server `onto`, or onto the empty middle of the ring. */
  async drag(id: number, onto: number | 'middle'): Promise<void> {
    const from = await this.node(id).boundingBox();
    const target =
      onto === 'middle'
        ? await this.page.getByTestId('ring').boundingBox()
        : await this.node(onto).boundingBox();
    if (!from || !target) throw new Error('The ring is not on screen.');
    await this.page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await this.page.mouse.down();
    await this.page.mouse.move(target.x + target.width / 2, target.y + target.height / 2, {
      steps: 12,
    });
    await this.page.mouse.up();
  }

  /** Moves the timeline to `ms` (the slider takes keyboard and fill like any range). */
  async travelTo(ms: number): Promise<void> {
    await this.timeline.fill(String(ms));
    await expect(this.timelineWhere).toHaveAttribute('data-past', 'true');
    await expect(this.simTime).toHaveAttribute('data-ms', String(ms));
  }

  async shot(name: string): Promise<void> {
    await this.page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true });
  }
}

export const test = base.extend<{ ring: RingPage }>({
  ring: async ({ page }, use) => {
    const ring = new RingPage(page);
    await use(ring);
    expect(ring.errors, 'console errors and warnings').toEqual([]);
  },
});

export { expect };
