/**
 * Failed sign-in throttling per user and per IP address, shared by the hosted page, the Identity
 * Engine emulation and `/api/v1/authn`, so no entry point is a way around it.
 */
import { LOGIN_THROTTLE, type ThrottleLimits } from './config.ts';

export interface LoginThrottle {
  /** True when this login or this address has failed too often recently. */
  isLocked(login: string, ip: string): boolean;
  recordFailure(login: string, ip: string): void;
  recordSuccess(login: string): void;
  /** What to tell a refused user (never which part of the credentials was wrong). */
  message: string;
}

export function createThrottle(limits: ThrottleLimits = LOGIN_THROTTLE): LoginThrottle {
  const failures = new Map<string, number[]>();
  const windowMs = limits.windowSeconds * 1000;
  const recent = (key: string) => {
    const cutoff = Date.now() - windowMs;
    const list = (failures.get(key) ?? []).filter((t) => t > cutoff);
    if (list.length) failures.set(key, list);
    else failures.delete(key);
    return list;
  };
  const keys = (login: string, ip: string) => [`user:${login.trim().toLowerCase()}`, `ip:${ip}`];
  return {
    isLocked: (login, ip) => {
      const [user = '', address = ''] = keys(login, ip);
      return (
        recent(user).length >= limits.maxFailuresPerUser ||
        recent(address).length >= limits.maxFailuresPerIp
      );
    },
    recordFailure(login, ip) {
      for (const k of keys(login, ip)) failures.set(k, [...recent(k), Date.now()]);
    },
    recordSuccess: (login) => void failures.delete(keys(login, '')[0] ?? ''),
    message: `Too many failed sign-in attempts. Wait ${Math.ceil(limits.windowSeconds / 60)} minutes and try again.`,
  };
}
