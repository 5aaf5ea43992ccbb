import { describe, expect, it } from 'vitest';
import { imagePath, lowestConfidence, statusBadge } from '../../../../../renderer/screens/dataset/imageTile';

describe('image tile helpers', () => {
  it.each([
    ['new', 'new', 'New'],
    ['in_progress', 'in_progress', 'In progress'],
    ['annotate', 'in_progress', 'In progress'],
    ['review', 'in_progress', 'In progress'],
    ['complete', 'complete', 'Complete'],
    ['escalated', 'other', 'escalated'],
  ])('status %s shows as %s / %s', (status, tone, label) => {
    expect(statusBadge(status)).toEqual({ tone, label });
  });

  it('joins directory and filename the way exports do', () => {
    expect(imagePath({ directory_path: '/', filename: 'a.jpg' })).toBe('a.jpg');
    expect(imagePath({ directory_path: '/day/', filename: 'a.jpg' })).toBe('day/a.jpg');
    expect(imagePath({ directory_path: '/day/city', filename: 'b.png' })).toBe('day/city/b.png');
  });

  it('shows the lowest model confidence only when below 1', () => {
    expect(lowestConfidence({ min_confidence: 0.42 })).toBe('42%');
    expect(lowestConfidence({ min_confidence: 1 })).toBeNull();
    expect(lowestConfidence({ min_confidence: null })).toBeNull();
    expect(lowestConfidence({ min_confidence: Number.NaN })).toBeNull();
    expect(lowestConfidence({ min_confidence: -0.5 })).toBe('0%');
  });
});
