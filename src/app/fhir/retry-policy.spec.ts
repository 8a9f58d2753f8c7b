import { RETRY_POLICY, retryPlan } from './retry-policy';

describe('retryPlan', () => {
  const now = Date.parse('2026-12-01T12:00:00Z');

  it('waits out a rate limit for as long as Retry-After says, in seconds or as a date', () => {
    expect(retryPlan(429, '3', now)).toEqual({ waitMs: 3000, reason: 'rate-limited' });
    expect(retryPlan(429, 'Tue, 01 Dec 2026 12:00:05 GMT', now)).toEqual({
      waitMs: 5000,
      reason: 'rate-limited',
    });
    expect(retryPlan(429, 'Tue, 01 Dec 2026 11:59:00 GMT', now)).toEqual({
      waitMs: 0,
      reason: 'rate-limited',
    });
  });

  it('does not wait longer than the bound: the error is shown instead', () => {
    expect(retryPlan(429, String(RETRY_POLICY.maxWaitSeconds), now)?.waitMs).toBe(10_000);
    expect(retryPlan(429, String(RETRY_POLICY.maxWaitSeconds + 1), now)).toBeUndefined();
    expect(retryPlan(503, '3600', now)).toBeUndefined();
  });

  it('retries a gateway or unavailable answer after a short backoff, and nothing else', () => {
    for (const status of [502, 503, 504])
      expect(retryPlan(status, null, now)).toEqual({ waitMs: 1000, reason: 'unavailable' });
    expect(retryPlan(429, 'soon', now)).toEqual({ waitMs: 1000, reason: 'rate-limited' });
    for (const status of [0, 400, 401, 403, 404, 410, 500, 501])
      expect(retryPlan(status, '1', now))
        .withContext(String(status))
        .toBeUndefined();
  });
});
