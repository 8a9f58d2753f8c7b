/**
 * When a failed FHIR read is worth one more try, and after how long. Cloud FHIR services answer 429
 * with `Retry-After` when rate-limited and 502/503/504 while they deploy; a clinician should get the
 * page, not an error, when a short wait fixes it. One retry at most, and a bounded wait: a server that
 * asks for longer gets its error shown, with Retry, instead of a frozen page.
 */
export const RETRY_POLICY = {
  /** The longest `Retry-After` the app waits out on its own. */
  maxWaitSeconds: 10,
  /** The wait before retrying a 429 without `Retry-After`, or a 502/503/504. */
  defaultWaitMs: 1_000,
} as const;

export interface RetryPlan {
  readonly waitMs: number;
  readonly reason: 'rate-limited' | 'unavailable';
}

const UNAVAILABLE = new Set([502, 503, 504]);

/**
 * The plan for one failed response, or undefined when it is not retried. `retryAfter` is the header
 * (delta-seconds or an HTTP date, RFC 9110 §10.2.3); `nowMs` dates an HTTP-date against this clock.
 */
export function retryPlan(
  status: number,
  retryAfter: string | null,
  nowMs: number,
): RetryPlan | undefined {
  const reason =
    status === 429 ? 'rate-limited' : UNAVAILABLE.has(status) ? 'unavailable' : undefined;
  if (!reason) return undefined;
  const asked = retryAfterMs(retryAfter, nowMs);
  if (asked === undefined) return { waitMs: RETRY_POLICY.defaultWaitMs, reason };
  return asked <= RETRY_POLICY.maxWaitSeconds * 1000 ? { waitMs: asked, reason } : undefined;
}

function retryAfterMs(header: string | null, nowMs: number): number | undefined {
  const value = header?.trim();
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}
