/** Classic Engine one-time session tokens (`/api/v1/authn` → `sessionToken` on `/v1/authorize`). */
import { randomBytes } from 'node:crypto';
import type { Store } from './store.ts';

export interface SessionTokens {
  issue(userId: string): { sessionToken: string; expiresAt: string };
  /** The user id, once: a session token is consumed by its first use. */
  redeem(sessionToken: string): string | undefined;
}

export function createSessionTokens(store: Store, ttlSeconds: number): SessionTokens {
  return {
    issue(userId) {
      const sessionToken = `20111${randomBytes(24).toString('base64url')}`;
      store.put('SessionToken', sessionToken, { userId }, ttlSeconds);
      return { sessionToken, expiresAt: new Date(Date.now() + ttlSeconds * 1000).toISOString() };
    },
    redeem: (sessionToken) => store.take<{ userId: string }>('SessionToken', sessionToken)?.userId,
  };
}
