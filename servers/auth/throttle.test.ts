import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, mock, test } from 'node:test';
import Database from 'better-sqlite3';
import { openStore, type Store } from './store.ts';
import { createThrottle } from './throttle.ts';

const LIMITS = { maxFailuresPerUser: 3, maxFailuresPerIp: 5, windowSeconds: 300 };
const IP = '192.0.2.7';

describe('the sign-in throttle', () => {
  let dir: string;
  let store: Store;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'fhirokta-throttle-'));
    store = openStore(dir);
  });
  afterEach(async () => {
    mock.restoreAll();
    store.close();
    await rm(dir, { recursive: true, force: true });
  });

  type Throttle = ReturnType<typeof createThrottle>;
  const failTimes = (throttle: Throttle, n: number, login: string, ip = IP) => {
    for (let i = 0; i < n; i += 1) throttle.reserve(login, ip)?.failed();
  };
  /** Whether an attempt would be refused now (a granted probe stays in flight, like a real one). */
  const refused = (throttle: Throttle, login: string, ip: string) =>
    throttle.reserve(login, ip) === undefined;

  test('a user is locked out after too many failures, whatever the case or spacing of the login', () => {
    const throttle = createThrottle(store, LIMITS);
    failTimes(throttle, 2, 'Clinician@Example.com');
    failTimes(throttle, 1, ' clinician@example.com ', '198.51.100.9');
    assert.equal(refused(throttle, 'clinician@example.com', '198.51.100.1'), true);
    assert.equal(refused(throttle, 'frontdesk@example.com', '198.51.100.1'), false);
  });

  test('a successful sign-in clears the user’s failures but not the address’s', () => {
    const throttle = createThrottle(store, LIMITS);
    failTimes(throttle, 2, 'clinician@example.com');
    throttle.reserve('clinician@example.com', IP)?.succeeded();
    failTimes(throttle, 2, 'clinician@example.com', '198.51.100.1');
    assert.equal(refused(throttle, 'clinician@example.com', '198.51.100.2'), false);
    assert.equal(refused(throttle, 'frontdesk@example.com', IP), false, '2 failures from IP');
    failTimes(throttle, 3, 'someone@example.com', IP);
    assert.equal(refused(throttle, 'frontdesk@example.com', IP), true, '5 failures from IP');
  });

  test('attempts still being checked count against the limit, so a burst cannot overtake it', () => {
    const throttle = createThrottle(store, LIMITS);
    const burst = Array.from({ length: 10 }, () => throttle.reserve('clinician@example.com', IP));
    assert.equal(burst.filter(Boolean).length, 3, 'only the per-user limit is let through');
    for (const attempt of burst) attempt?.failed();
    assert.equal(refused(throttle, 'clinician@example.com', '198.51.100.1'), true);
    assert.equal(store.countFailures(`ip:${IP}`), 3, 'refused attempts are not failures');
  });

  test('an attempt that succeeds gives its place back, and ending an attempt twice counts once', () => {
    const throttle = createThrottle(store, LIMITS);
    const first = throttle.reserve('clinician@example.com', IP);
    const second = throttle.reserve('clinician@example.com', IP);
    first?.succeeded();
    first?.failed();
    second?.failed();
    second?.failed();
    assert.equal(store.countFailures(`ip:${IP}`), 1);
    failTimes(throttle, 1, 'clinician@example.com');
    assert.equal(refused(throttle, 'clinician@example.com', IP), false, '2 of 3 used');
  });

  test('each failure counts for the window after it, then no longer', () => {
    const start = Date.now();
    const clock = mock.method(Date, 'now', () => start);
    const throttle = createThrottle(store, LIMITS);
    failTimes(throttle, 2, 'clinician@example.com');
    clock.mock.mockImplementation(() => start + 200_000);
    failTimes(throttle, 1, 'clinician@example.com');
    assert.equal(refused(throttle, 'clinician@example.com', IP), true);
    clock.mock.mockImplementation(() => start + 301_000);
    assert.equal(refused(throttle, 'clinician@example.com', IP), false, 'two have expired');
    clock.mock.mockImplementation(() => start + 501_000);
    assert.equal(store.countFailures(`ip:${IP}`), 0);
  });

  test('a lockout survives a restart', () => {
    failTimes(createThrottle(store, LIMITS), 3, 'clinician@example.com');
    store.close();
    store = openStore(dir);
    assert.equal(refused(createThrottle(store, LIMITS), 'clinician@example.com', IP), true);
  });

  test('on disk, logins appear only as digests and expired failures are pruned', () => {
    const start = Date.now();
    const clock = mock.method(Date, 'now', () => start);
    const throttle = createThrottle(store, LIMITS);
    failTimes(throttle, 1, 'my-password-typed-as-login');
    const rows = () => {
      const db = new Database(join(dir, 'auth.sqlite'), { readonly: true });
      try {
        return db.prepare('SELECT key FROM login_failures').all() as { key: string }[];
      } finally {
        db.close();
      }
    };
    assert.equal(rows().length, 2);
    assert.ok(rows().every((r) => !r.key.includes('my-password')));

    clock.mock.mockImplementation(() => start + 301_000);
    store.close();
    store = openStore(dir);
    assert.deepEqual(rows(), [], 'pruned when the store opens');
    const reopened = createThrottle(store, LIMITS);
    failTimes(reopened, 1, 'clinician@example.com');
    clock.mock.mockImplementation(() => start + 602_000);
    reopened.reserve('frontdesk@example.com', '198.51.100.1')?.failed();
    assert.equal(rows().length, 2, 'pruned on each write: only the latest failure is left');
  });
});
