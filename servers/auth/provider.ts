/**
 * The oidc-provider instance behind the Okta front: Okta's `/v1/...` route names, one public SPA client,
 * JWT access tokens with Okta's claim shape, and the scope policy (scope-policy.ts) applied to every grant.
 */
import Provider, { errors, type Configuration, type KoaContextWithOIDC } from 'oidc-provider';
import { DPOP_ALGORITHMS } from '../../protocol/dpop.ts';
import { originsOf, type AuthConfig } from './config.ts';
import {
  CLIENT_LABEL,
  ISSUER_PATH,
  OIDC_SCOPES,
  SIGNING_KEY,
  UNUSED_FLOW_TTL_SECONDS,
} from './defaults.ts';
import type { SigningKeys } from './keys.ts';
import { renderProviderError } from './error-pages.ts';
import type { LaunchContexts } from './launch-contexts.ts';
import { launchClaims, type LaunchGrants } from './launch-grants.ts';
import { launchParams, launchPolicy } from './launch-params.ts';
import { logoutSource, postLogoutSuccessSource } from './logout.ts';
import { oktaPostMessage } from './post-message.ts';
import { rotateUnlessGraceReuse } from './refresh-grace.ts';
import { applyScopePolicy, UNCONFIGURED_SCOPES } from './scope-policy.ts';
import { isLaunchRequest, splitScope, unknownScopes } from './scopes.ts';
import type { Store } from './store.ts';
import { userClaims, type UserDirectory } from './users.ts';

export interface ProviderDeps {
  config: AuthConfig;
  keys: SigningKeys;
  store: Store;
  users: UserDirectory;
  launchContexts: LaunchContexts;
  launchGrants: LaunchGrants;
}

/** Okta: "It can contain alphanumeric, comma, period, underscore, and hyphen characters." */
const OKTA_STATE = /^[A-Za-z0-9,._-]+$/;

/** OpenID scope → standard claims released in the ID token and userinfo. */
const CLAIMS = {
  openid: ['sub'],
  profile: ['name', 'given_name', 'family_name', 'preferred_username', 'locale', 'zoneinfo'],
  email: ['email', 'email_verified'],
  fhirUser: ['fhirUser'],
};

