import { detailListSchema, detailStringSchema, nestedErrorSchema } from '../../../shared/api';
import type { ValidationProblem } from '../../../shared/api';

/** What an error body said, whichever of the §2 / §12 shapes it came in. */
export interface ErrorBody {
  code?: string;
  message?: string;
  details?: Record<string, unknown>;
  retryAfter?: unknown;
  /** From `details.errors` (§2) or a `detail` list (§12). */
  problems?: ValidationProblem[];
}

const MAX_PROBLEMS = 100;
const MAX_TEXT = 500;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const clip = (s: string): string => (s.length > MAX_TEXT ? `${s.slice(0, MAX_TEXT)}…` : s);

/** Parses an error body leniently: an error reply that is itself garbage still becomes an error. */
export function parseErrorBody(text: string): ErrorBody {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return {};
  }
  // The flat shape (§2) is read field by field: a body with a usable code but odd details is common.
  if (isRecord(raw) && typeof raw.error === 'string') {
    const out: ErrorBody = { code: raw.error };
    if (typeof raw.message === 'string') out.message = clip(raw.message);
    if (isRecord(raw.details)) out.details = raw.details;
    if (raw.retry_after !== undefined) out.retryAfter = raw.retry_after;
    const problems = problemsFromDetails(out.details);
    if (problems) out.problems = problems;
    return out;
  }
  const nested = nestedErrorSchema.safeParse(raw);
  if (nested.success) {
    const e = nested.data.error;
    const out: ErrorBody = { code: e.code };
    if (e.message !== undefined) out.message = clip(e.message);
    if (e.details !== undefined) out.details = e.details;
    const fromDetail = detailListSchema.safeParse(raw);
    const problems = fromDetail.success
      ? problemsFromDetailList(fromDetail.data.detail)
      : problemsFromDetails(e.details);
    if (problems) out.problems = problems;
    const retryAfter = (raw as Record<string, unknown>).retry_after;
    if (retryAfter !== undefined) out.retryAfter = retryAfter;
    return out;
  }
  const detailText = detailStringSchema.safeParse(raw);
  if (detailText.success) return { message: clip(detailText.data.detail) };
  const detailList = detailListSchema.safeParse(raw);
  if (detailList.success) {
    const problems = problemsFromDetailList(detailList.data.detail);
    return { problems, message: problems[0]?.message ?? 'The request was not valid.' };
  }
  return {};
}

/** `details.errors` of a 422 (§2): `[{index?, field?, message}]`, anything malformed skipped. */
function problemsFromDetails(details: Record<string, unknown> | undefined): ValidationProblem[] | undefined {
  const list = details?.errors;
  if (!Array.isArray(list)) return undefined;
  const out: ValidationProblem[] = [];
  for (const item of list.slice(0, MAX_PROBLEMS)) {
    if (typeof item !== 'object' || item === null) continue;
    const o = item as Record<string, unknown>;
    const message = typeof o.message === 'string' ? o.message : typeof o.msg === 'string' ? o.msg : null;
    if (message === null) continue;
    const problem: ValidationProblem = { message: clip(message) };
    if (typeof o.index === 'number' && Number.isInteger(o.index) && o.index >= 0) problem.index = o.index;
    if (typeof o.field === 'string') problem.field = o.field;
    out.push(problem);
  }
  return out;
}

/**
 * FastAPI-style `{"detail":[{"loc":["body","annotations",2,"polygon"],"msg":…}]}`: the position
 * after `annotations` is the annotation index, the rest becomes a §2-style field path.
 */
export function problemsFromDetailList(
  list: { loc?: (string | number)[] | undefined; msg: string }[],
): ValidationProblem[] {
  return list.slice(0, MAX_PROBLEMS).map((entry) => {
    const loc = [...(entry.loc ?? [])];
    if (loc[0] === 'body' || loc[0] === 'query' || loc[0] === 'path') loc.shift();
    const problem: ValidationProblem = { message: clip(entry.msg) };
    if (loc[0] === 'annotations' && typeof loc[1] === 'number') {
      problem.index = loc[1];
      loc.splice(0, 2);
    }
    const field = fieldPath(loc);
    if (field !== '') problem.field = field;
    return problem;
  });
}

function fieldPath(loc: (string | number)[]): string {
  let out = '';
  for (const part of loc) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? part : `.${part}`;
  }
  return out;
}
