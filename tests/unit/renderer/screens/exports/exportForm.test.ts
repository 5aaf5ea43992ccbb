import { describe, expect, it } from 'vitest';
import { EXPORT_FORMATS } from '../../../../../shared/api';
import type { IpcError } from '../../../../../shared/ipc';
import type { ExportDraft } from '../../../../../renderer/screens/exports/exportForm';
import {
  checkDraft,
  createAllowed,
  deleteAllowed,
  EXPORT_FORMAT_LABELS,
  fieldOf,
  newExportDraft,
  problemsFromError,
} from '../../../../../renderer/screens/exports/exportForm';

const draft = (patch: Partial<ExportDraft>): ExportDraft => ({ ...newExportDraft(), name: 'nightly', ...patch });

describe('checkDraft (the contract schema, mapped onto the form)', () => {
  it('turns a good draft into the request main expects', () => {
    expect(checkDraft(draft({ format: 'yolo', classes: ['car'], status: 'complete' }), 'Street Scenes')).toEqual({
      ok: true,
      request: {
        datasetName: 'Street Scenes',
        name: 'nightly',
        format: 'yolo',
        includeImages: false,
        classFilter: ['car'],
        statusFilter: 'complete',
      },
    });
    expect(checkDraft(draft({}), 'x')).toMatchObject({ ok: true, request: { classFilter: null, statusFilter: null } });
  });

  it.each<[string, Partial<ExportDraft>, string, string]>([
    ['an empty name', { name: '' }, 'name', 'Give the export a name.'],
    ['a blank name', { name: '   ' }, 'name', 'An export name cannot be only spaces.'],
    ['a 101-character name', { name: 'x'.repeat(101) }, 'name', 'An export name has at most 100 characters.'],
    ['no class picked', { classes: [] }, 'classFilter', 'Pick at least one class, or export all classes.'],
    ['an unknown format', { format: 'tfrecord' as ExportDraft['format'] }, 'format', ''],
  ])('refuses %s on its field', (_label, patch, field, message) => {
    const checked = checkDraft(draft(patch), 'Street Scenes');
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(Object.keys(checked.problems)).toEqual([field]);
    if (message) expect(checked.problems[field as 'name']).toEqual([message]);
  });

  it('labels all seven formats', () => {
    expect(Object.keys(EXPORT_FORMAT_LABELS).sort()).toEqual([...EXPORT_FORMATS].sort());
  });
});

describe('problemsFromError (main and the server, field by field)', () => {
  const error = (patch: Partial<IpcError>): IpcError => ({ code: 'validation_error', message: 'Not sent', ...patch });

  it('maps camelCase, snake_case and indexed field paths onto the form fields', () => {
    expect(fieldOf('classFilter.[1]')).toBe('classFilter');
    expect(fieldOf('class_filter')).toBe('classFilter');
    expect(fieldOf('status_filter')).toBe('statusFilter');
    expect(fieldOf('include_images')).toBe('includeImages');
    expect(fieldOf('dataset_name')).toBe('form');
    expect(fieldOf(undefined)).toBe('form');
    expect(
      problemsFromError(
        error({
          details: {
            problems: [
              { field: 'classFilter.[0]', message: '"bus" is not a class of the dataset' },
              { field: 'name', message: 'must be at most 100 characters' },
              { message: 'something about the whole request' },
              'junk',
              { field: 'name' },
            ],
          },
        }),
      ),
    ).toEqual({
      classFilter: ['"bus" is not a class of the dataset'],
      name: ['must be at most 100 characters'],
      form: ['something about the whole request'],
    });
  });

  it('puts a taken name (409) on the name, and anything else on the form', () => {
    expect(problemsFromError({ code: 'conflict', message: 'An export named "x" already exists.' })).toEqual({
      name: ['An export named "x" already exists.'],
    });
    expect(problemsFromError({ code: 'server_error', message: 'The server failed.' })).toEqual({
      form: ['The server failed.'],
    });
  });
});

describe('who may create and delete exports', () => {
  it('delete: owner and admin; others get the reason', () => {
    expect(deleteAllowed('owner')).toEqual({ allowed: true });
    expect(deleteAllowed('admin')).toEqual({ allowed: true });
    expect(deleteAllowed('member')).toEqual({
      allowed: false,
      reason: 'Deleting an export needs the owner or admin role; this key has the member role.',
    });
    expect(deleteAllowed('viewer')).toMatchObject({ allowed: false });
  });

  it('create: member and up; an unknown role is left to the server', () => {
    expect(createAllowed('member')).toEqual({ allowed: true });
    expect(createAllowed(null)).toEqual({ allowed: true });
    expect(createAllowed('viewer')).toEqual({
      allowed: false,
      reason: 'Creating an export needs the owner, admin or member role; this key has the viewer role.',
    });
  });
});
