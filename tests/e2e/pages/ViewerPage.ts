import type { Locator, Page } from 'playwright-core';

/** What the stage container reports after each draw (attributes set by renderer/viewer/viewerStage.ts). */
export interface DrawState {
  contentId: string | null;
  drawnId: string | null;
  mode: string | null;
  drawnCount: number;
  seq: number;
  scale: number;
  offset: [number, number];
}

/** The image viewer: header, Konva stage, side panel with legend and notes. */
export class ViewerPage {
  readonly root: Locator;
  readonly canvas: Locator;
  readonly filename: Locator;
  readonly folder: Locator;
  readonly position: Locator;
  readonly next: Locator;
  readonly previous: Locator;
  readonly back: Locator;
  readonly zoom: Locator;
  readonly zoomIn: Locator;
  readonly fit: Locator;
  readonly actualSize: Locator;
  readonly status: Locator;
  readonly annotationCount: Locator;
  readonly legend: Locator;
  readonly minimap: Locator;
  readonly pictureError: Locator;
  readonly error: Locator;
  readonly brightness: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('viewer');
    this.canvas = page.getByTestId('viewer.canvas');
    this.filename = page.getByTestId('viewer.filename');
    this.folder = page.getByTestId('viewer.folder');
    this.position = page.getByTestId('viewer.position');
    this.next = page.getByTestId('viewer.next');
    this.previous = page.getByTestId('viewer.previous');
    this.back = page.getByTestId('viewer.back');
    this.zoom = page.getByTestId('viewer.zoom');
    this.zoomIn = page.getByTestId('viewer.zoomIn');
    this.fit = page.getByTestId('viewer.fit');
    this.actualSize = page.getByTestId('viewer.actualSize');
    this.status = page.getByTestId('viewer.status');
    this.annotationCount = page.getByTestId('viewer.annotationCount');
    this.legend = page.getByTestId('viewer.legend');
    this.minimap = page.getByTestId('viewer.minimap');
    this.pictureError = page.getByTestId('viewer.pictureError');
    this.error = page.getByTestId('viewer.error');
    this.brightness = page.getByTestId('viewer.brightness');
  }

  legendRow(className: string): Locator {
    return this.page.getByTestId(`viewer.legend.${className}`);
  }

  note(id: string): Locator {
    return this.page.getByTestId(`viewer.note.${id}`);
  }

  async imageId(): Promise<string | null> {
    return this.root.getAttribute('data-image-id');
  }

  async drawState(): Promise<DrawState> {
    return this.canvas.evaluate((el) => {
      const data = (el as HTMLElement).dataset;
      const [x, y] = (data.offset ?? '0,0').split(',').map(Number);
      return {
        contentId: data.contentId ?? null,
        drawnId: data.drawnId ?? null,
        mode: data.drawMode ?? null,
        drawnCount: Number(data.drawnCount ?? 0),
        seq: Number(data.drawSeq ?? 0),
        scale: Number(data.scale ?? 0),
        offset: [x ?? 0, y ?? 0] as [number, number],
      };
    });
  }

  /** Waits until `imageId` (or whatever is shown) has been drawn crisp after draw number `afterSeq`. */
  async waitForCrisp(options: { imageId?: string; afterSeq?: number; timeout?: number } = {}): Promise<DrawState> {
    await this.page.waitForFunction(
      ([id, after]) => {
        const el = document.querySelector('[data-testid="viewer.canvas"]') as HTMLElement | null;
        const data = el?.dataset;
        if (!data || data.drawMode !== 'crisp' || !data.drawnId) return false;
        if (id && data.drawnId !== id) return false;
        return Number(data.drawSeq ?? 0) > (after ?? 0);
      },
      [options.imageId ?? null, options.afterSeq ?? 0] as const,
      { timeout: options.timeout ?? 30_000, polling: 50 },
    );
    return this.drawState();
  }

  /** Non-transparent pixels and a checksum of the annotation layer (the stage's second canvas). */
  async annotationPixels(): Promise<{ painted: number; checksum: number }> {
    return this.canvas.evaluate((el) => {
      const canvas = el.querySelectorAll('canvas')[1] as HTMLCanvasElement;
      const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      let painted = 0;
      let checksum = 0;
      for (let i = 0; i < data.length; i += 4) {
        if (data[i + 3]! > 0) painted++;
        checksum = (checksum * 31 + data[i]! + data[i + 1]! * 3 + data[i + 2]! * 7 + data[i + 3]! * 11) >>> 0;
      }
      return { painted, checksum };
    });
  }

  /** The CSS filter on the picture layer's canvas (brightness and contrast are applied by the compositor). */
  async pictureFilter(): Promise<string> {
    return this.canvas.evaluate((el) => (el.querySelectorAll('canvas')[0] as HTMLCanvasElement).style.filter);
  }

  async notesText(): Promise<string> {
    const notes = this.page.getByTestId('viewer.notes');
    return (await notes.count()) > 0 ? notes.innerText() : '';
  }
}
