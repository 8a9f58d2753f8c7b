import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, mock, test } from 'node:test';
import Database from 'better-sqlite3';
import { openStore, type Store } from './store.ts';

describe('the token lists in the auth store', () => {
  let dir: string;
  let store: Store;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'fhirokta-store-'));
    store = openStore(dir);
  });
  afterEach(async () => {
    mock.restoreAll();
    store.close();
    await rm(dir, { recursive: true, force: true });
  });

  const rows = (table: string) => {
    const db = new Database(join(dir, 'auth.sqlite'), { readonly: true });
    try {
      return (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
    } finally {
      db.close();
    }
  };

  test('ending a grant deletes every token of the family and revokes its access tokens, and nothing of other grants', async () => {
    const adapter = store.adapter('RefreshToken');
    const exp = Math.floor(Date.now() / 1000) + 600;
    await adapter.upsert('rt-1', { grantId: 'g1', consumed: 1 } as never, 600);
    await adapter.upsert('rt-2', { grantId: 'g1' } as never, 600);
    await adapter.upsert('rt-other', { grantId: 'g2' } as never, 600);
    await store.adapter('Grant').upsert('g1', {} as never, 600);
    store.recordIssued('at-1', 'g1', exp);
    store.recordIssued('at-other', 'g2', exp);

    store.endGrant('g1');

    assert.equal(await adapter.find('rt-1'), undefined);
    assert.equal(await adapter.find('rt-2'), undefined);
    assert.equal(await store.adapter('Grant').find('g1'), undefined);
    assert.ok(await adapter.find('rt-other'));
    assert.equal(store.isRevoked('at-1'), true);
    assert.equal(store.isRevoked('at-other'), false);
  });

  test('revoked and issued token lists drop tokens past their expiry on each write, so they stay bounded', () => {
    const start = Date.now();
    const clock = mock.method(Date, 'now', () => start);
    const exp = Math.floor(start / 1000) + 300;
    for (let i = 0; i < 50; i += 1) {
      store.recordIssued(`at-${i}`, 'g1', exp);
      store.revokeJti(`at-${i}`, exp);
    }
    assert.equal(rows('revoked_tokens'), 50);
    clock.mock.mockImplementation(() => start + 301_000);
    store.recordIssued('fresh', 'g2', exp + 600);
    store.revokeJti('fresh', exp + 600);
    assert.equal(rows('issued_tokens'), 1);
    assert.equal(rows('revoked_tokens'), 1);
    assert.equal(store.isRevoked('fresh'), true);
  });
});
