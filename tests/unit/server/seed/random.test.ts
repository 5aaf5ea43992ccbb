import { describe, expect, it } from 'vitest';
import { createRandom } from '../../../../server/seed/random';

describe('createRandom', () => {
  it('repeats exactly for the same seed and differs for another', () => {
    const a = createRandom('street/1');
    const b = createRandom('street/1');
    const c = createRandom('street/2');
    const first = Array.from({ length: 50 }, () => a.next());
    expect(Array.from({ length: 50 }, () => b.next())).toEqual(first);
    expect(Array.from({ length: 50 }, () => c.next())).not.toEqual(first);
  });

  it('keeps every helper inside its stated range', () => {
    const random = createRandom('ranges');
    for (let i = 0; i < 5000; i++) {
      const unit = random.next();
      expect(unit >= 0 && unit < 1).toBe(true);
      const int = random.int(3, 7);
      expect(Number.isInteger(int) && int >= 3 && int <= 7).toBe(true);
      const range = random.range(-2, 2);
      expect(range >= -2 && range < 2).toBe(true);
    }
  });

  it('reaches both ends of an integer range and roughly centres the gaussian', () => {
    const random = createRandom('spread');
    const seen = new Set(Array.from({ length: 2000 }, () => random.int(0, 4)));
    expect([...seen].sort()).toEqual([0, 1, 2, 3, 4]);
    const samples = Array.from({ length: 20000 }, () => random.gaussian());
    const mean = samples.reduce((sum, v) => sum + v, 0) / samples.length;
    const variance = samples.reduce((sum, v) => sum + (v - mean) ** 2, 0) / samples.length;
    expect(Math.abs(mean)).toBeLessThan(0.05);
    expect(variance).toBeGreaterThan(0.9);
    expect(variance).toBeLessThan(1.1);
  });

  it('makes lowercase UUID v4 strings without repeats', () => {
    const random = createRandom('ids');
    const ids = Array.from({ length: 10000 }, () => random.uuid());
    for (const id of ids.slice(0, 200))
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('shuffles in place as a permutation and refuses to pick from nothing', () => {
    const random = createRandom('shuffle');
    const items = Array.from({ length: 20 }, (_, i) => i);
    const shuffled = random.shuffle([...items]);
    expect([...shuffled].sort((a, b) => a - b)).toEqual(items);
    expect(shuffled).not.toEqual(items);
    expect(() => random.pick([])).toThrow(/empty/);
  });
});
