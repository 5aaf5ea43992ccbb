import type { ExportCreate, ExportFormat, Role } from '../../../shared/api';
import { EXPORT_FORMATS, exportCreateSchema } from '../../../shared/api';
import type { IpcError } from '../../../shared/ipc';
import type { Gate } from '../../store/roleGate';
import { roleGate } from '../../store/roleGate';

/**
 * The exports panel's form rules. What a field may hold is the contract's (`exportCreateSchema`,
 * the same schema the client checks with in main): nothing here repeats those rules, it only
 * maps the schema's and the server's problems back onto the fields people see.
 */

export const EXPORT_FORMAT_LABELS: Record<ExportFormat, string> = {
  pictograph: 'Pictograph JSON',
  coco: 'COCO',
  yolo: 'YOLO (Ultralytics)',
  pascal_voc: 'Pascal VOC',
  labelme: 'LabelMe',
  cvat: 'CVAT XML',
  csv: 'CSV',
};

export const STATUS_FILTERS = ['any', 'new', 'in_progress', 'complete'] as const;
export type StatusChoice = (typeof STATUS_FILTERS)[number];
export const STATUS_LABELS: Record<StatusChoice, string> = {
  any: 'Any status',
  new: 'New',
  in_progress: 'In progress',
  complete: 'Complete',
};

export interface ExportDraft {
  name: string;
  format: ExportFormat;
  includeImages: boolean;
  /** 'all' exports every class; a list (even empty: the schema refuses it with a message) filters. */
  classes: 'all' | string[];
  status: StatusChoice;
}

export type ExportField = 'name' | 'format' | 'includeImages' | 'classFilter' | 'statusFilter' | 'form';
export type FieldProblems = Partial<Record<ExportField, string[]>>;

export const newExportDraft = (): ExportDraft => ({
  name: '',
  format: EXPORT_FORMATS[0],
  includeImages: false,
  classes: 'all',
  status: 'any',
});

export function draftToRequest(draft: ExportDraft, datasetName: string): ExportCreate {
  return {
    datasetName,
    name: draft.name,
    format: draft.format,
    includeImages: draft.includeImages,
    classFilter: draft.classes === 'all' ? null : draft.classes,
    statusFilter: draft.status === 'any' ? null : draft.status,
  };
}

/** Field names as the schema (camelCase), the server (snake_case) or a list index path spell them. */
const FIELD_ALIASES: Record<string, ExportField> = {
  name: 'name',
  format: 'format',
  includeImages: 'includeImages',
  include_images: 'includeImages',
  classFilter: 'classFilter',
  class_filter: 'classFilter',
  statusFilter: 'statusFilter',
  status_filter: 'statusFilter',
};

export function fieldOf(path: string | undefined): ExportField {
  const head = (path ?? '').split(/[.[]/)[0] ?? '';
  return FIELD_ALIASES[head] ?? 'form';
}

function add(problems: FieldProblems, field: ExportField, message: string): void {
  const list = (problems[field] ??= []);
  if (!list.includes(message)) list.push(message);
}

/** Checks a draft with the contract's schema before anything is sent: the request, or each field's problems. */
export function checkDraft(
  draft: ExportDraft,
  datasetName: string,
): { ok: true; request: ExportCreate } | { ok: false; problems: FieldProblems } {
  const parsed = exportCreateSchema.safeParse(draftToRequest(draft, datasetName));
  if (parsed.success) return { ok: true, request: parsed.data };
  const problems: FieldProblems = {};
  // The first problem of a field is the one to fix (an empty name is also "only spaces").
  for (const issue of parsed.error.issues) {
    const field = fieldOf(issue.path.map(String).join('.'));
    if (!problems[field]) add(problems, field, issue.message);
  }
  return { ok: false, problems };
}

/**
 * A refused create, field by field: main's local check and a server 422 both carry
 * `details.problems` (`{field, message}`); anything without a field (a 409 on a taken name is
 * about the name) goes to the form as a whole.
 */
export function problemsFromError(error: IpcError): FieldProblems {
  const problems: FieldProblems = {};
  const list = Array.isArray(error.details?.problems) ? (error.details.problems as unknown[]) : [];
  for (const entry of list) {
    if (typeof entry !== 'object' || entry === null) continue;
    const { field, message } = entry as { field?: unknown; message?: unknown };
    if (typeof message !== 'string') continue;
    add(problems, fieldOf(typeof field === 'string' ? field : undefined), message);
  }
  if (error.code === 'conflict' && list.length === 0) add(problems, 'name', error.message);
  if (Object.keys(problems).length === 0) add(problems, 'form', error.message);
  return problems;
}

/** Deleting an export is for admins and owners (§8); others see the action disabled, with why. */
export const deleteAllowed = (role: Role | null): Gate => roleGate(role, 'admin', 'Deleting an export');

/** Creating one needs a member key or more (§8). */
export const createAllowed = (role: Role | null): Gate => roleGate(role, 'member', 'Creating an export');
