/**
 * Every default of the local authorization server, in one place. Code reads `AuthConfig` and never
 * hard-codes a value that appears here.
 */
import { fileURLToPath } from 'node:url';

/** The one public single-page-app client (Okta ids start with `0oa`). */
export const SPA_CLIENT_ID = '0oalocalfhirokta0spa';

/** Okta's default custom authorization server lives at this path below the org URL. */
export const ISSUER_PATH = '/oauth2/default';

/** Default users file, committed with scrypt hashes only. */
export const DEFAULT_USERS_FILE = fileURLToPath(new URL('./users.json', import.meta.url));

/** OpenID scopes the server knows; `offline_access` asks for a refresh token. */
export const OIDC_SCOPES = ['openid', 'profile', 'email', 'offline_access'] as const;

/**
 * The SMART scopes configured on the authorization server, like the scope list of an Okta custom
 * authorization server: anything else is `invalid_scope`. v1 (`.read`) and v2 (`.rs`, `.r`, `.s`) forms.
 */
const SMART_CONTEXTS = ['user', 'patient'];
const SMART_RESOURCE_TYPES = ['*', 'Patient', 'Observation'];
const SMART_PERMISSIONS = ['read', 'rs', 'r', 's'];
export const SMART_SCOPES: readonly string[] = SMART_CONTEXTS.flatMap((context) =>
  SMART_RESOURCE_TYPES.flatMap((type) => SMART_PERMISSIONS.map((p) => `${context}/${type}.${p}`)),
);

export interface TokenLifetimes {
  /** Access and ID token lifetime. Okta's default is one hour. */
  accessTokenSeconds: number;
  /** Refresh token lifetime (idle rotation resets it). */
  refreshTokenSeconds: number;
  /** Browser session at the authorization server. */
  sessionSeconds: number;
  /** Authorization (and interaction) code: exchanged right after the redirect. */
  authorizationCodeSeconds: number;
  /** Hosted sign-in page / Identity Engine transaction. */
  interactionSeconds: number;
  /** Classic Engine one-time session token (Okta: 5 minutes at most). */
  sessionTokenSeconds: number;
}

export const DEFAULT_LIFETIMES: TokenLifetimes = {
  accessTokenSeconds: 3600,
  refreshTokenSeconds: 30 * 24 * 3600,
  sessionSeconds: 8 * 3600,
  authorizationCodeSeconds: 60,
  interactionSeconds: 600,
  sessionTokenSeconds: 300,
};

/**
 * Failed sign-ins allowed within the window before refusing. Per IP it is higher: locally every
 * browser (and every e2e test) is 127.0.0.1, and one user's typos must not lock out the others.
 */
export interface ThrottleLimits {
  maxFailuresPerUser: number;
  maxFailuresPerIp: number;
  windowSeconds: number;
}
export const LOGIN_THROTTLE: ThrottleLimits = {
  maxFailuresPerUser: 5,
  maxFailuresPerIp: 20,
  windowSeconds: 300,
};

/**
 * DPoP proofs at userinfo: older than `maxAgeSeconds` (plus leeway) is stale; `jti`s are remembered
 * that long, at most `replayMaxEntries` at once (a flood shortens the window, see ReplayGuard).
 */
export const DPOP_PROOFS = {
  maxAgeSeconds: 300,
  clockToleranceSeconds: 5,
  replayMaxEntries: 100_000,
} as const;

/**
 * Okta's "Grace period for token rotation" (SPA app settings): how long after a rotation the previous
 * refresh token is still accepted. Okta allows 0 (off) to 60 seconds and defaults to 30.
 */
export const REFRESH_TOKEN_GRACE = { defaultSeconds: 30, maxSeconds: 60 } as const;

/** A grace period in Okta's range, or a configuration error that names the setting. */
export function graceSeconds(value: unknown, what: string): number {
  if (
    typeof value !== 'number' ||
    !Number.isInteger(value) ||
    value < 0 ||
    value > REFRESH_TOKEN_GRACE.maxSeconds
  ) {
    throw new Error(
      `${what} must be a whole number of seconds from 0 to ${REFRESH_TOKEN_GRACE.maxSeconds} (0 turns the grace period off)`,
    );
  }
  return value;
}

export interface ClientConfig {
  clientId: string;
  redirectUris: string[];
  postLogoutRedirectUris: string[];
  /** Origins allowed to call the API endpoints from a browser (Okta "trusted origins"). */
  allowedOrigins: string[];
  /** This app's refresh-token rotation grace period; the server-wide one when absent. */
  refreshTokenGraceSeconds?: number;
}

/** A client with its grace period settled. */
export type AuthClient = ClientConfig & { refreshTokenGraceSeconds: number };

export interface AuthConfig {
  /** e.g. http://localhost:4300/oauth2/default */
  issuer: string;
  /** Scheme + host + port of the issuer, e.g. http://localhost:4300 */
  origin: string;
  /** Access-token audience: the FHIR base URL. */
  audience: string;
  dataDir: string;
  usersFile: string;
  clients: AuthClient[];
  lifetimes: TokenLifetimes;
  scopes: readonly string[];
}

/** The SPA client for an app served at `appOrigin`, as CONTRACT.md fixes it. */
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

