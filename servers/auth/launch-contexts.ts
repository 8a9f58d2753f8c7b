/**
 * EHR launch contexts: what the EHR simulator hands the app as `launch=<id>`. Each one is made by a
 * signed-in user for one client, lives a few minutes, and is redeemed once: by the authorization that
 * it puts the patient into. A forged, expired, replayed, other-client or other-user `launch` is
 * refused with the sentence the app shows (`error_description` of an `invalid_request`).
 */
import { randomBytes } from 'node:crypto';
import type { Store } from './store.ts';

/** What the EHR was showing when the user pressed "Launch", as the token response will say it. */
export interface LaunchChoice {
  patient: string;
  encounter?: string;
  /** false: the EHR shows the patient banner, the app need not. */
  needPatientBanner: boolean;
  /** The EHR's SMART style document, when the app is offered one. */
  styleUrl?: string;
  /**
   * Okta without its token proxy: the context goes only into the access token (the
   * `launch_response_*` claims of Okta's token inline hook), none into the token response.
   */
  accessTokenOnly: boolean;
}

export interface LaunchContext extends LaunchChoice {
  clientId: string;
  /** The user who pressed "Launch": only their authorization may redeem it. */
  userId: string;
  expiresAtMs: number;
}

/** The sentences of a refused `launch`, in the words the app shows to the user. */
export const LAUNCH_REFUSED = {
  /** One sentence for forged, expired and used ids: a guesser learns nothing from the difference. */
  unusable: 'This launch has expired or was already used. Open fhirokta from the EHR again.',
  otherClient: 'This launch was made for another app.',
  otherUser:
    'This launch was started by another user. Sign in as the user who opened fhirokta in the EHR.',
} as const;

export type LaunchCheck = { ok: true; context: LaunchContext } | { ok: false; reason: string };

export interface LaunchContexts {
  /** A new context for `clientId`, made by `userId`; the opaque id the app receives as `launch`. */
  create(choice: LaunchChoice, clientId: string, userId: string): string;
  /**
   * Whether `id` may start an authorization for this client (and this user, once known), without
   * using it up: the authorize request checks, the finished authorization redeems.
   */
  check(id: string, clientId: string, userId?: string): LaunchCheck;
  /** Checks and uses up the context: a second redeem of the same id is refused. */
  redeem(id: string, clientId: string, userId: string): LaunchCheck;
}

const MODEL = 'LaunchContext';
/** 32 random bytes: the id is the only secret between the EHR and the app's launch URL. */
const ID_BYTES = 32;
const ID_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function createLaunchContexts(
  store: Store,
  ttlSeconds: number,
  now: () => number = Date.now,
): LaunchContexts {
  const verdict = (
    context: LaunchContext | undefined,
    clientId: string,
    userId: string | undefined,
  ): LaunchCheck => {
    if (!context || context.expiresAtMs <= now())
      return { ok: false, reason: LAUNCH_REFUSED.unusable };
    if (context.clientId !== clientId) return { ok: false, reason: LAUNCH_REFUSED.otherClient };
    if (userId !== undefined && context.userId !== userId)
      return { ok: false, reason: LAUNCH_REFUSED.otherUser };
    return { ok: true, context };
  };
  const find = (id: string) =>
    ID_PATTERN.test(id) ? store.get<LaunchContext>(MODEL, id) : undefined;

  return {
    create(choice, clientId, userId) {
      const id = randomBytes(ID_BYTES).toString('base64url');
      const context: LaunchContext = {
        ...choice,
        clientId,
        userId,
        expiresAtMs: now() + ttlSeconds * 1000,
      };
      store.put(MODEL, id, context, ttlSeconds);
      return id;
    },
    check: (id, clientId, userId) => verdict(find(id), clientId, userId),
    redeem(id, clientId, userId) {
      const result = verdict(find(id), clientId, userId);
      // Only a successful redeem uses the id up: another user's attempt must not destroy it.
      if (result.ok && !store.take<LaunchContext>(MODEL, id))
        return { ok: false, reason: LAUNCH_REFUSED.unusable };
      return result;
    },
  };
}
