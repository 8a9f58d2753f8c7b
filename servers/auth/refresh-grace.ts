/**
 * Okta's "Grace period for token rotation": for a few seconds after a refresh token is rotated, the
 * previous one is still accepted, so a token response lost on the network, or two tabs refreshing at
 * once, does not end the session. oidc-provider refuses a used refresh token at once and revokes its
 * grant; the grace period sits in front of it:
 * - every rotation is recorded (previous → newest, until when) in the store, so it survives a restart;
 * - a refresh with the previous token, within its grace period and while the newest token is still
 *   unused, is handed to oidc-provider as a refresh with the newest token, which is not rotated again:
 *   the answer has fresh access and ID tokens and the newest refresh token (the one the first answer
 *   carried), so a retry and a second tab end up holding the same token, the only one of the family
 *   that refreshes once the grace period is over. The newest token's DPoP binding is checked as usual;
 * - any other used token (after the grace period, or older than the previous one) reaches
 *   oidc-provider unchanged: `invalid_grant`, and the grant is revoked.
 * A family's refreshes are answered one at a time, so two tabs refreshing with the same token at once
 * meet as a rotation and its grace-period reuse instead of racing inside oidc-provider.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type Provider from 'oidc-provider';
import type { KoaContextWithOIDC } from 'oidc-provider';
import type { AuthConfig } from './config.ts';
import type { Store } from './store.ts';

/** Token requests handed to oidc-provider with the newest refresh token in place of the previous one. */
const graceReuses = new WeakSet<object>();

/** Per family (grant): the turn of its latest refresh, settled once that answer has been sent. */
const familyTurns = new Map<string, Promise<void>>();

/**
 * Runs `send`, which hands a token request to oidc-provider, once the answers to earlier refreshes of
 * the same family have been sent (other requests go at once). Without this, the later of two
 * simultaneous refreshes could read the token after it was consumed but before its rotation was
 * recorded, and be taken for a replay.
 */
export function inFamilyOrder(
  store: Store,
  params: URLSearchParams,
  response: ServerResponse,
  send: () => void,
): Promise<void> {
  const grantId =
    params.get('grant_type') === 'refresh_token'
      ? store.get<{ grantId?: string }>('RefreshToken', params.get('refresh_token') ?? '')?.grantId
      : undefined;
  let gone = false;
  const answered = new Promise<void>((resolve) =>
    response.once('close', () => {
      gone = true;
      resolve();
    }),
  );
  // A client that hung up while waiting for its turn is not answered at all.
  const run = () => {
    if (!gone) send();
    return answered;
  };
  if (!grantId) return Promise.resolve().then(run);
  const turn = (familyTurns.get(grantId) ?? Promise.resolve()).then(run);
  const settled = turn.catch(() => undefined);
  familyTurns.set(grantId, settled);
  void settled.then(() => {
    if (familyTurns.get(grantId) === settled) familyTurns.delete(grantId);
  });
  return turn;
}

/** Records each rotation of a refresh token whose client has a grace period. */
export function recordRotations(provider: Provider, config: AuthConfig, store: Store): void {
  // Emitted after the grant handler and before the answer is sent, so a fast retry finds the record.
  provider.on('grant.success', (ctx: KoaContextWithOIDC) => {
    const { RotatedRefreshToken: previous, RefreshToken: next } = ctx.oidc.entities;
    if (!previous || !next) return;
    const client = config.clients.find((c) => c.clientId === previous.clientId);
    const seconds = client?.refreshTokenGraceSeconds ?? 0;
    if (seconds > 0) store.recordRotation(previous.jti, next.jti, Date.now() + seconds * 1000);
  });
}

/**
 * Rewrites a token request's form (`params`) in place when it is a grace-period reuse, and marks
 * `request`, the request oidc-provider will be handed, so that it does not rotate again.
 */
export function applyGracePeriod(
  store: Store,
  params: URLSearchParams,
  request: IncomingMessage,
): void {
  if (params.get('grant_type') !== 'refresh_token') return;
  const next = store.successorInGrace(params.get('refresh_token') ?? '');
  if (!next) return;
  // Only the newest token's immediate predecessor: if the newest has been used too, the family has
  // moved on without this token's holder, and that is reuse.
  const newest = store.get<{ consumed?: number }>('RefreshToken', next);
  if (!newest || newest.consumed) return;
  params.set('refresh_token', next);
  graceReuses.add(request);
}

/** oidc-provider's `rotateRefreshToken`: on every use, except a grace-period reuse. */
export function rotateUnlessGraceReuse(ctx: KoaContextWithOIDC): boolean {
  return !graceReuses.has(ctx.req);
}
