/**
 * Everything that must survive a restart, in one SQLite file (`${dataDir}/auth.sqlite`): oidc-provider's
 * sessions, grants, codes and refresh tokens (through its adapter interface), the ids of revoked access
 * tokens, which access tokens each grant issued (so revoking a grant revokes them), recent refresh-token
 * rotations (for the grace period), recent failed sign-ins (so a restart does not lift a lockout), the
 * cookie keys and the DPoP nonce secret.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Adapter, AdapterPayload } from 'oidc-provider';

const now = () => Math.floor(Date.now() / 1000);

export interface Store {
  /** oidc-provider adapter factory. */
  adapter(model: string): Adapter;
  /** Short-lived records of the Okta front (IDX transactions, session tokens): TTL in seconds. */
  put(model: string, id: string, payload: object, ttlSeconds: number): void;
  get<T>(model: string, id: string): T | undefined;
  /** Reads and deletes in one step: one-time values. */
  take<T>(model: string, id: string): T | undefined;
  remove(model: string, id: string): void;
  recordIssued(jti: string, grantId: string | undefined, exp: number): void;
  revokeJti(jti: string, exp: number): void;
  /**
   * Ends a grant whole: every refresh token of its rotation family, its codes and the grant itself
   * are deleted, and every access token it issued is revoked.
   */
  endGrant(grantId: string): void;
  isRevoked(jti: string): boolean;
  /** Refresh token `previous` was rotated to `next`; its grace period ends at `graceEndsAtMs`. */
  recordRotation(previous: string, next: string, graceEndsAtMs: number): void;
  /** The token `previous` was rotated to, while its grace period lasts. */
  successorInGrace(previous: string): string | undefined;
  /** Failed sign-ins for the login throttle: one row per failure under `key`, until `expiresAtMs`. */
  addFailure(key: string, expiresAtMs: number): void;
  /** Failures under `key` that have not expired yet. */
  countFailures(key: string): number;
  clearFailures(key: string): void;
  cookieKeys(): string[];
  /** The 32-byte secret oidc-provider derives DPoP nonces from; stable so nonces outlive a restart. */
  dpopNonceSecret(): Buffer;
  close(): void;
}

