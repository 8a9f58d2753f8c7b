/**
 * Identity Engine emulation for the Sign-In Widget (its default engine) and okta-auth-js `idx`:
 * `/v1/interact` → `/idp/idx/introspect` → `/idp/idx/identify` → `successWithInteractionCode`, then
 * `grant_type=interaction_code` at `/v1/token` (see okta-rewrites.ts). Only username + password is
 * emulated; every other IDX step gets a clear Okta-style error instead of hanging the widget.
 */
import { randomBytes } from 'node:crypto';
import express, { type Request, type Router } from 'express';
import type Provider from 'oidc-provider';
import { errors } from 'oidc-provider';
import { startBrowserSession } from './browser-session.ts';
import type { AuthConfig } from './config.ts';
import { ISSUER_PATH } from './defaults.ts';
import { IdxError, invalidClient } from './errors.ts';
import {
  identifyDocument,
  sendIon,
  successDocument,
  terminalDocument,
  type IdxContext,
} from './idx-documents.ts';
import type { PasswordLogin } from './login.ts';
import { applyScopePolicy, UNCONFIGURED_SCOPES } from './scope-policy.ts';
import { isLaunchRequest, splitScope, unknownScopes } from './scopes.ts';
import type { Store } from './store.ts';
import type { User, UserDirectory } from './users.ts';

export interface IdxDeps {
  config: AuthConfig;
  provider: Provider;
  login: PasswordLogin;
  store: Store;
  users: UserDirectory;
}

interface Transaction {
  clientId: string;
  redirectUri: string;
  scope: string;
  codeChallenge: string;
  nonce?: string;
  stateHandle?: string;
  expiresAt: string;
}

const TXN = 'IdxTransaction';
const STATE = 'IdxStateHandle';
const EXPIRED = { message: 'The session has expired.', key: 'idx.session.expired' };
const AUTH_FAILED = { message: 'Authentication failed', key: 'errors.E0000004' };

const newHandle = (prefix: string) => `${prefix}${randomBytes(24).toString('base64url')}`;

