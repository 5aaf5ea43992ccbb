import { validationFailed, type FieldProblem } from '../http/apiError';

interface StringRule {
  required?: boolean;
  nullable?: boolean;
  min?: number;
  max?: number;
  nonBlank?: boolean;
}

/**
 * Reads fields of a JSON object body, collecting every problem instead of stopping at the first,
 * so one 422 names all of them. Unknown fields are problems too (contract §1 decision).
 */
export class BodyReader {
  readonly problems: FieldProblem[] = [];

  constructor(
    private readonly body: Record<string, unknown>,
    allowed: readonly string[],
  ) {
    for (const key of Object.keys(body)) {
      if (!allowed.includes(key)) this.problem(key, 'unknown field');
    }
  }

  has(key: string): boolean {
    return this.body[key] !== undefined;
  }

  problem(field: string, message: string): void {
    this.problems.push({ field, message });
  }

  string(key: string, rule: StringRule & { required: true }): string | undefined;
  string(key: string, rule?: StringRule): string | null | undefined;
  string(key: string, rule: StringRule = {}): string | null | undefined {
    const value = this.body[key];
    if (value === undefined) {
      if (rule.required) this.problem(key, 'is required');
      return undefined;
    }
    if (value === null && rule.nullable) return null;
    if (typeof value !== 'string') {
      this.problem(key, rule.nullable ? 'must be a string or null' : 'must be a string');
      return undefined;
    }
    if (rule.nonBlank && value.trim() === '') return this.fail(key, 'must not be blank');
    if (rule.min !== undefined && value.length < rule.min)
      return this.fail(key, `must be at least ${rule.min} characters`);
    if (rule.max !== undefined && value.length > rule.max)
      return this.fail(key, `must be at most ${rule.max} characters`);
    return value;
  }

  integer(
    key: string,
    rule: { required?: boolean; nullable?: boolean; min?: number; max?: number } = {},
  ): number | null | undefined {
    const value = this.body[key];
    if (value === undefined) {
      if (rule.required) this.problem(key, 'is required');
      return undefined;
    }
    if (value === null && rule.nullable) return null;
    if (typeof value !== 'number' || !Number.isInteger(value)) return this.fail(key, 'must be an integer');
    if (rule.min !== undefined && value < rule.min) return this.fail(key, `must be at least ${rule.min}`);
    if (rule.max !== undefined && value > rule.max) return this.fail(key, `must be at most ${rule.max}`);
    return value;
  }

  boolean(key: string): boolean | undefined {
    const value = this.body[key];
    if (value === undefined) return undefined;
    if (typeof value !== 'boolean') return this.fail(key, 'must be true or false');
    return value;
  }

  oneOf<T extends string>(
    key: string,
    values: readonly T[],
    rule: { required?: boolean; nullable?: boolean } = {},
  ): T | null | undefined {
    const value = this.body[key];
    if (value === undefined) {
      if (rule.required) this.problem(key, 'is required');
      return undefined;
    }
    if (value === null && rule.nullable) return null;
    if (typeof value !== 'string' || !(values as readonly string[]).includes(value)) {
      return this.fail(key, `must be one of ${values.join(', ')}${rule.nullable ? ' or null' : ''}`);
    }
    return value as T;
  }

  stringList(key: string, rule: { nullable?: boolean } = {}): string[] | null | undefined {
    const value = this.body[key];
    if (value === undefined) return undefined;
    if (value === null && rule.nullable) return null;
    if (!Array.isArray(value)) return this.fail(key, 'must be an array of strings');
    let ok = true;
    value.forEach((item, i) => {
      if (typeof item !== 'string') {
        this.problem(`${key}[${i}]`, 'must be a string');
        ok = false;
      }
    });
    return ok ? (value as string[]) : undefined;
  }

  /** Throws the collected problems as one 422. */
  finish(): void {
    if (this.problems.length > 0) throw validationFailed(this.problems);
  }

  private fail(key: string, message: string): undefined {
    this.problem(key, message);
    return undefined;
  }
}