export function openStore(dataDir: string): Store {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(join(dataDir, 'auth.sqlite'));
  db.pragma('journal_mode = WAL');
  db.exec(`
    CREATE TABLE IF NOT EXISTS records (
      model TEXT NOT NULL, id TEXT NOT NULL, payload TEXT NOT NULL,
      grant_id TEXT, uid TEXT, user_code TEXT, expires_at INTEGER,
      PRIMARY KEY (model, id));
    CREATE INDEX IF NOT EXISTS records_grant ON records (grant_id);
    CREATE INDEX IF NOT EXISTS records_uid ON records (model, uid);
    CREATE TABLE IF NOT EXISTS issued_tokens (jti TEXT PRIMARY KEY, grant_id TEXT, expires_at INTEGER NOT NULL);
    CREATE INDEX IF NOT EXISTS issued_grant ON issued_tokens (grant_id);
    CREATE INDEX IF NOT EXISTS issued_expiry ON issued_tokens (expires_at);
    CREATE TABLE IF NOT EXISTS revoked_tokens (jti TEXT PRIMARY KEY, expires_at INTEGER NOT NULL);
    CREATE INDEX IF NOT EXISTS revoked_expiry ON revoked_tokens (expires_at);
    CREATE TABLE IF NOT EXISTS refresh_rotations (
      previous TEXT PRIMARY KEY, next TEXT NOT NULL, grace_ends_at_ms INTEGER NOT NULL);
    CREATE INDEX IF NOT EXISTS refresh_rotations_end ON refresh_rotations (grace_ends_at_ms);
    CREATE TABLE IF NOT EXISTS login_failures (key TEXT NOT NULL, expires_at_ms INTEGER NOT NULL);
    CREATE INDEX IF NOT EXISTS login_failures_key ON login_failures (key, expires_at_ms);
    CREATE TABLE IF NOT EXISTS settings (name TEXT PRIMARY KEY, value TEXT NOT NULL);
  `);
  const t = now();
  db.prepare('DELETE FROM records WHERE expires_at IS NOT NULL AND expires_at < ?').run(t);
  // A token past its `exp` is refused anyway: these two lists only need the live ones.
  const pruneIssued = db.prepare('DELETE FROM issued_tokens WHERE expires_at < ?');
  const pruneRevoked = db.prepare('DELETE FROM revoked_tokens WHERE expires_at < ?');
  pruneIssued.run(t);
  pruneRevoked.run(t);
  const pruneFailures = db.prepare('DELETE FROM login_failures WHERE expires_at_ms <= ?');
  pruneFailures.run(Date.now());
  const pruneRotations = db.prepare('DELETE FROM refresh_rotations WHERE grace_ends_at_ms < ?');
  pruneRotations.run(Date.now());

  const upsert = db.prepare(
    `INSERT INTO records (model, id, payload, grant_id, uid, user_code, expires_at)
     VALUES (@model, @id, @payload, @grantId, @uid, @userCode, @expiresAt)
     ON CONFLICT (model, id) DO UPDATE SET payload = excluded.payload, grant_id = excluded.grant_id,
       uid = excluded.uid, user_code = excluded.user_code, expires_at = excluded.expires_at`,
  );
  const select = db.prepare<[string, string, number], { payload: string }>(
    'SELECT payload FROM records WHERE model = ? AND id = ? AND (expires_at IS NULL OR expires_at >= ?)',
  );
  const selectBy = (column: 'uid' | 'user_code') =>
    db.prepare<[string, string, number], { payload: string }>(
      `SELECT payload FROM records WHERE model = ? AND ${column} = ? AND (expires_at IS NULL OR expires_at >= ?)`,
    );
  const byUid = selectBy('uid');
  const byUserCode = selectBy('user_code');
  const del = db.prepare('DELETE FROM records WHERE model = ? AND id = ?');
  const delGrant = db.prepare('DELETE FROM records WHERE model = ? AND grant_id = ?');
  const revoke = db.prepare('INSERT OR IGNORE INTO revoked_tokens (jti, expires_at) VALUES (?, ?)');
  const recordIssued = db.prepare(
    'INSERT OR REPLACE INTO issued_tokens (jti, grant_id, expires_at) VALUES (?, ?, ?)',
  );
  const revokeIssued = db.prepare(
    `INSERT OR IGNORE INTO revoked_tokens (jti, expires_at)
     SELECT jti, expires_at FROM issued_tokens WHERE grant_id = ?`,
  );
  const delGrantRecords = db.prepare(
    "DELETE FROM records WHERE grant_id = ? OR (model = 'Grant' AND id = ?)",
  );
  const addFailure = db.prepare('INSERT INTO login_failures (key, expires_at_ms) VALUES (?, ?)');
  const countFailures = db.prepare<[string, number], { n: number }>(
    'SELECT COUNT(*) AS n FROM login_failures WHERE key = ? AND expires_at_ms > ?',
  );
  const clearFailures = db.prepare('DELETE FROM login_failures WHERE key = ?');
  const addRotation = db.prepare(
    'INSERT OR REPLACE INTO refresh_rotations (previous, next, grace_ends_at_ms) VALUES (?, ?, ?)',
  );
  const successor = db.prepare<[string, number], { next: string }>(
    'SELECT next FROM refresh_rotations WHERE previous = ? AND grace_ends_at_ms >= ?',
  );

  /** A value in `settings`, created by `create` on first use and kept from then on. */
  const setting = (name: string, create: () => string): string => {
    const row = db.prepare('SELECT value FROM settings WHERE name = ?').get(name) as
      { value: string } | undefined;
    if (row) return row.value;
    const value = create();
    db.prepare('INSERT INTO settings (name, value) VALUES (?, ?)').run(name, value);
    return value;
  };

  const read = <T>(model: string, id: string): T | undefined => {
    const row = select.get(model, id, now());
    return row ? (JSON.parse(row.payload) as T) : undefined;
  };
  const write = (model: string, id: string, payload: AdapterPayload | object, ttl?: number) => {
    const p = payload as AdapterPayload;
    upsert.run({
      model,
      id,
      payload: JSON.stringify(payload),
      grantId: p.grantId ?? null,
      uid: p.uid ?? null,
      userCode: p.userCode ?? null,
      expiresAt: ttl ? now() + ttl : null,
    });
  };

  return {
    adapter(model) {
      return {
        upsert: async (id, payload, expiresIn) => write(model, id, payload, expiresIn),
        find: async (id) => read<AdapterPayload>(model, id),
        findByUid: async (uid) => {
          const row = byUid.get(model, uid, now());
          return row ? (JSON.parse(row.payload) as AdapterPayload) : undefined;
        },
        findByUserCode: async (code) => {
          const row = byUserCode.get(model, code, now());
          return row ? (JSON.parse(row.payload) as AdapterPayload) : undefined;
        },
        consume: async (id) => {
          const row = db
            .prepare('SELECT payload, expires_at FROM records WHERE model = ? AND id = ?')
            .get(model, id) as { payload: string; expires_at: number | null } | undefined;
          if (!row) return;
          const payload = { ...(JSON.parse(row.payload) as AdapterPayload), consumed: now() };
          db.prepare('UPDATE records SET payload = ? WHERE model = ? AND id = ?').run(
            JSON.stringify(payload),
            model,
            id,
          );
        },
        destroy: async (id) => void del.run(model, id),
        revokeByGrantId: async (grantId) => void delGrant.run(model, grantId),
      };
    },
    put: (model, id, payload, ttl) => write(model, id, payload, ttl),
    get: read,
    take<T>(model: string, id: string) {
      const value = read<T>(model, id);
      del.run(model, id);
      return value;
    },
    remove: (model, id) => void del.run(model, id),
    recordIssued(jti, grantId, exp) {
      // Pruning on write keeps both token lists to the tokens that have not expired yet.
      pruneIssued.run(now());
      recordIssued.run(jti, grantId ?? null, exp);
    },
    revokeJti(jti, exp) {
      pruneRevoked.run(now());
      revoke.run(jti, exp);
    },
    endGrant: db.transaction((grantId: string) => {
      pruneRevoked.run(now());
      revokeIssued.run(grantId);
      delGrantRecords.run(grantId, grantId);
    }),
    isRevoked: (jti) =>
      db.prepare('SELECT 1 FROM revoked_tokens WHERE jti = ?').get(jti) !== undefined,
    recordRotation(previous, next, graceEndsAtMs) {
      // Pruning on write keeps the table to the rotations still in their grace period (a minute at most).
      pruneRotations.run(Date.now());
      addRotation.run(previous, next, graceEndsAtMs);
    },
    successorInGrace: (previous) => successor.get(previous, Date.now())?.next,
    addFailure(key, expiresAtMs) {
      // Pruning on write keeps the table to the failures of the current window.
      pruneFailures.run(Date.now());
      addFailure.run(key, expiresAtMs);
    },
    countFailures: (key) => countFailures.get(key, Date.now())?.n ?? 0,
    clearFailures: (key) => void clearFailures.run(key),
    cookieKeys: () =>
      JSON.parse(
        setting('cookie_keys', () => JSON.stringify([randomBytes(32).toString('base64url')])),
      ) as string[],
    dpopNonceSecret: () =>
      Buffer.from(
        setting('dpop_nonce_secret', () => randomBytes(32).toString('base64url')),
        'base64url',
      ),
    close: () => db.close(),
  };
}
