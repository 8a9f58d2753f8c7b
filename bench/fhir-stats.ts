/** Percentiles for the FHIR benchmarks. */
export interface Stats {
  p50: number;
  p95: number;
  p99: number;
  rps: number;
}

export function stats(times: number[], elapsedMs: number): Stats {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number): number =>
    sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), rps: (times.length / elapsedMs) * 1000 };
}

export function fmt(s: Stats): string {
  return [s.p50, s.p95, s.p99].map((x) => x.toFixed(2)).join('/');
}
