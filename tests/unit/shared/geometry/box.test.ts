import { describe, expect, it } from 'vitest';
import { enclosingBox } from '../../../../shared/geometry/box';

describe('enclosingBox', () => {
  it('is the smallest rectangle holding every point, negative coordinates included', () => {
    expect(
      enclosingBox([
        { x: 3, y: -2 },
        { x: -1, y: 5 },
        { x: 2, y: 1 },
      ]),
    ).toEqual({ x: -1, y: -2, w: 4, h: 7 });
  });

  it('may be 0 wide or high for degenerate shapes, and is null without points', () => {
    expect(
      enclosingBox([
        { x: 1, y: 1 },
        { x: 1, y: 9 },
      ]),
    ).toEqual({ x: 1, y: 1, w: 0, h: 8 });
    expect(enclosingBox([])).toBeNull();
  });

  it('takes any iterable and copes with very large point counts (no argument spreading)', () => {
    function* many() {
      for (let i = 0; i < 300_000; i++) yield { x: i % 1000, y: Math.floor(i / 1000) };
    }
    expect(enclosingBox(many())).toEqual({ x: 0, y: 0, w: 999, h: 299 });
  });
});
