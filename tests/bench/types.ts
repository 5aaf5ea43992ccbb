/** One benchmark measurement, as printed by `npm run bench`. */
export interface BenchResult {
  name: string;
  unit: string;
  median: number;
  p95: number;
  baseline?: number;
  target?: string;
  pass?: boolean;
  /** Context for reading the number (e.g. the absolute size a percentage is of). */
  note?: string;
}
