/** `/v1/introspect` (RFC 7662), with the same colon-less Basic header problem as `/v1/revoke`. */
import type { Router } from 'express';
import { tokenEndpoint, type TokenEndpointDeps } from './client-auth.ts';
import { ISSUER_PATH } from './defaults.ts';
import type { UserDirectory } from './users.ts';

export function introspectRoutes(deps: TokenEndpointDeps, users: UserDirectory): Router {
  return tokenEndpoint(`${ISSUER_PATH}/v1/introspect`, deps, (token, res) => {
    if (token.kind === 'access_token') {
      const { claims } = token;
      if (!claims) {
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
    const rt = token.refreshToken;
    const user = rt?.accountId ? users.byId(rt.accountId) : undefined;
    if (!rt || !rt.isValid || !user) {
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
}
