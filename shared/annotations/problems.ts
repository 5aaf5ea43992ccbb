import type { Annotation } from '../api/annotation';
import type { ValidationProblem } from '../api/errors';
import type { DatasetRules } from './validate';
import { validateAnnotations } from './validate';

/**
 * Validation findings regrouped per annotation, so the editor can highlight and select the
 * offending shapes. Works for the local validator's problems and for a server 422's `errors` alike
 * (both are `{index, field, message}`, index into the saved list).
 */
export interface AnnotationProblems {
  id: string;
  index: number;
  /** Fields relative to the annotation (`bounding_box.w`, `polygon.paths[1]`), in report order, no repeats. */
  fields: string[];
  messages: string[];
}

export interface GroupedProblems {
  problems: ValidationProblem[];
  /** Per offending annotation, in list order. */
  annotations: AnnotationProblems[];
  /** Problems about the list as a whole (too many annotations) or naming no known annotation. */
  general: ValidationProblem[];
}

export function groupProblems(list: readonly Annotation[], problems: readonly ValidationProblem[]): GroupedProblems {
  const byIndex = new Map<number, AnnotationProblems>();
  const general: ValidationProblem[] = [];
  for (const problem of problems) {
    const annotation = problem.index === undefined ? undefined : list[problem.index];
    if (problem.index === undefined || annotation === undefined) {
      general.push(problem);
      continue;
    }
    let entry = byIndex.get(problem.index);
    if (!entry) {
      entry = { id: String(annotation.id), index: problem.index, fields: [], messages: [] };
      byIndex.set(problem.index, entry);
    }
    if (problem.field !== undefined && !entry.fields.includes(problem.field)) entry.fields.push(problem.field);
    entry.messages.push(problem.field === undefined ? problem.message : `${problem.field} ${problem.message}`);
  }
  const annotations = [...byIndex.values()].sort((a, b) => a.index - b.index);
  return { problems: [...problems], annotations, general };
}

/** validateAnnotations (the one validator) with its findings grouped per annotation. */
export function validateForEditor(list: readonly Annotation[], dataset?: DatasetRules): GroupedProblems {
  return groupProblems(list, validateAnnotations(list, dataset));
}
