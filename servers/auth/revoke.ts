/**
 * `/v1/revoke` (RFC 7009). oidc-provider cannot revoke JWT access tokens (`unsupported_token_type`) and
 * rejects okta-auth-js's colon-less Basic header, which makes `signOut()` throw before it reaches
 * logout. Access tokens go on a persisted `jti` revocation list. A refresh token ends its whole
 * grant, as oidc-provider's own revocation does: every refresh token it was rotated from or to (a
 * copy stolen before a rotation included) and every access token the grant issued.
 */
import express, { type Router } from 'express';
import type Provider from 'oidc-provider';
import type { AccessTokenVerifier } from './access-tokens.ts';
import { authenticatePublicClient } from './client-auth.ts';
import type { AuthConfig } from './config.ts';
import { ISSUER_PATH } from './defaults.ts';
import { InvalidRequest } from './errors.ts';
import type { Store } from './store.ts';

export function revokeRoutes(
  config: AuthConfig,
  provider: Provider,
  verifier: AccessTokenVerifier,
  store: Store,
): Router {
  const router = express.Router();
  const path = `${ISSUER_PATH}/v1/revoke`;
  router.post(path, express.urlencoded({ extended: false }), async (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const client = authenticatePublicClient(req, body, config.clients);
    const token = typeof body.token === 'string' ? body.token : '';
    if (!token) throw new InvalidRequest('token is required');
    if (token.split('.').length === 3) {
      const claims = await verifier.verify(token).catch(() => undefined);
      if (claims?.jti && claims.cid === client.clientId)
        store.revokeJti(claims.jti, Number(claims.exp));
    } else {
      const refreshToken = await provider.RefreshToken.find(token);
      // Found even when already used: revoking the first token of a family ends its successors.
      if (refreshToken?.grantId && refreshToken.clientId === client.clientId)
        store.endGrant(refreshToken.grantId);
    }
    // RFC 7009: the answer is the same whether or not the token was known.
    res.status(200).set('Cache-Control', 'no-store').end();
  });
  return router;
}
