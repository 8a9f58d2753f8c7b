/**
 * Identifies the public client on revoke/introspect, and reads the token it presents there. okta-auth-js
 * sends `Authorization: Basic base64(clientId)` with no colon (and no secret), which oidc-provider
 * rejects; Okta accepts it.
 */
import express, { type Request, type Response, type Router } from 'express';
import type Provider from 'oidc-provider';
import { errors } from 'oidc-provider';
import type { AccessTokenClaims, AccessTokenVerifier } from './access-tokens.ts';
import type { ClientConfig } from './config-input.ts';
import { invalidClient } from './errors.ts';

export function authenticatePublicClient(
  req: Request,
  body: Record<string, unknown>,
  clients: ClientConfig[],
): ClientConfig {
  let clientId = typeof body.client_id === 'string' ? body.client_id : undefined;
  const header = req.get('authorization');
  if (header?.toLowerCase().startsWith('basic ')) {
    const decoded = Buffer.from(header.slice(6).trim(), 'base64').toString('utf8');
    const fromHeader = decodeClientId(decoded.split(':')[0] ?? '');
    if (clientId && clientId !== fromHeader)
      throw invalidClient('client_id does not match the Authorization header');
    clientId = fromHeader;
  }
  const client = clients.find((c) => c.clientId === clientId);
  if (!client) throw invalidClient();
  return client;
}

/** RFC 6749 §2.3.1 form-encodes the client id; a broken escape is a client that did not authenticate. */
function decodeClientId(encoded: string): string {
  try {
    return decodeURIComponent(encoded.replace(/\+/g, ' '));
  } catch {
    throw invalidClient('the Authorization header is malformed');
  }
}

/**
 * The token a client presents, as one of ours: a JWT access token (verified) or a refresh token
 * (found, possibly already used or expired). Undefined when it is neither, or was issued to another
 * client: RFC 7009 and RFC 7662 answer that as they answer an unknown token.
 */
export type PresentedToken =
  | { kind: 'access_token'; claims: AccessTokenClaims | undefined }
  | { kind: 'refresh_token'; refreshToken: InstanceType<Provider['RefreshToken']> | undefined };

export interface TokenEndpointDeps {
  clients: ClientConfig[];
  provider: Provider;
  verifier: AccessTokenVerifier;
}

/**
 * A `POST` endpoint that takes a client's token (`/v1/revoke`, `/v1/introspect`): a form body, the
 * public client, a required `token`, and `Cache-Control: no-store` on the answer; `handle` decides
 * what to do with the token.
 */
export function tokenEndpoint(
  path: string,
  deps: TokenEndpointDeps,
  handle: (token: PresentedToken, res: Response) => Promise<void> | void,
): Router {
  const router = express.Router();
  router.post(path, express.urlencoded({ extended: false }), async (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const client = authenticatePublicClient(req, body, deps.clients);
    const token = typeof body.token === 'string' ? body.token : '';
    if (!token) throw new errors.InvalidRequest('token is required');
    res.set('Cache-Control', 'no-store');
    await handle(await presentedToken(deps, token, client), res);
  });
  return router;
}

async function presentedToken(
  { provider, verifier }: TokenEndpointDeps,
  token: string,
  client: ClientConfig,
): Promise<PresentedToken> {
  // Our access tokens are JWTs (three dot-separated parts); refresh tokens are opaque.
  if (token.split('.').length === 3) {
    const claims = await verifier.verify(token).catch(() => undefined);
    return { kind: 'access_token', claims: claims?.cid === client.clientId ? claims : undefined };
  }
  const refreshToken = await provider.RefreshToken.find(token);
  return {
    kind: 'refresh_token',
    refreshToken: refreshToken?.clientId === client.clientId ? refreshToken : undefined,
  };
}
