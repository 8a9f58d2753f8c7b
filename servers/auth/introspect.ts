/** `/v1/introspect` (RFC 7662), with the same colon-less Basic header problem as `/v1/revoke`. */
import express, { type Router } from 'express';
import type Provider from 'oidc-provider';
import type { AccessTokenVerifier } from './access-tokens.ts';
import { authenticatePublicClient } from './client-auth.ts';
import type { AuthConfig } from './config.ts';
import { ISSUER_PATH } from './defaults.ts';
import { InvalidRequest } from './errors.ts';
import type { UserDirectory } from './users.ts';

export function introspectRoutes(
  config: AuthConfig,
  provider: Provider,
  verifier: AccessTokenVerifier,
  users: UserDirectory,
): Router {
  const router = express.Router();
  const path = `${ISSUER_PATH}/v1/introspect`;
  router.post(path, express.urlencoded({ extended: false }), async (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const client = authenticatePublicClient(req, body, config.clients);
    const token = typeof body.token === 'string' ? body.token : '';
    if (!token) throw new InvalidRequest('token is required');
    res.set('Cache-Control', 'no-store');
    if (token.split('.').length === 3) {
      const claims = await verifier.verify(token).catch(() => undefined);
      if (!claims || claims.cid !== client.clientId) {
        res.json({ active: false });
        return;
      }
      res.json({
        active: true,
        scope: claims.scope,
        username: claims.sub,
        exp: claims.exp,
        iat: claims.iat,
        sub: claims.sub,
        aud: claims.aud,
        iss: claims.iss,
        jti: claims.jti,
        token_type: claims.cnf?.jkt ? 'DPoP' : 'Bearer',
        client_id: claims.cid,
        uid: claims.uid,
      });
      return;
    }
    const rt = await provider.RefreshToken.find(token);
    const user = rt?.accountId ? users.byId(rt.accountId) : undefined;
    if (!rt || !rt.isValid || rt.clientId !== client.clientId || !user) {
      res.json({ active: false });
      return;
    }
    res.json({
      active: true,
      token_type: 'refresh_token',
      scope: rt.scope,
      client_id: rt.clientId,
      username: user.login,
      sub: user.login,
      uid: user.id,
      iat: rt.iat,
      exp: rt.exp,
    });
  });
  return router;
}
