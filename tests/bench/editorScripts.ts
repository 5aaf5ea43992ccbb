/**
 * Code the editor's browser benchmarks run inside the page (plain JavaScript source: this folder
 * is type-checked without DOM types). Each is `(arg) => Promise<result>`; see editorBrowser.ts.
 * Costs are the work each step causes — the synchronous event handling, the layer's drawing
 * calls (data-overlay-ms / data-draw-ms) and the raster forced by reading a pixel — not the idle
 * wait for the next animation frame.
 */
export const EDITOR_STEPS = `async ({ imageId, moves, rounds }) => {
  const el = document.querySelector('[data-testid="viewer.canvas"]');
  const canvases = el.querySelectorAll('canvas');
  const bulk = canvases[1];
  const live = canvases[2];
  const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
  const box = el.getBoundingClientRect();
  const camera = () => {
    const [ox, oy] = el.dataset.offset.split(',').map(Number);
    return { scale: Number(el.dataset.scale), ox, oy };
  };
  const toClient = (p) => { const c = camera(); return { x: box.left + c.ox + p.x * c.scale, y: box.top + c.oy + p.y * c.scale }; };
  const pointer = (type, p) => el.dispatchEvent(new PointerEvent(type, { clientX: p.x, clientY: p.y, button: 0, buttons: type === 'pointerup' ? 0 : 1, pointerId: 1, isPrimary: true, bubbles: true, cancelable: true }));
  // Resolves false when nothing was drawn (a click that selected nothing): that sample is skipped.
  const waitFor = (key, after) => new Promise((resolve) => {
    if (Number(el.dataset[key] || 0) > after) return resolve(true);
    const timer = setTimeout(() => { observer.disconnect(); resolve(false); }, 5000);
    const observer = new MutationObserver(() => {
      if (Number(el.dataset[key] || 0) > after) { observer.disconnect(); clearTimeout(timer); resolve(true); }
    });
    observer.observe(el, { attributes: true });
  });
  const skipped = [];
  const raster = (canvas) => { const t = performance.now(); canvas.getContext('2d').getImageData(0, 0, 1, 1); return performance.now() - t; };
  const answer = await window.api.annotations.get({ imageId });
  const list = answer.value.annotations;

  // Rounds of: click a polygon's centre (select → highlighted), drag its first vertex (per move),
  // release (commit into the bulk layer), undo (back to the stored tile).
  const select = [];
  const drag = [];
  const commit = [];
  const commitHandled = [];
  for (let r = 0; r < rounds; r++) {
    const ring = list[(r * 997 + 11) % list.length].polygon.paths[0];
    const centre = ring.reduce((acc, p) => ({ x: acc.x + p.x / ring.length, y: acc.y + p.y / ring.length }), { x: 0, y: 0 });
    let at = toClient(centre);
    let seq = Number(el.dataset.overlaySeq || 0);
    let t0 = performance.now();
    pointer('pointerdown', at);
    pointer('pointerup', at);
    let handled = performance.now() - t0;
    if (!(await waitFor('overlaySeq', seq))) { skipped.push('select'); continue; }
    select.push(handled + Number(el.dataset.overlayMs) + raster(live));
    await frame();
    const target = list.find((a) => a.id === el.dataset.selection);
    if (!target) continue;
    at = toClient(target.polygon.paths[0][0]);
    seq = Number(el.dataset.overlaySeq || 0);
    pointer('pointerdown', at);
    await waitFor('overlaySeq', seq);
    await frame();
    for (let i = 0; i < moves; i++) {
      at = { x: at.x + (i % 2 ? -1 : 2), y: at.y + 1 };
      seq = Number(el.dataset.overlaySeq || 0);
      t0 = performance.now();
      pointer('pointermove', at);
      handled = performance.now() - t0;
      await waitFor('overlaySeq', seq);
      drag.push(handled + Number(el.dataset.overlayMs) + raster(live));
      await frame();
    }
    // Let the one bulk redraw that masks the dragged shape out finish before timing the commit.
    await frame();
    await frame();
    const drawSeq = Number(el.dataset.drawSeq || 0);
    t0 = performance.now();
    pointer('pointerup', at);
    handled = performance.now() - t0;
    if (await waitFor('drawSeq', drawSeq)) {
      commit.push(handled + Number(el.dataset.drawMs) + raster(bulk));
      commitHandled.push(handled);
    } else skipped.push('commit ' + el.dataset.toolState + ' ' + el.dataset.selection);
    await frame();
    const undoSeq = Number(el.dataset.drawSeq || 0);
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'z', ctrlKey: true, bubbles: true, cancelable: true }));
    if (!(await waitFor('drawSeq', undoSeq))) skipped.push('undo');
    await frame();
  }

  // One crisp redraw for comparison: a tiny wheel step, then the settle redraw.
  const crisp = [];
  for (let i = 0; i < 8; i++) {
    const before = Number(el.dataset.drawSeq || 0);
    el.dispatchEvent(new WheelEvent('wheel', { deltaY: i % 2 ? 0.01 : -0.01, clientX: box.left + box.width / 2, clientY: box.top + box.height / 2, bubbles: true, cancelable: true }));
    await new Promise((resolve) => {
      const observer = new MutationObserver(() => {
        if (Number(el.dataset.drawSeq) > before && el.dataset.drawMode === 'crisp') { observer.disconnect(); resolve(); }
      });
      observer.observe(el, { attributes: true });
    });
    crisp.push(Number(el.dataset.drawMs) + raster(bulk));
    await frame();
  }
  return { select, drag, commit, commitHandled, crisp, skipped };
}`;
