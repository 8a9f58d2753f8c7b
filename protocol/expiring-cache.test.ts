import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ExpiringCache } from './expiring-cache.ts';

function clock(start = 1_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => void (t += ms) };
}

describe('a cache bounded in size and time', () => {
  test('an entry is found until its lifetime has passed, then not', () => {
    const c = clock();
    const cache = new ExpiringCache<string>({ ttlMs: 100, maxEntries: 10, now: c.now });
    cache.set('a', 'A');
    c.advance(99);
    assert.equal(cache.get('a'), 'A');
    c.advance(1);
    assert.equal(cache.get('a'), undefined);
    assert.equal(cache.size, 0);
  });

  test('a flood of new keys never holds more than the limit, and evicts the oldest first', () => {
    const c = clock();
    const evicted: string[] = [];
    const cache = new ExpiringCache<number>({ ttlMs: 60_000, maxEntries: 100, now: c.now }, (k) =>
      evicted.push(k),
    );
    for (let i = 0; i < 10_000; i += 1) {
      cache.set(`k${i}`, i);
      assert.ok(cache.size <= 100);
    }
    assert.equal(cache.size, 100);
    assert.deepEqual(evicted.slice(0, 3), ['k0', 'k1', 'k2']);
    assert.equal(cache.get('k9899'), undefined);
    assert.equal(cache.get('k9900'), 9900);
  });

  test('expired entries are dropped as new ones arrive, without being reported as evictions', () => {
    const c = clock();
    const evicted: string[] = [];
    const cache = new ExpiringCache<number>({ ttlMs: 10, maxEntries: 5, now: c.now }, (k) =>
      evicted.push(k),
    );
    for (let i = 0; i < 50; i += 1) {
      cache.set(`k${i}`, i);
      c.advance(5);
    }
    assert.equal(cache.size, 2, 'only the entries of the last 10 ms');
    assert.deepEqual(evicted, []);
  });

  test('setting a key again renews it, and delete removes it', () => {
    const c = clock();
    const cache = new ExpiringCache<string>({ ttlMs: 100, maxEntries: 2, now: c.now });
    cache.set('a', 'A');
    cache.set('b', 'B');
    c.advance(50);
    cache.set('a', 'A2');
    cache.set('c', 'C');
    assert.equal(cache.get('b'), undefined, 'b was the oldest');
    c.advance(60);
    assert.equal(cache.get('a'), 'A2', 'renewed at 50 ms');
    cache.delete('a');
    assert.equal(cache.get('a'), undefined);
  });

  test('a cache without room or lifetime is a configuration error', () => {
    assert.throws(() => new ExpiringCache({ ttlMs: 0, maxEntries: 1 }), RangeError);
    assert.throws(() => new ExpiringCache({ ttlMs: 1, maxEntries: 0 }), RangeError);
  });
});
