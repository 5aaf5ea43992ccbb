import { describe, expect, it } from 'vitest';
import { stepTargets } from '../../../../renderer/viewer/neighbours';

const at = (before: string[], after: string[]) => ({ position: 5, total: 10, before, after });

describe('stepTargets', () => {
  it('uses the image’s own position when known', () => {
    expect(stepTargets('c', at(['b', 'a'], ['d', 'e']), null)).toEqual({ next: 'd', previous: 'b' });
    expect(stepTargets('a', at([], ['b']), null)).toEqual({ next: 'b', previous: null });
  });

  it('moves on from the previous answer while the new one is pending', () => {
    const fromC = { imageId: 'c', position: at(['b', 'a'], ['d', 'e']) };
    expect(stepTargets('d', null, fromC)).toEqual({ next: 'e', previous: 'c' });
    expect(stepTargets('b', null, fromC)).toEqual({ next: 'c', previous: 'a' });
    expect(stepTargets('e', null, { imageId: 'd', position: at(['c'], ['e']) })).toEqual({ next: null, previous: 'd' });
  });

  it('offers nothing for an image the previous answer does not list', () => {
    expect(stepTargets('z', null, { imageId: 'c', position: at(['b'], ['d']) })).toEqual({
      next: null,
      previous: null,
    });
    expect(stepTargets('z', null, null)).toEqual({ next: null, previous: null });
  });
});
