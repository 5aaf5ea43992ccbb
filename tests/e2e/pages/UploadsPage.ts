import type { Locator, Page } from 'playwright-core';

/** Uploading into the open dataset: drop or pick, confirm, and the queue under the browser. */
export class UploadsPage {
  readonly addFiles: Locator;
  readonly addFolder: Locator;
  readonly draft: Locator;
  readonly draftDescription: Locator;
  readonly draftNotes: Locator;
  readonly start: Locator;
  readonly skipDuplicates: Locator;
  readonly renameDuplicates: Locator;
  readonly queue: Locator;
  readonly items: Locator;
  readonly batchSummary: Locator;
  readonly clear: Locator;
  readonly dropTarget: Locator;

  constructor(readonly page: Page) {
    this.addFiles = page.getByTestId('uploads.addFiles');
    this.addFolder = page.getByTestId('uploads.addFolder');
    this.draft = page.getByTestId('uploads.draft');
    this.draftDescription = page.getByTestId('uploads.draft.description');
    this.draftNotes = page.getByTestId('uploads.draft.note');
    this.start = page.getByTestId('uploads.draft.start');
    this.skipDuplicates = page.getByTestId('uploads.duplicates.skip');
    this.renameDuplicates = page.getByTestId('uploads.duplicates.rename');
    this.queue = page.getByTestId('uploads.queue');
    this.items = page.getByTestId('uploads.item');
    this.batchSummary = page.getByTestId('uploads.batch.summary');
    this.clear = page.getByTestId('uploads.clear');
    this.dropTarget = page.getByTestId('dataset.screen');
  }

  /**
   * Drops files on the browser the way the OS does: a DataTransfer of File objects (names only;
   * the harness's `dropPaths` gives each its path on disk, as Electron's preload would).
   */
  async dropFiles(names: string[]): Promise<void> {
    const transfer = await this.page.evaluateHandle((list) => {
      const data = new DataTransfer();
      for (const name of list) data.items.add(new File(['x'], name, { type: 'image/jpeg' }));
      return data;
    }, names);
    await this.dropTarget.dispatchEvent('dragenter', { dataTransfer: transfer });
    await this.dropTarget.dispatchEvent('dragover', { dataTransfer: transfer });
    await this.dropTarget.dispatchEvent('drop', { dataTransfer: transfer });
  }

  item(filename: string): Locator {
    return this.items.filter({ has: this.page.getByTestId('uploads.item.name').getByText(filename) });
  }

  /** Every item's shown name, state and message. */
  async itemStates(): Promise<{ name: string; state: string; message: string | null }[]> {
    const out: { name: string; state: string; message: string | null }[] = [];
    for (const item of await this.items.all()) {
      const message = item.getByTestId('uploads.item.message');
      out.push({
        name: (await item.getByTestId('uploads.item.name').innerText()).trim(),
        state: (await item.getAttribute('data-state')) ?? '',
        message: (await message.count()) > 0 ? (await message.innerText()).trim() : null,
      });
    }
    return out;
  }
}
