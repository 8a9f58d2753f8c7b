/** `startAuthServer`: the local Okta-compatible authorization server (see docs/CONTRACT.md). */
import type { Logger } from '../../protocol/logger.ts';
import { listenHost } from '../stack-config.ts';
import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { createAccessTokenVerifier } from './access-tokens.ts';
import { authnRoutes } from './authn.ts';
import type { AuthConfigInput } from './config-input.ts';
import { buildConfig } from './config.ts';
import { ISSUER_PATH, SMART_LAUNCH } from './defaults.ts';
import { cors } from './cors.ts';
import { ehrSimulatorRoutes } from './ehr-simulator.ts';
import { describeUnexpected, errorMiddleware } from './errors.ts';
import { createFhirReader } from './fhir-reader.ts';
import { idxRoutes } from './idx.ts';
import { interactionRoutes } from './interactions.ts';
import { introspectRoutes } from './introspect.ts';
import { createLaunchContexts } from './launch-contexts.ts';
import { createLaunchGrants, installLaunchResponses } from './launch-grants.ts';
import { createLaunchSteps } from './launch-interaction.ts';
import { loadOrCreateKeys } from './keys.ts';
import { createLogger } from './logger.ts';
import { createPasswordLogin } from './login.ts';
import { originsOf } from './config.ts';
import { installAuthorizeRewrites, tokenRequestRewrites } from './okta-rewrites.ts';
import { createProvider } from './provider.ts';
import { recordRotations } from './refresh-grace.ts';
import { revokeRoutes } from './revoke.ts';
import { createSessionTokens } from './session-tokens.ts';
import { openStore } from './store.ts';
import { createThrottle } from './throttle.ts';
import { userinfoRoutes } from './userinfo.ts';
import { loadUsers } from './users.ts';

/** The configuration input (config-input.ts) plus where the log goes: an option is declared once. */
export type AuthServerOptions = AuthConfigInput & { logger?: Logger };

export interface AuthServer {
  issuer: string;
  port: number;
  close(): Promise<void>;
}

/** How the startup line describes a client's refresh-token rotation. */
function graceNote(seconds: number): string {
  return seconds > 0
    ? `rotates, previous token accepted for ${seconds}s`
    : 'rotates, no grace period';
}

export async function startAuthServer(options: AuthServerOptions): Promise<AuthServer> {
  const logger = options.logger ?? createLogger();
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, listenHost(), () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const config = buildConfig({ ...options, port });
  const users = loadUsers(config.usersFile);
  const keys = await loadOrCreateKeys(config.dataDir);
  const store = openStore(config.dataDir);
  const launchContexts = createLaunchContexts(store, config.lifetimes.launchContextSeconds);
  const launchGrants = createLaunchGrants(store);
  const provider = createProvider({ config, keys, store, users, launchContexts, launchGrants });
  installAuthorizeRewrites(provider);
  installLaunchResponses(provider, launchGrants);
  recordRotations(provider, config, store);
  // Reuse of a rotated refresh token revokes its grant: worth a line, since it ends a user's session.
  provider.on('grant.error', (_ctx, err: { error_detail?: string }) => {
    if (err.error_detail === 'refresh token already used')
      logger.warn('refresh token reuse: the grant was revoked');
  });
  provider.on('server_error', (_ctx, err: Error) =>
    logger.warn(`provider error: ${describeUnexpected(err)}`),
  );

  const login = createPasswordLogin(users, createThrottle(store, config.loginThrottle), logger);
  const sessionTokens = createSessionTokens(store, config.lifetimes.sessionTokenSeconds);
  const verifier = createAccessTokenVerifier({
    issuer: config.issuer,
    audience: config.audience,
    jwks: keys.publicJwks,
    store,
  });
  const callback = provider.callback() as RequestListener;
  const reader = createFhirReader(config, keys);
  const launchSteps = createLaunchSteps({
    provider,
    config,
    users,
    store,
    contexts: launchContexts,
    grants: launchGrants,
    reader,
    formTargets: originsOf(config.clients.flatMap((c) => c.redirectUris)),
  });

  const app = express();
  app.disable('x-powered-by');
  app.use(cors(config.clients.flatMap((c) => c.allowedOrigins)));
  app.use(`${ISSUER_PATH}/v1/token`, tokenRequestRewrites(callback, store));
  app.use(interactionRoutes(provider, config.clients, login, sessionTokens, launchSteps));
  app.use(launchSteps.routes());
  if (config.ehrSimulator)
    app.use(
      ehrSimulatorRoutes({ provider, config, users, login, contexts: launchContexts, reader }),
    );
  app.use(userinfoRoutes(config, verifier, users));
  const tokenEndpointDeps = { clients: config.clients, provider, verifier };
  app.use(revokeRoutes(tokenEndpointDeps, store));
  app.use(introspectRoutes(tokenEndpointDeps, users));
  app.use(idxRoutes({ config, provider, login, store, users }));
  app.use(authnRoutes({ config, login, sessionTokens }));
  app.use(ISSUER_PATH, callback);
  app.use(
    errorMiddleware(config.issuer, (err) =>
      logger.warn(`unexpected error: ${describeUnexpected(err)}`),
    ),
  );
  server.on('request', app);

  for (const c of config.clients) {
    logger.info(
      `client ${c.clientId}: code + PKCE S256, refresh (offline_access, ${graceNote(c.refreshTokenGraceSeconds)}),` +
        ` widget (interaction_code, authn), DPoP;` +
        ` redirect ${c.redirectUris.join(' ')}; origins ${c.allowedOrigins.join(' ') || 'none'}`,
    );
  }
  logger.info(
    `issuer ${config.issuer} (access tokens for ${config.audience}, ${config.lifetimes.accessTokenSeconds}s)`,
  );
  logger.info(
    config.ehrSimulator
      ? `EHR simulator ${config.origin}${SMART_LAUNCH.simulatorPath} (development only) launches ${config.appOrigin}/launch`
      : 'EHR simulator off (EHR_SIMULATOR=on serves it)',
  );

  return {
    issuer: config.issuer,
    port,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      store.close();
    },
  };
}
