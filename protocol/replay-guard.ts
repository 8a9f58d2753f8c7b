/**
 * One-time use of DPoP proofs (RFC 9449 §11.1): a proof's `jti` is refused if it was seen while the
 * proof could still be fresh. The memory is bounded: under a flood of valid proofs the oldest are
 * forgotten, and from then on every proof issued no later than a forgotten one is refused as possibly
 * replayed. A flood therefore shortens the freshness window instead of growing memory or letting a
 * replay through.
 */
import { ExpiringCache } from './expiring-cache.js';

export interface ReplayGuardOptions {
  /** How long a proof can be fresh: its maximum age plus the clock leeway. */
  windowMs: number;
  /** The most `jti`s remembered at once. */
  maxEntries: number;
  now?: () => number;
}

export class ReplayGuard {
  private readonly seen: ExpiringCache<number>;
  /** Proofs issued at or before this instant can no longer be told apart from replays. */
  private forgottenUpToMs = -Infinity;

  constructor(options: ReplayGuardOptions) {
    this.seen = new ExpiringCache<number>(
      { ttlMs: options.windowMs, maxEntries: options.maxEntries, now: options.now },
      (_id, issuedAtMs) => {
        this.forgottenUpToMs = Math.max(this.forgottenUpToMs, issuedAtMs);
      },
    );
  }

  get size(): number {
    return this.seen.size;
  }

  /**
   * Records the first use of proof `id` issued at `issuedAtMs` (its `iat`), and answers false when
   * it has been used before, or may have been.
   */
  firstUse(id: string, issuedAtMs: number): boolean {
    if (issuedAtMs <= this.forgottenUpToMs || this.seen.get(id) !== undefined) return false;
    this.seen.set(id, issuedAtMs);
    return true;
  }
}
