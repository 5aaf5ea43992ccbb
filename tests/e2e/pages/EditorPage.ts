import type { Locator, Page } from 'playwright-core';

/** The editor on the viewer screen: toolbar, save indicator, canvas gestures in image pixels. */
export class EditorPage {
  readonly canvas: Locator;
  readonly saveState: Locator;
  readonly save: Locator;
  readonly readOnly: Locator;
  readonly conflict: Locator;
  readonly contextMenu: Locator;
  readonly count: Locator;
  readonly status: Locator;

  constructor(readonly page: Page) {
    this.canvas = page.getByTestId('viewer.canvas');
    this.saveState = page.getByTestId('editor.saveState');
    this.save = page.getByTestId('editor.save');
    this.readOnly = page.getByTestId('editor.readOnly');
    this.conflict = page.getByTestId('editor.conflict');
    this.contextMenu = page.getByTestId('editor.contextMenu');
    this.count = page.getByTestId('viewer.annotationCount');
    this.status = page.getByTestId('viewer.status');
  }

  tool(name: string): Locator {
    return this.page.getByTestId(`editor.tool.${name}`);
  }

  async annotationCount(): Promise<number> {
    return Number(await this.count.innerText());
  }

  /** Page coordinates of an image point, from the camera the stage reports (data-scale, data-offset). */
  async toPage(x: number, y: number): Promise<{ x: number; y: number }> {
    const box = (await this.canvas.boundingBox())!;
    const { scale, offset } = await this.canvas.evaluate((el) => ({
      scale: Number(el.dataset.scale),
      offset: (el.dataset.offset ?? '0,0').split(',').map(Number),
    }));
    return { x: box.x + offset[0]! + x * scale, y: box.y + offset[1]! + y * scale };
  }

  async click(x: number, y: number): Promise<void> {
    const p = await this.toPage(x, y);
    await this.page.mouse.click(p.x, p.y);
  }

  async drag(from: { x: number; y: number }, to: { x: number; y: number }): Promise<void> {
    const a = await this.toPage(from.x, from.y);
    const b = await this.toPage(to.x, to.y);
    await this.page.mouse.move(a.x, a.y);
    await this.page.mouse.down();
    await this.page.mouse.move(b.x, b.y, { steps: 8 });
    await this.page.mouse.up();
  }

  /** Ids selected now (the stage container's data-selection, set by the editor view). */
  async selection(): Promise<string[]> {
    const value = await this.canvas.getAttribute('data-selection');
    return value ? value.split(',') : [];
  }

  /** Waits until the bulk layer has drawn `count` shapes (it follows every change, undo included). */
  async waitForDrawnCount(count: number, timeout = 10_000): Promise<void> {
    await this.page.waitForFunction(
      (n) =>
        (document.querySelector('[data-testid="viewer.canvas"]') as HTMLElement | null)?.dataset.drawnCount ===
        String(n),
      count,
      { timeout, polling: 50 },
    );
  }

  async waitForSaved(timeout = 30_000): Promise<string> {
    await this.page.waitForFunction(
      () => {
        const state = document.querySelector('[data-testid="editor.saveState"]')?.getAttribute('data-state');
        return state === 'saved' || state === 'local';
      },
      undefined,
      { timeout, polling: 50 },
    );
    return this.saveState.innerText();
  }
}
