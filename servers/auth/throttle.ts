/**
 * Failed sign-in throttling per user and per IP address, shared by the hosted page, the Identity
 * Engine emulation and `/api/v1/authn`, so no entry point is a way around it. Failures live in the
 * store, so restarting the server does not lift a lockout.
 */
import { createHash } from 'node:crypto';
import { LOGIN_THROTTLE, type ThrottleLimits } from './config.ts';
import type { Store } from './store.ts';

export interface LoginThrottle {
  /** True when this login or this address has failed too often recently. */
  isLocked(login: string, ip: string): boolean;
  recordFailure(login: string, ip: string): void;
  recordSuccess(login: string): void;
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
  return {
    isLocked: (login, ip) =>
      log.countFailures(userKey(login)) >= limits.maxFailuresPerUser ||
      log.countFailures(ipKey(ip)) >= limits.maxFailuresPerIp,
    recordFailure(login, ip) {
      // Each failure counts until the window has passed since it: a sliding window.
      const expiresAtMs = Date.now() + windowMs;
      log.addFailure(userKey(login), expiresAtMs);
      log.addFailure(ipKey(ip), expiresAtMs);
    },
    recordSuccess: (login) => log.clearFailures(userKey(login)),
    message: `Too many failed sign-in attempts. Wait ${Math.ceil(limits.windowSeconds / 60)} minutes and try again.`,
  };
}