export interface AuthConfigInput {
  port: number;
  dataDir: string;
  appOrigin: string;
  fhirBase: string;
  accessTokenTtlSeconds?: number;
  lifetimes?: Partial<TokenLifetimes>;
  usersFile?: string;
  /** Replaces the default SPA client (derived from `appOrigin`). */
  clients?: ClientConfig[];
  /** Refresh-token rotation grace period of every client that does not set its own. */
  refreshTokenGraceSeconds?: number;
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
  const clients = input.clients?.length
    ? input.clients
    : [spaClient(input.appOrigin.replace(/\/$/, ''))];
  return {
    issuer: `${origin}${ISSUER_PATH}`,
    origin,
    audience: input.fhirBase,
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
    scopes: [...OIDC_SCOPES, ...SMART_SCOPES],
  };
}

/**
 * The optional JSON file named by `AUTH_CONFIG_FILE`: clients, lifetimes, the users file and the
 * refresh-token grace period (server-wide here, or per client like Okta's app setting).
 */
export interface AuthConfigFile {
  clients?: ClientConfig[];
  lifetimes?: Partial<TokenLifetimes>;
  usersFile?: string;
  refreshTokenGraceSeconds?: number;
}

function stringList(value: unknown, what: string): string[] {
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string'))
    throw new Error(`${what} must be a list of strings`);
  return value as string[];
}

export function parseConfigFile(text: string, source: string): AuthConfigFile {
  const raw = JSON.parse(text) as Record<string, unknown>;
  const result: AuthConfigFile = {};
  if (raw.clients !== undefined) {
    if (!Array.isArray(raw.clients)) throw new Error(`${source}: clients must be a list`);
    result.clients = raw.clients.map((c: Record<string, unknown>, i) => {
      const where = `${source}: clients[${i}]`;
      if (typeof c.clientId !== 'string' || !c.clientId)
        throw new Error(`${where}.clientId is required`);
      const redirectUris = stringList(c.redirectUris, `${where}.redirectUris`);
      for (const uri of redirectUris) new URL(uri);
      return {
        clientId: c.clientId,
        redirectUris,
        postLogoutRedirectUris: stringList(
          c.postLogoutRedirectUris ?? [],
          `${where}.postLogoutRedirectUris`,
        ),
        allowedOrigins: stringList(c.allowedOrigins ?? [], `${where}.allowedOrigins`),
        ...(c.refreshTokenGraceSeconds === undefined
          ? {}
          : {
              refreshTokenGraceSeconds: graceSeconds(
                c.refreshTokenGraceSeconds,
                `${where}.refreshTokenGraceSeconds`,
              ),
            }),
      };
    });
  }
  if (raw.lifetimes !== undefined) {
    const lifetimes = raw.lifetimes as Record<string, unknown>;
    for (const [key, value] of Object.entries(lifetimes)) {
      if (!(key in DEFAULT_LIFETIMES) || typeof value !== 'number' || !(value > 0)) {
        throw new Error(
          `${source}: lifetimes.${key} must be one of ${Object.keys(DEFAULT_LIFETIMES).join(', ')}, in seconds`,
        );
      }
    }
    result.lifetimes = lifetimes as Partial<TokenLifetimes>;
  }
  if (raw.usersFile !== undefined) {
    if (typeof raw.usersFile !== 'string') throw new Error(`${source}: usersFile must be a path`);
    result.usersFile = raw.usersFile;
  }
  if (raw.refreshTokenGraceSeconds !== undefined) {
    result.refreshTokenGraceSeconds = graceSeconds(
      raw.refreshTokenGraceSeconds,
      `${source}: refreshTokenGraceSeconds`,
    );
  }
  return result;
}

function seconds(env: NodeJS.ProcessEnv, name: string): number | undefined {
  const value = env[name];
  if (value === undefined || value === '') return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0)
    throw new Error(`${name} must be a positive whole number of seconds`);
  return n;
}

/**
 * Environment variables (docs/CONTRACT.md names, plus the optional ones):
 * AUTH_PORT (4300), DATA_DIR (.data), APP_ORIGIN (http://localhost:4200), FHIR_BASE
 * (http://localhost:4400/fhir), ACCESS_TOKEN_TTL_SECONDS, REFRESH_TOKEN_TTL_SECONDS, SESSION_TTL_SECONDS,
 * REFRESH_TOKEN_GRACE_SECONDS (30; 0 to 60), USERS_FILE, AUTH_CONFIG_FILE (JSON: clients, lifetimes,
 * usersFile, refreshTokenGraceSeconds; environment wins over the file, a client's own grace period
 * over both).
 */
export function inputFromEnv(
  env: NodeJS.ProcessEnv,
  file: AuthConfigFile = {},
): Omit<AuthConfigInput, 'dataDir'> & {
  dataDir: string;
} {
  const lifetimes: Partial<TokenLifetimes> = { ...file.lifetimes };
  const refresh = seconds(env, 'REFRESH_TOKEN_TTL_SECONDS');
  const session = seconds(env, 'SESSION_TTL_SECONDS');
  if (refresh) lifetimes.refreshTokenSeconds = refresh;
  if (session) lifetimes.sessionSeconds = session;
  const grace = env.REFRESH_TOKEN_GRACE_SECONDS;
  return {
    port: Number(env.AUTH_PORT ?? 4300),
    dataDir: env.DATA_DIR ?? '.data',
    appOrigin: env.APP_ORIGIN ?? 'http://localhost:4200',
    fhirBase: env.FHIR_BASE ?? 'http://localhost:4400/fhir',
    accessTokenTtlSeconds: seconds(env, 'ACCESS_TOKEN_TTL_SECONDS'),
    lifetimes,
    usersFile: env.USERS_FILE || file.usersFile,
    clients: file.clients,
    refreshTokenGraceSeconds: grace
      ? graceSeconds(Number(grace), 'REFRESH_TOKEN_GRACE_SECONDS')
      : file.refreshTokenGraceSeconds,
  };
}
