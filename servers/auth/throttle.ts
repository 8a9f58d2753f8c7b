/**
 * Failed sign-in throttling per user and per IP address, shared by the hosted page, the Identity
 * Engine emulation and `/api/v1/authn`, so no entry point is a way around it. Failures live in the
 * store, so restarting the server does not lift a lockout.
 *
 * A password check takes tens of milliseconds (scrypt), so a burst of requests would all pass a
 * "locked yet?" check before the first failure is recorded. Each attempt therefore reserves its
 * place before the password is checked: attempts in flight count like failures until they end.
 */
import { createHash } from 'node:crypto';
import { LOGIN_THROTTLE, type ThrottleLimits } from './defaults.ts';
import type { Store } from './store.ts';

/** One reserved sign-in attempt; exactly one of the two is called once the password is checked. */
export interface Attempt {
  failed(): void;
  succeeded(): void;
}

export interface LoginThrottle {
  /**
   * Reserves an attempt for this login from this address, or answers undefined when either has
   * failed (or is being tried) too often recently.
   */
  reserve(login: string, ip: string): Attempt | undefined;
  /** What to tell a refused user (never which part of the credentials was wrong). */
  message: string;
}

type FailureLog = Pick<Store, 'addFailure' | 'countFailures' | 'clearFailures'>;

/** People type passwords into the username field: only a digest of the login reaches the disk. */
const userKey = (login: string) =>
  `user:${createHash('sha256').update(login.trim().toLowerCase()).digest('base64url')}`;
const ipKey = (ip: string) => `ip:${ip}`;

export function createThrottle(
  log: FailureLog,
  limits: ThrottleLimits = LOGIN_THROTTLE,
): LoginThrottle {
  const windowMs = limits.windowSeconds * 1000;
  const inFlight = new Map<string, number>();
  const count = (key: string) => log.countFailures(key) + (inFlight.get(key) ?? 0);
  const hold = (key: string, delta: 1 | -1) => {
    const n = (inFlight.get(key) ?? 0) + delta;
    if (n > 0) inFlight.set(key, n);
    else inFlight.delete(key);
  };

  return {
    reserve(login, ip) {
      const user = userKey(login);
      const address = ipKey(ip);
      // Check and reserve in one synchronous step: no other request runs in between.
      if (count(user) >= limits.maxFailuresPerUser || count(address) >= limits.maxFailuresPerIp)
        return undefined;
      hold(user, 1);
      hold(address, 1);
      let ended = false;
      const end = () => {
        if (ended) return false;
        ended = true;
        hold(user, -1);
        hold(address, -1);
        return true;
      };
      return {
        failed() {
          if (!end()) return;
          // Each failure counts until the window has passed since it: a sliding window.
          const expiresAtMs = Date.now() + windowMs;
          log.addFailure(user, expiresAtMs);
          log.addFailure(address, expiresAtMs);
        },
        succeeded() {
          if (end()) log.clearFailures(user);
        },
      };
    },
    message: `Too many failed sign-in attempts. Wait ${Math.ceil(limits.windowSeconds / 60)} minutes and try again.`,
  };
}
