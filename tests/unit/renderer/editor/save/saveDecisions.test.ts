import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../../../../shared/api';
import { validateForEditor } from '../../../../../shared/annotations/problems';
import {
  blocksSave,
  problemsFromError,
  refusalOf,
  serverProblems,
} from '../../../../../renderer/editor/save/saveDecisions';

const box = (id: string, name: string, w = 10): Annotation =>
  ({ id, name, type: 'bbox', bounding_box: { x: 1, y: 2, w, h: 5 } }) as Annotation;
const list: Annotation[] = [box('a', 'car'), box('b', 'car'), box('c', 'person')];
const rules = { classes: [{ name: 'car' }, { name: 'person' }], annotation_types: ['bbox', 'polygon'] };

describe('save decisions: local validation', () => {
  it('a valid list does not block the save', () => {
    const problems = validateForEditor(list, rules);
    expect(blocksSave(problems)).toBe(false);
    expect(problems.annotations).toEqual([]);
  });

  it('a zero-area box blocks, and that annotation is selected and outlined with its field', () => {
    const problems = validateForEditor([list[0]!, box('b', 'car', 0), list[2]!], rules);
    expect(blocksSave(problems)).toBe(true);
    expect(problems.annotations).toHaveLength(1);
    expect(problems.annotations[0]).toMatchObject({ id: 'b', index: 1 });
    expect(problems.annotations[0]!.fields).toContain('bounding_box.w');
    const refusal = refusalOf(problems);
    expect(refusal.select).toBe('b');
    expect(refusal.outline).toEqual(['b']);
    expect(refusal.message).toMatch(/^Not saved: bounding_box\.w /);
  });

  it('a class not in the dataset blocks; every offender is outlined, the first in list order selected', () => {
    const problems = validateForEditor([box('a', 'car'), box('b', 'tram'), box('c', 'bus')], rules);
    expect(blocksSave(problems)).toBe(true);
    const refusal = refusalOf(problems);
    expect(refusal.select).toBe('b');
    expect(refusal.outline).toEqual(['b', 'c']);
    expect(refusal.message).toMatch(/tram|class/i);
  });

  it('a problem with the list as a whole (over 10,000) blocks with nothing to select', () => {
    const many = Array.from({ length: 10_001 }, (_, i) => box(`x${i}`, 'car'));
    const problems = validateForEditor(many, rules);
    expect(blocksSave(problems)).toBe(true);
    expect(problems.general.length).toBeGreaterThan(0);
    const refusal = refusalOf(problems);
    expect(refusal.select).toBeNull();
    expect(refusal.outline).toEqual([]);
    expect(refusal.message).toMatch(/^Not saved: .*10[,.]?000/);
  });
});

describe('save decisions: the server 422', () => {
  const error422 = (errors: unknown) => ({ code: 'validation_error' as const, details: { problems: errors } });

  it('maps errors[] entries (index, field, message) to annotation ids and fields', () => {
    const grouped = serverProblems(
      list,
      error422([
        { index: 2, field: 'polygon.paths[0]', message: 'is not closed' },
        { index: 0, field: 'bounding_box.h', message: 'must be positive' },
        { index: 2, field: 'attributes.colour', message: 'is not allowed' },
        { index: 2, field: 'polygon.paths[0]', message: 'crosses itself' },
      ]),
    );
    expect(grouped).not.toBeNull();
    expect(grouped!.annotations.map((a) => a.id)).toEqual(['a', 'c']);
    expect(grouped!.annotations[1]!.fields).toEqual(['polygon.paths[0]', 'attributes.colour']);
    expect(grouped!.annotations[1]!.messages[0]).toBe('polygon.paths[0] is not closed');
    const refusal = refusalOf(grouped!);
    expect(refusal.select).toBe('a');
    expect(refusal.outline).toEqual(['a', 'c']);
    expect(refusal.message).toBe('Not saved: bounding_box.h must be positive');
  });

  it('reads details.errors too (a body passed on untouched)', () => {
    const problems = problemsFromError({
      code: 'validation_error',
      details: { errors: [{ index: 1, field: 'name', message: 'is unknown' }] },
    });
    expect(problems).toEqual([{ index: 1, field: 'name', message: 'is unknown' }]);
  });

  it('an index outside the sent list, or no index, is a problem of the list: shown, nothing selected', () => {
    const grouped = serverProblems(
      list,
      error422([
        { index: 7, field: 'name', message: 'is unknown' },
        { field: '', message: 'too many annotations' },
      ]),
    )!;
    expect(grouped.annotations).toEqual([]);
    expect(grouped.general.map((p) => p.message)).toEqual(['is unknown', 'too many annotations']);
    expect(refusalOf(grouped)).toEqual({ select: null, outline: [], message: 'Not saved: is unknown' });
  });

  it('drops malformed entries from a broken server instead of crashing', () => {
    const problems = problemsFromError(
      error422([
        null,
        'oops',
        42,
        { index: 0 },
        { index: -1, message: 'negative' },
        { index: 1.5, message: 'half' },
        { index: 1, field: 3, message: 'ok' },
      ]),
    );
    expect(problems).toEqual([{ message: 'negative' }, { message: 'half' }, { index: 1, message: 'ok' }]);
    expect(() => serverProblems(list, error422([null, { index: 'x', message: 'm' }]))).not.toThrow();
  });

  it('anything other than a 422 with a list is no validation refusal', () => {
    expect(problemsFromError({ code: 'validation_error', details: {} })).toBeNull();
    expect(problemsFromError({ code: 'validation_error' })).toBeNull();
    expect(problemsFromError({ code: 'internal', details: { problems: [{ message: 'x' }] } })).toBeNull();
    expect(serverProblems(list, { code: 'precondition_failed', details: {} })).toBeNull();
  });
});