export function idxRoutes(deps: IdxDeps): Router {
  const { config, store } = deps;
  const router = express.Router();
  const ttl = config.lifetimes.interactionSeconds;
  const json = express.json({
    type: ['application/json', 'application/ion+json', 'application/*+json'],
  });

  const context = (txn: Transaction, stateHandle: string): IdxContext => ({
    origin: config.origin,
    issuer: config.issuer,
    clientId: txn.clientId,
    stateHandle,
    expiresAt: txn.expiresAt,
  });

  /** Gives the transaction a fresh state handle (introspect, cancel). */
  const assignState = (handle: string, txn: Transaction): string => {
    if (txn.stateHandle) store.remove(STATE, txn.stateHandle);
    const stateHandle = newHandle('02');
    store.put(TXN, handle, { ...txn, stateHandle }, ttl);
    store.put(STATE, stateHandle, { handle }, ttl);
    return stateHandle;
  };

  const byState = (
    body: Record<string, unknown>,
  ): { handle: string; txn: Transaction; stateHandle: string } => {
    const stateHandle = String(body.stateHandle ?? body.stateToken ?? '');
    const handle = stateHandle
      ? store.get<{ handle: string }>(STATE, stateHandle)?.handle
      : undefined;
    const txn = handle ? store.get<Transaction>(TXN, handle) : undefined;
    if (!handle || !txn || txn.stateHandle !== stateHandle)
      throw new IdxError(401, terminalDocument(EXPIRED));
    return { handle, txn, stateHandle };
  };

  router.post(`${ISSUER_PATH}/v1/interact`, express.urlencoded({ extended: false }), (req, res) => {
    const body = (req.body ?? {}) as Record<string, string | undefined>;
    const client = config.clients.find((c) => c.clientId === body.client_id);
    if (!client) throw invalidClient("Invalid value for 'client_id' parameter.");
    if (!body.redirect_uri || !client.redirectUris.includes(body.redirect_uri)) {
      throw new errors.InvalidRequest(
        "'redirect_uri' must be a Login redirect URI in the client app settings.",
      );
    }
    if (!body.code_challenge || body.code_challenge_method !== 'S256') {
      throw new errors.InvalidRequest(
        'PKCE code challenge is required, with code_challenge_method S256.',
      );
    }
    if (body.activation_token || body.recovery_token) {
      throw new errors.InvalidRequest(
        'Activation and recovery tokens are not supported by the local authorization server.',
      );
    }
    const scopes = splitScope(body.scope);
    const unknown = unknownScopes(scopes, config.scopes);
    if (!scopes.length || unknown.length) {
      throw new errors.InvalidScope(UNCONFIGURED_SCOPES, unknown.join(' '));
    }
    // The patient picker, the launch context and the consent page are steps of /v1/authorize: a
    // widget sign-in would grant `launch/patient` with no patient at all.
    if (isLaunchRequest(scopes)) {
      throw new errors.InvalidRequest(
        'A SMART launch (launch, launch/patient) signs in through /v1/authorize, not the Sign-In Widget.',
      );
    }
    const txn: Transaction = {
      clientId: client.clientId,
      redirectUri: body.redirect_uri,
      scope: scopes.join(' '),
      codeChallenge: body.code_challenge,
      nonce: body.nonce,
      expiresAt: new Date(Date.now() + ttl * 1000).toISOString(),
    };
    const interactionHandle = newHandle('');
    store.put(TXN, interactionHandle, txn, ttl);
    res.set('Cache-Control', 'no-store').json({ interaction_handle: interactionHandle });
  });

  router.post('/idp/idx/introspect', json, (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    if (typeof body.interactionHandle === 'string') {
      const txn = store.get<Transaction>(TXN, body.interactionHandle);
      if (!txn) throw new IdxError(401, terminalDocument(EXPIRED));
      const stateHandle = txn.stateHandle ?? assignState(body.interactionHandle, txn);
      sendIon(res, 200, identifyDocument(context(txn, stateHandle)));
      return;
    }
    const { txn, stateHandle } = byState(body);
    sendIon(res, 200, identifyDocument(context(txn, stateHandle)));
  });

  router.post('/idp/idx/identify', json, async (req: Request, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const { handle, txn, stateHandle } = byState(body);
    const ctx = context(txn, stateHandle);
    const identifier = typeof body.identifier === 'string' ? body.identifier : '';
    const credentials = (body.credentials ?? {}) as Record<string, unknown>;
    const passcode = typeof credentials.passcode === 'string' ? credentials.passcode : '';
    const result = await deps.login(identifier, passcode, req.ip ?? 'unknown');
    if (!result.ok) {
      const message =
        result.reason === 'locked'
          ? { message: result.message, key: 'errors.E0000047' }
          : AUTH_FAILED;
      throw new IdxError(result.reason === 'locked' ? 429 : 401, identifyDocument(ctx, [message]));
    }
    const interactionCode = await mintCode(deps, txn, result.user);
    await startBrowserSession(
      deps.provider,
      req,
      res,
      result.user.id,
      config.lifetimes.sessionSeconds,
      body.rememberMe === true,
    );
    // One transaction, one code: the state handle cannot be replayed.
    store.remove(TXN, handle);
    store.remove(STATE, stateHandle);
    sendIon(res, 200, successDocument(ctx, result.user, interactionCode));
  });

  router.post('/idp/idx/cancel', json, (req, res) => {
    const { handle, txn } = byState((req.body ?? {}) as Record<string, unknown>);
    // Okta starts the transaction over: a fresh state handle and the first form again.
    const stateHandle = assignState(handle, txn);
    sendIon(res, 200, identifyDocument(context(txn, stateHandle)));
  });

  // Enrollment, recovery, MFA challenges, registration, IdP redirects, unlock, polling...
  router.all('/idp/idx/{*step}', (req) => {
    const step = req.path.replace('/idp/idx/', '');
    throw new IdxError(
      400,
      terminalDocument({
        message: `"${step}" is not supported by the local authorization server: only username and password sign-in is.`,
        key: 'oie.feature.not.supported',
      }),
    );
  });

  return router;
}

/**
 * A real authorization code for the authenticated user, so `grant_type=interaction_code` is served by
 * oidc-provider's own code exchange (PKCE, redirect URI, one-time use, refresh tokens, DPoP).
 */
async function mintCode(deps: IdxDeps, txn: Transaction, user: User): Promise<string> {
  const { provider, config } = deps;
  const client = await provider.Client.find(txn.clientId);
  if (!client) throw invalidClient();
  const { grantId, granted } = await applyScopePolicy(
    provider,
    deps,
    user.id,
    txn.clientId,
    splitScope(txn.scope),
  );
  const code = new provider.AuthorizationCode({
    accountId: user.id,
    client,
    grantId,
    scope: granted.join(' '),
    redirectUri: txn.redirectUri,
    codeChallenge: txn.codeChallenge,
    codeChallengeMethod: 'S256',
    resource: config.audience,
    nonce: txn.nonce,
    authTime: Math.floor(Date.now() / 1000),
    amr: ['pwd'],
    gty: 'authorization_code',
  });
  return code.save();
}
