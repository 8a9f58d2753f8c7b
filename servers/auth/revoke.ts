/**
 * `/v1/revoke` (RFC 7009). oidc-provider cannot revoke JWT access tokens (`unsupported_token_type`) and
 * rejects okta-auth-js's colon-less Basic header, which makes `signOut()` throw before it reaches
 * logout. Access tokens go on a persisted `jti` revocation list. A refresh token ends its whole
 * grant, as oidc-provider's own revocation does: every refresh token it was rotated from or to (a
 * copy stolen before a rotation included) and every access token the grant issued.
 */
import type { Router } from 'express';
import { tokenEndpoint, type TokenEndpointDeps } from './client-auth.ts';
import { ISSUER_PATH } from './defaults.ts';
import type { Store } from './store.ts';

export function revokeRoutes(deps: TokenEndpointDeps, store: Store): Router {
  return tokenEndpoint(`${ISSUER_PATH}/v1/revoke`, deps, (token, res) => {
    if (token.kind === 'access_token') {
      if (token.claims?.jti) store.revokeJti(token.claims.jti, Number(token.claims.exp));
    } else if (token.refreshToken?.grantId) {
      // Found even when already used: revoking the first token of a family ends its successors.
      store.endGrant(token.refreshToken.grantId);
    }
    // RFC 7009: the answer is the same whether or not the token was known.
    res.status(200).end();
  });
}
