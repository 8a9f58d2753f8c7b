/**
 * A cache whose entries all live for the same time, bounded in size as well as in time. Because every
 * entry gets the same lifetime, insertion order is expiry order: expired entries are always at the
 * front of the Map, so pruning and eviction cost O(1) amortised per insert, never a scan.
 */
export interface ExpiringCacheOptions {
  /** How long an entry is kept after it was set. */
  ttlMs: number;
  /** The most entries kept; setting one more evicts the oldest. */
  maxEntries: number;
  /** The clock, in milliseconds (tests pass their own). */
  now?: () => number;
}

interface Entry<V> {
  value: V;
  expiresAtMs: number;
}

export class ExpiringCache<V> {
  private readonly entries = new Map<string, Entry<V>>();
  private readonly now: () => number;

  constructor(
    private readonly options: ExpiringCacheOptions,
    /** Told about each live entry evicted to make room (not about the expired ones). */
    private readonly onEvict?: (key: string, value: V) => void,
  ) {
    if (!(options.ttlMs > 0) || !(options.maxEntries >= 1))
      throw new RangeError('an expiring cache needs a positive lifetime and room for one entry');
    this.now = options.now ?? Date.now;
  }

  get size(): number {
    return this.entries.size;
  }

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAtMs > this.now()) return entry.value;
    this.entries.delete(key);
    return undefined;
  }

  set(key: string, value: V): void {
    const now = this.now();
    this.prune(now);
    // Re-setting moves the key to the back, where its new expiry belongs.
    this.entries.delete(key);
    while (this.entries.size >= this.options.maxEntries) {
      const oldest = this.entries.entries().next().value as [string, Entry<V>];
      this.entries.delete(oldest[0]);
      this.onEvict?.(oldest[0], oldest[1].value);
    }
    this.entries.set(key, { value, expiresAtMs: now + this.options.ttlMs });
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  private prune(now: number): void {
    for (const [key, entry] of this.entries) {
      if (entry.expiresAtMs > now) return;
      this.entries.delete(key);
    }
  }
}
