/** One benchmark measurement, as printed by `npm run bench`. */
export interface BenchResult {
  name: string;
  unit: string;
  median: number;
  p95: number;
  baseline?: number;
  target?: string;
  pass?: boolean;
}
