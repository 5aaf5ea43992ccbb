/**
 * Code the viewer benchmarks run inside the page, as plain JavaScript source (this folder is
 * type-checked without DOM types). Each is `(arg) => Promise<result>`; see viewer.ts for the calls.
 */

/** Dispatches a keydown and resolves once the frame with the stage's crisp draw of another image is painted. */
export const PRESS_AND_TIME = `async (key) => {
  const el = document.querySelector('[data-testid="viewer.canvas"]');
  // A reviewer presses when there is somewhere to go: wait until the button for it is enabled.
  const button = document.querySelector(key === 'd' ? '[data-testid="viewer.next"]' : '[data-testid="viewer.previous"]');
  for (let waited = 0; button && button.disabled && waited < 30000; waited += 10) await new Promise((r) => setTimeout(r, 10));
  const before = el.dataset.drawnId;
  const t0 = performance.now();
  return await new Promise((resolve, reject) => {
    const timer = setTimeout(() => { observer.disconnect(); reject(new Error('no draw after ' + key)); }, 30000);
    const observer = new MutationObserver(() => {
      const d = el.dataset;
      if (d.drawMode === 'crisp' && d.drawnId && d.drawnId !== before) {
        observer.disconnect();
        clearTimeout(timer);
        // Konva drew inside this frame's animation callbacks; a task queued now runs once the
        // frame's rendering (paint) is done, so this is key → painted, not a frame later.
        setTimeout(() => resolve({ ms: performance.now() - t0, id: d.drawnId, count: Number(d.drawnCount) }), 0);
      }
    });
    observer.observe(el, { attributes: true });
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
  });
}`;

/** Clicks a tile in the browser and resolves at the frame after the image is drawn with `count` shapes. */
export const OPEN_AND_TIME = `async ({ imageId, count }) => {
  const tile = document.querySelector('[data-testid="dataset.image"][data-image-id="' + imageId + '"]');
  if (!tile) throw new Error('tile not in view: ' + imageId);
  const t0 = performance.now();
  tile.click();
  const deadline = t0 + 60000;
  for (;;) {
    await new Promise((r) => requestAnimationFrame(r));
    const el = document.querySelector('[data-testid="viewer.canvas"]');
    const d = el && el.dataset;
    if (d && d.drawMode === 'crisp' && d.drawnId === imageId && Number(d.drawnCount) === count) return performance.now() - t0;
    if (performance.now() > deadline) throw new Error('image not drawn in time');
  }
}`;

/** Frame intervals (rAF to rAF) while a wheel zoom and then a Shift+arrow pan run, one step a frame. */
export const GESTURE_FRAMES = `async (frames) => {
  const el = document.querySelector('[data-testid="viewer.canvas"]');
  const box = el.getBoundingClientRect();
  const times = [];
  const modes = new Set();
  let last = null;
  for (let i = 0; i < frames * 2; i++) {
    await new Promise((r) => requestAnimationFrame(r));
    const now = performance.now();
    if (last !== null) times.push(now - last);
    last = now;
    modes.add(el.dataset.drawMode);
    if (i < frames) {
      el.dispatchEvent(new WheelEvent('wheel', { deltaY: i < frames / 2 ? -12 : 12, clientX: box.left + box.width * 0.4,
        clientY: box.top + box.height * 0.45, bubbles: true, cancelable: true }));
    } else {
      document.body.dispatchEvent(new KeyboardEvent('keydown', { key: i % 20 < 10 ? 'ArrowRight' : 'ArrowLeft', shiftKey: true, bubbles: true, cancelable: true }));
    }
  }
  return { times, modes: [...modes] };
}`;

/**
 * The stage's crisp redraw (its culling + drawing calls, then the raster forced by reading a
 * pixel) against a minimal raw Canvas 2D renderer of the same polygons (for each: beginPath,
 * lines, fill, stroke — the obvious code, and faster in Skia than one huge path per class) on a
 * canvas of the same size, in the same page.
 */
export const CRISP_VS_RAW = `async ({ imageId, samples, colors }) => {
  const el = document.querySelector('[data-testid="viewer.canvas"]');
  const layer = el.querySelectorAll('canvas')[1];
  const box = el.getBoundingClientRect();
  const answer = await window.api.annotations.get({ imageId });
  const byClass = new Map();
  for (const a of answer.value.annotations) {
    const ring = a.polygon.paths[0];
    const flat = new Float32Array(ring.length * 2);
    ring.forEach((p, k) => { flat[k * 2] = p.x; flat[k * 2 + 1] = p.y; });
    if (!byClass.has(a.name)) byClass.set(a.name, []);
    byClass.get(a.name).push(flat);
  }
  const raw = document.createElement('canvas');
  raw.width = layer.width;
  raw.height = layer.height;
  raw.style.cssText = 'position:fixed;left:-100000px;top:0';
  document.body.appendChild(raw);
  const ctx = raw.getContext('2d');
  const hex = (c, a) => 'rgba(' + parseInt(c.slice(1, 3), 16) + ',' + parseInt(c.slice(3, 5), 16) + ',' + parseInt(c.slice(5, 7), 16) + ',' + a + ')';

  const oursOnce = () => {
    const seq = Number(el.dataset.drawSeq || 0);
    const done = new Promise((resolve) => {
      const observer = new MutationObserver(() => {
        if (Number(el.dataset.drawSeq) > seq && el.dataset.drawMode === 'crisp') {
          observer.disconnect();
          const t = performance.now();
          layer.getContext('2d').getImageData(0, 0, 1, 1);
          resolve(Number(el.dataset.drawMs) + performance.now() - t);
        }
      });
      observer.observe(el, { attributes: true });
    });
    el.dispatchEvent(new WheelEvent('wheel', { deltaY: Math.random() < 0.5 ? 0.01 : -0.01, clientX: box.left + box.width / 2,
      clientY: box.top + box.height / 2, bubbles: true, cancelable: true }));
    return done;
  };
  const rawOnce = () => {
    const scale = Number(el.dataset.scale);
    const [ox, oy] = el.dataset.offset.split(',').map(Number);
    const dpr = layer.width / el.clientWidth;
    const t0 = performance.now();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, raw.width, raw.height);
    ctx.setTransform(dpr * scale, 0, 0, dpr * scale, dpr * ox, dpr * oy);
    for (const [name, polygons] of byClass) {
      ctx.fillStyle = hex(colors[name], 0.25);
      ctx.strokeStyle = colors[name];
      ctx.lineWidth = 0.95 / (scale * dpr);
      for (const flat of polygons) {
        ctx.beginPath();
        ctx.moveTo(flat[0], flat[1]);
        for (let k = 2; k < flat.length; k += 2) ctx.lineTo(flat[k], flat[k + 1]);
        ctx.closePath();
        ctx.fill();
        ctx.stroke();
      }
    }
    ctx.getImageData(0, 0, 1, 1);
    return performance.now() - t0;
  };
  // Interleaved, so load from other processes on the machine hits both alike.
  const ours = [];
  const rawTimes = [];
  for (let i = 0; i < samples; i++) {
    ours.push(await oursOnce());
    await new Promise((r) => requestAnimationFrame(r));
    rawTimes.push(rawOnce());
    await new Promise((r) => requestAnimationFrame(r));
  }
  raw.remove();
  return { ours, raw: rawTimes, shapes: Number(el.dataset.drawnCount) };
}`;
