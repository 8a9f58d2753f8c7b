import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ReplayGuard } from './replay-guard.ts';

describe('one-time use of DPoP proofs with bounded memory', () => {
  const start = 1_700_000_000_000;

  test('a proof is accepted once and refused when replayed inside the window', () => {
    let now = start;
    const guard = new ReplayGuard({ windowMs: 360_000, maxEntries: 1000, now: () => now });
    assert.equal(guard.firstUse('p1', start), true);
    now += 359_000;
    assert.equal(guard.firstUse('p1', start), false);
  });

  test('a flood of valid proofs keeps memory bounded, and replays of flooded and evicted proofs are still refused', () => {
    let now = start;
    const guard = new ReplayGuard({ windowMs: 360_000, maxEntries: 500, now: () => now });
    const early = 'early-proof';
    assert.equal(guard.firstUse(early, start), true);
    for (let i = 0; i < 20_000; i += 1) {
      if (i % 100 === 0) now += 1000; // a hundred proofs a second, each issued when sent
      assert.equal(guard.firstUse(`flood-${i}`, now), true);
      assert.ok(guard.size <= 500);
    }
    assert.equal(guard.size, 500);
    assert.equal(guard.firstUse('flood-19999', now), false, 'a recent proof, remembered');
    assert.equal(
      guard.firstUse('flood-100', start + 2000),
      false,
      'forgotten, but too old to trust',
    );
    assert.equal(guard.firstUse(early, start), false, 'the first proof, long forgotten');
    assert.equal(guard.firstUse('a-new-proof', now + 1000), true, 'fresh proofs still work');
  });

  test('proofs that simply expired are forgotten without making later ones suspect', () => {
    let now = start;
    const guard = new ReplayGuard({ windowMs: 1000, maxEntries: 10, now: () => now });
    for (let i = 0; i < 100; i += 1) {
      assert.equal(guard.firstUse(`p${i}`, now), true);
      now += 200;
    }
    assert.ok(guard.size <= 5);
    assert.equal(guard.firstUse('late', now - 900), true, 'an older but still fresh proof');
  });
});
