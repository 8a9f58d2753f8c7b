/**
 * `/v1/userinfo`. oidc-provider refuses an access token that has an audience (ours is the FHIR base),
 * so this serves it: a Bearer or DPoP token, refused once revoked; `sub` is the user id, matching the
 * ID token, because okta-auth-js `getUser()` rejects a mismatch.
 */
import express, { type Router } from 'express';
import { errors } from 'oidc-provider';
import type { AccessTokenVerifier } from './access-tokens.ts';
import type { AuthConfig } from './config.ts';
import { ISSUER_PATH } from './defaults.ts';
import { invalidToken } from './errors.ts';
import { userClaims, type UserDirectory } from './users.ts';

export function userinfoRoutes(
  config: AuthConfig,
  verifier: AccessTokenVerifier,
  users: UserDirectory,
): Router {
  const router = express.Router();
  const path = `${ISSUER_PATH}/v1/userinfo`;
  router.all(path, async (req, res) => {
    if (req.method !== 'GET' && req.method !== 'POST') {
      res.status(405).set('Allow', 'GET, POST').end();
      return;
    }
    const claims = await verifier.verifyRequest(req, `${config.origin}${req.originalUrl}`);
    const user = claims.uid ? users.byId(claims.uid) : undefined;
    if (!user) throw invalidToken();
    const scopes = new Set(claims.scp ?? []);
    if (!scopes.has('openid'))
      throw new errors.InsufficientScope(
        'The access token must provide access to at least one of these scopes - openid.',
        'openid',
      );
    res.set('Cache-Control', 'no-store').json(userClaims(user, scopes, config.audience));
  });
  return router;
}