export function createProvider(deps: ProviderDeps): Provider {
  const { config, keys, store, users, launchGrants } = deps;
  const client = config.clients;
  const ttl = config.lifetimes;
  const configuration: Configuration = {
    adapter: (name: string) => store.adapter(name),
    clients: client.map((c) => ({
      client_id: c.clientId,
      client_name: CLIENT_LABEL,
      token_endpoint_auth_method: 'none',
      application_type: 'web',
      redirect_uris: c.redirectUris,
      post_logout_redirect_uris: c.postLogoutRedirectUris,
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
    })),
    clientBasedCORS: (_ctx, origin, c) =>
      config.clients.some((x) => x.clientId === c.clientId && x.allowedOrigins.includes(origin)),
    jwks: keys.privateJwks as Configuration['jwks'],
    cookies: { keys: store.cookieKeys() },
    scopes: [...OIDC_SCOPES],
    claims: CLAIMS,
    findAccount: (_ctx, id) => {
      const user = users.byId(id);
      if (!user) return undefined;
      return {
        accountId: id,
        claims: (_use: string, scope: string) => ({
          ...userClaims(user, new Set(splitScope(scope)), config.audience),
          sub: user.id,
        }),
      };
    },
    // okta-auth-js builds `{issuer}/v1/<name>` URLs itself, so the routes must have Okta's names.
    routes: {
      authorization: '/v1/authorize',
      token: '/v1/token',
      jwks: '/v1/keys',
      userinfo: '/v1/userinfo',
      revocation: '/v1/revoke',
      introspection: '/v1/introspect',
      end_session: '/v1/logout',
      pushed_authorization_request: '/v1/par',
    },
    pkce: { required: () => true },
    responseTypes: ['code'],
    enabledJWA: { dPoPSigningAlgValues: [...DPOP_ALGORITHMS] },
    features: {
      devInteractions: { enabled: false },
      revocation: { enabled: true },
      introspection: { enabled: true },
      userinfo: { enabled: true },
      dPoP: {
        enabled: true,
        nonceSecret: store.dpopNonceSecret(),
        // Okta's /v1/token answers `use_dpop_nonce` to a proof without its nonce, and okta-auth-js
        // retries with the DPoP-Nonce header there and only there: other endpoints must not ask.
        requireNonce: (ctx) => ctx.oidc.route === 'token',
      },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: logoutSource(originsOf(client.flatMap((c) => c.postLogoutRedirectUris))),
        postLogoutSuccessSource,
      },
      resourceIndicators: {
        enabled: true,
        // okta-auth-js never sends `resource`: every token is for the FHIR server.
        defaultResource: () => config.audience,
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx, indicator) => {
          if (indicator !== config.audience) throw new errors.InvalidTarget();
          return {
            scope: config.scopes.join(' '),
            audience: config.audience,
            accessTokenTTL: ttl.accessTokenSeconds,
            accessTokenFormat: 'jwt',
            jwt: { sign: { alg: SIGNING_KEY.algorithm } },
          };
        },
      },
    },
    // Unknown scopes are dropped silently by oidc-provider; Okta refuses them. This validator runs after
    // the redirect URI is checked, so the error goes back to the app like Okta's.
    extraParams: {
      sessionToken: null,
      ...launchParams(config, deps.launchContexts),
      // Okta requires `state` on every authorize request (CSRF protection) and allows only these
      // characters in it; a missing or odd one is sent back to the app as `invalid_request`.
      state_check: (ctx: KoaContextWithOIDC) => {
        const state = ctx.oidc.params?.state;
        if (typeof state !== 'string' || !OKTA_STATE.test(state)) {
          throw new errors.InvalidRequest(
            "The authentication request has an invalid 'state' parameter.",
          );
        }
      },
      scope_check: (ctx: KoaContextWithOIDC) => {
        const unknown = unknownScopes(
          splitScope(ctx.oidc.params?.scope as string | undefined),
          config.scopes,
        );
        if (unknown.length) {
          throw new errors.InvalidScope(UNCONFIGURED_SCOPES, unknown.join(' '));
        }
      },
    },
    loadExistingGrant: async (ctx) => {
      const accountId = ctx.oidc.session?.accountId;
      if (!accountId || !ctx.oidc.client) return undefined;
      const clientId = ctx.oidc.client.clientId;
      const resultGrantId = (ctx.oidc.result?.consent as { grantId?: string } | undefined)?.grantId;
      const launch = launchGrants.find(resultGrantId);
      if (launch && ctx.oidc.params) {
        // The launch steps made this grant with exactly the scopes the user approved.
        ctx.oidc.params.scope = launch.scopes.join(' ');
        return ctx.oidc.provider.Grant.find(launch.grantId);
      }
      const requested = splitScope(ctx.oidc.params?.scope as string | undefined);
      // A launch waits for the launch steps, which give it a grant of its own.
      if (isLaunchRequest(requested)) return undefined;
      const sessionGrantId = resultGrantId ?? ctx.oidc.session?.grantIdFor(clientId);
      // A launch's grant (and its patient) serves that launch only, never a later ordinary sign-in.
      const grantId = launchGrants.find(sessionGrantId) ? undefined : sessionGrantId;
      const { grant, granted } = await applyScopePolicy(
        ctx.oidc.provider,
        deps,
        accountId,
        clientId,
        requested,
        grantId,
      );
      // The code (and so the token response) must carry the narrowed scopes, not the requested ones.
      if (ctx.oidc.params) ctx.oidc.params.scope = granted.join(' ') || undefined;
      return grant;
    },
    formats: {
      customizers: {
        // Okta's access token: `sub` is the login, plus `uid`, `cid`, `scp` and the patient binding;
        // a launch's token also its context, as Okta's SMART token inline hook adds it.
        jwt: (_ctx, token, jwt) => {
          const user = 'accountId' in token ? users.byId(token.accountId) : undefined;
          const scope = typeof jwt.payload.scope === 'string' ? jwt.payload.scope : '';
          const grantId = 'grantId' in token ? token.grantId : undefined;
          const launch = launchGrants.find(grantId);
          Object.assign(jwt.payload, {
            cid: token.clientId,
            client_id: token.clientId,
            scp: splitScope(scope),
            ...(user ? { sub: user.login, uid: user.id } : {}),
            ...(user?.patient ? { patient: user.patient } : {}),
            ...(launch ? launchClaims(launch.context, user?.patient) : {}),
          });
          // Remember which grant issued this token, so revoking the grant revokes the token too.
          store.recordIssued(String(jwt.payload.jti), grantId, Number(jwt.payload.exp));
        },
      },
    },
    ttl: {
      AccessToken: ttl.accessTokenSeconds,
      IdToken: ttl.accessTokenSeconds,
      AuthorizationCode: ttl.authorizationCodeSeconds,
      RefreshToken: ttl.refreshTokenSeconds,
      Session: ttl.sessionSeconds,
      Interaction: ttl.interactionSeconds,
      Grant: ttl.refreshTokenSeconds,
      ClientCredentials: UNUSED_FLOW_TTL_SECONDS,
      DeviceCode: UNUSED_FLOW_TTL_SECONDS,
      BackchannelAuthenticationRequest: UNUSED_FLOW_TTL_SECONDS,
      PreAuthorizedCode: UNUSED_FLOW_TTL_SECONDS,
    },
    rotateRefreshToken: rotateUnlessGraceReuse,
    interactions: {
      policy: launchPolicy(launchGrants),
      url: (_ctx, interaction) => `${ISSUER_PATH}/interaction/${interaction.uid}`,
    },
    renderError: renderProviderError,
  };

  const provider = new Provider(config.issuer, configuration);
  provider.registerResponseMode(
    'okta_post_message',
    oktaPostMessage(client.flatMap((c) => c.allowedOrigins)),
  );
  provider.on('grant.revoked', (_ctx, grantId: string) => store.endGrant(grantId));
  // oidc-provider keeps offline_access grants through a logout (OpenID's "persists logout"); on a
  // shared workstation signing out must end them too, or a copied refresh token outlives the user.
  provider.on('end_session.success', (ctx: KoaContextWithOIDC) => {
    for (const { grantId } of Object.values(ctx.oidc.session?.authorizations ?? {}))
      if (grantId) store.endGrant(grantId);
    // Each launch had a grant of its own; the session remembers only the last one per client.
    const sessionUid = ctx.oidc.session?.uid;
    if (sessionUid)
      for (const grantId of launchGrants.ofSession(sessionUid)) store.endGrant(grantId);
  });
  return provider;
}
