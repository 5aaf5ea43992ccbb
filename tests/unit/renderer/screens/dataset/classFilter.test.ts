import { describe, expect, it } from 'vitest';
import { classFilterSummary } from '../../../../../renderer/screens/dataset/browseQuery';

describe('the class filter button', () => {
  it('says Any, the one class, or how many', () => {
    expect(classFilterSummary([])).toBe('Any');
    expect(classFilterSummary(['car'])).toBe('car');
    expect(classFilterSummary(['car', 'road', 'person'])).toBe('3 classes');
  });
});
