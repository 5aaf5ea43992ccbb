import { badParameter } from './apiError';

const NON_NEGATIVE_INT = /^\d{1,15}$/;

/**
 * limit/offset of contract §5: non-negative integers, limit clamped to `maxLimit`; anything else
 * (negative, fractional, empty, text) is 400 naming the parameter.
 */
export function pagination(
  query: URLSearchParams,
  defaults: { limit: number; maxLimit: number } = { limit: 100, maxLimit: 1000 },
): { limit: number; offset: number } {
  return {
    limit: Math.min(nonNegativeInt(query, 'limit') ?? defaults.limit, defaults.maxLimit),
    offset: nonNegativeInt(query, 'offset') ?? 0,
  };
}

export function nonNegativeInt(query: URLSearchParams, name: string): number | undefined {
  const raw = query.get(name);
  if (raw === null) return undefined;
  if (!NON_NEGATIVE_INT.test(raw))
    throw badParameter(name, `Query parameter '${name}' must be a non-negative integer.`);
  return Number(raw);
}

/** Booleans are exactly `true` or `false` (contract §1). */
export function booleanParam(query: URLSearchParams, name: string): boolean | undefined {
  const raw = query.get(name);
  if (raw === null) return undefined;
  if (raw === 'true') return true;
  if (raw === 'false') return false;
  throw badParameter(name, `Query parameter '${name}' must be true or false.`);
}

export function enumParam<T extends string>(query: URLSearchParams, name: string, values: readonly T[]): T | undefined {
  const raw = query.get(name);
  if (raw === null) return undefined;
  if (!(values as readonly string[]).includes(raw)) {
    throw badParameter(name, `Query parameter '${name}' must be one of ${values.join(', ')}.`);
  }
  return raw as T;
}

export function numberParam(query: URLSearchParams, name: string): number | undefined {
  const raw = query.get(name);
  if (raw === null) return undefined;
  const value = raw.trim() === '' ? NaN : Number(raw);
  if (!Number.isFinite(value)) throw badParameter(name, `Query parameter '${name}' must be a number.`);
  return value;
}
