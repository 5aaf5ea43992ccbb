import type { Annotation, ValidationProblem } from '../../../shared/api';
import type { IpcError } from '../../../shared/ipc/result';
import { groupProblems } from '../../../shared/annotations/problems';
import type { GroupedProblems } from '../../../shared/annotations/problems';

/**
 * The pure decisions of saving (issue 9 item 6), kept apart from the SaveController's IPC and timers
 * so they are unit-tested on their own: which problems a failed save carries, whether they block it,
 * which annotation gets selected and outlined, and the words the save indicator shows.
 */

/** What the editor does with a list that must not (or could not) be saved. */
export interface Refusal {
  /** The annotation to select and scroll to: the first offender in list order, if any. */
  select: string | null;
  /** Every offender, outlined on the canvas. */
  outline: string[];
  message: string;
}

/**
 * The problems a failed save carries: the server's 422 `errors[]` (main hands them on as
 * `details.problems`; `details.errors` when a body passed through untouched). Null when the error is
 * no validation error or carries no list. Entries that are not `{index?, field?, message}` (a broken
 * or foreign server) are dropped, so a bad answer can never crash the editor; a non-integer index
 * loses its index and becomes a problem of the list as a whole.
 */
export function problemsFromError(error: Pick<IpcError, 'code' | 'details'>): ValidationProblem[] | null {
  if (error.code !== 'validation_error') return null;
  const raw = Array.isArray(error.details?.problems)
    ? (error.details.problems as unknown[])
    : Array.isArray(error.details?.errors)
      ? (error.details.errors as unknown[])
      : null;
  if (!raw) return null;
  const problems: ValidationProblem[] = [];
  for (const entry of raw) {
    if (typeof entry !== 'object' || entry === null) continue;
    const { index, field, message } = entry as Record<string, unknown>;
    if (typeof message !== 'string') continue;
    problems.push({
      ...(typeof index === 'number' && Number.isInteger(index) && index >= 0 ? { index } : {}),
      ...(typeof field === 'string' && field !== '' ? { field } : {}),
      message,
    });
  }
  return problems;
}

/** The server's 422 for `list` (the list that was sent) grouped per annotation; null when it is none. */
export function serverProblems(
  list: readonly Annotation[],
  error: Pick<IpcError, 'code' | 'details'>,
): GroupedProblems | null {
  const problems = problemsFromError(error);
  return problems ? groupProblems(list, problems) : null;
}

/** Local validation blocks the save when it found anything at all (per annotation or about the list). */
export function blocksSave(problems: GroupedProblems): boolean {
  return problems.annotations.length > 0 || problems.general.length > 0;
}

/** Which annotation is selected, which are outlined, and what the indicator says. */
export function refusalOf(problems: GroupedProblems): Refusal {
  const first = problems.annotations[0];
  const message = first
    ? `Not saved: ${first.messages[0] ?? 'this annotation is invalid'}`
    : `Not saved: ${problems.general[0]?.message ?? 'the annotations are invalid'}`;
  return { select: first?.id ?? null, outline: problems.annotations.map((p) => p.id), message };
}
