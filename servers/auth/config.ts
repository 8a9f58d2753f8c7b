/**
 * The settled configuration every module reads: the operator's input (config-input.ts) over the
 * defaults (defaults.ts), built once the listening port is known.
 */
import { graceSeconds, type AuthConfigInput, type ClientConfig } from './config-input.ts';
import {
  DEFAULT_LIFETIMES,
  DEFAULT_USERS_FILE,
  ISSUER_PATH,
  LAUNCH_SCOPES,
  LOGIN_THROTTLE,
  OIDC_SCOPES,
  REFRESH_TOKEN_GRACE,
  SMART_SCOPES,
  SPA_CLIENT_ID,
  type ThrottleLimits,
  type TokenLifetimes,
} from './defaults.ts';

/** A client with its grace period settled. */
export type AuthClient = ClientConfig & { refreshTokenGraceSeconds: number };

export interface AuthConfig {
  /** e.g. http://localhost:4300/oauth2/default */
  issuer: string;
  /** Scheme + host + port of the issuer, e.g. http://localhost:4300 */
  origin: string;
  /** Access-token audience: the FHIR base URL. */
  audience: string;
  /** The app's origin: where the EHR simulator opens `/launch`. */
  appOrigin: string;
  /** Whether the EHR simulator is served (development only). */
  ehrSimulator: boolean;
  dataDir: string;
  usersFile: string;
  clients: AuthClient[];
  lifetimes: TokenLifetimes;
  scopes: readonly string[];
  loginThrottle: ThrottleLimits;
}

/** The SPA client for an app served at `appOrigin`, as docs/CONTRACT.md fixes it. */
export function spaClient(appOrigin: string): ClientConfig {
  return {
    clientId: SPA_CLIENT_ID,
    redirectUris: [`${appOrigin}/login/callback`],
    // okta-auth-js sends the origin with or without the slash depending on how the app was configured.
    postLogoutRedirectUris: [appOrigin, `${appOrigin}/`],
    allowedOrigins: [appOrigin],
  };
}

/** Distinct origins of a list of URLs. */
export function originsOf(urls: readonly string[]): string[] {
  return [...new Set(urls.map((u) => new URL(u).origin))];
}

/** Builds the configuration once the listening port is known. */
export function buildConfig(input: AuthConfigInput): AuthConfig {
  const origin = `http://localhost:${input.port}`;
  const lifetimes = { ...DEFAULT_LIFETIMES, ...input.lifetimes };
  if (input.accessTokenTtlSeconds !== undefined) {
    lifetimes.accessTokenSeconds = input.accessTokenTtlSeconds;
  }
  const grace = graceSeconds(
    input.refreshTokenGraceSeconds ?? REFRESH_TOKEN_GRACE.defaultSeconds,
    'refreshTokenGraceSeconds',
  );
  const appOrigin = input.appOrigin.replace(/\/$/, '');
  const clients = input.clients?.length ? input.clients : [spaClient(appOrigin)];
  return {
    issuer: `${origin}${ISSUER_PATH}`,
    origin,
    audience: input.fhirBase,
    appOrigin,
    ehrSimulator: input.ehrSimulator ?? false,
    dataDir: input.dataDir,
    usersFile: input.usersFile ?? DEFAULT_USERS_FILE,
    clients: clients.map((c) => ({
      ...c,
      refreshTokenGraceSeconds: graceSeconds(
        c.refreshTokenGraceSeconds ?? grace,
        `${c.clientId}: refreshTokenGraceSeconds`,
      ),
    })),
    lifetimes,
    scopes: [...OIDC_SCOPES, ...LAUNCH_SCOPES, ...SMART_SCOPES],
    loginThrottle: { ...LOGIN_THROTTLE, ...input.loginThrottle },
  };
}
