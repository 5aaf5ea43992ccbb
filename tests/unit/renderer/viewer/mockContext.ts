import type { DrawContext } from '../../../../renderer/viewer/drawScene';

export type Call = [name: string, ...args: unknown[]];

/** A 2D context that records every call and style assignment, in order. */
export function recordingContext(): DrawContext & { calls: Call[] } {
  const calls: Call[] = [];
  const style: Record<string, unknown> = {};
  const record =
    (name: string) =>
    (...args: unknown[]) => {
      calls.push([name, ...args]);
    };
  const property = (name: string) => ({
    get: () => style[name],
    set: (value: unknown) => {
      style[name] = value;
      calls.push([`${name}=`, value]);
    },
  });
  const ctx = {
    calls,
    beginPath: record('beginPath'),
    moveTo: record('moveTo'),
    lineTo: record('lineTo'),
    closePath: record('closePath'),
    rect: record('rect'),
    arc: record('arc'),
    fill: record('fill'),
    stroke: record('stroke'),
    save: record('save'),
    restore: record('restore'),
    setLineDash: record('setLineDash'),
    setTransform: record('setTransform'),
    fillRect: record('fillRect'),
    fillText: record('fillText'),
    measureText: (text: string) => ({ width: text.length * 6 }),
  };
  for (const name of ['fillStyle', 'strokeStyle', 'lineWidth', 'font', 'textBaseline'])
    Object.defineProperty(ctx, name, property(name));
  return ctx as unknown as DrawContext & { calls: Call[] };
}

export const count = (calls: Call[], name: string) => calls.filter((c) => c[0] === name).length;
