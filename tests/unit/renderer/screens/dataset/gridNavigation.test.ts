import { describe, expect, it } from 'vitest';
import { navigate } from '../../../../../renderer/screens/dataset/gridNavigation';

const grid = { count: 10, columns: 4, pageRows: 2 };

describe('navigate', () => {
  it.each<[string, number, number | null]>([
    ['ArrowRight', 0, 1],
    ['ArrowRight', 9, 9],
    ['ArrowLeft', 0, 0],
    ['ArrowLeft', 5, 4],
    ['ArrowDown', 1, 5],
    // Row 2 (items 8–9) is short: down from 6 lands on the last item.
    ['ArrowDown', 6, 9],
    ['ArrowDown', 9, 9],
    ['ArrowUp', 5, 1],
    ['ArrowUp', 2, 2],
    ['Home', 7, 0],
    ['End', 2, 9],
    ['PageDown', 0, 8],
    ['PageDown', 5, 9],
    ['PageUp', 9, 1],
    ['PageUp', 3, 0],
    ['Enter', 3, null],
    ['d', 3, null],
  ])('%s from %i → %s', (key, from, expected) => {
    expect(navigate(key, from, grid)).toBe(expected);
  });

  it('works as a list (one column) and on an empty view', () => {
    expect(navigate('ArrowDown', 3, { count: 5, columns: 1, pageRows: 10 })).toBe(4);
    expect(navigate('PageDown', 0, { count: 100_000, columns: 1, pageRows: 20 })).toBe(20);
    expect(navigate('End', 0, { count: 0, columns: 4, pageRows: 2 })).toBeNull();
    // An index out of range (rows vanished under a new filter) is clamped first.
    expect(navigate('ArrowLeft', 50, grid)).toBe(8);
  });
});
