/**
 * What an operator may set, and how it is read: the `startAuthServer` options (`AuthConfigInput`),
 * the optional JSON file named by `AUTH_CONFIG_FILE`, and the environment variables. The file and the
 * environment are checked as they are read, so a bad value stops the server with an error that names
 * the setting.
 * The values used when nothing is set live in defaults.ts; config.ts settles the two into `AuthConfig`.
 */
import { stackFromEnvironment } from '../stack-config.ts';
import {
  DEFAULT_LIFETIMES,
  REFRESH_TOKEN_GRACE,
  type ThrottleLimits,
  type TokenLifetimes,
} from './defaults.ts';

export interface ClientConfig {
  clientId: string;
  redirectUris: string[];
  postLogoutRedirectUris: string[];
  /** Origins allowed to call the API endpoints from a browser (Okta "trusted origins"). */
  allowedOrigins: string[];
  /** This app's refresh-token rotation grace period; the server-wide one when absent. */
  refreshTokenGraceSeconds?: number;
}

export interface AuthConfigInput {
  /** 0 = any free port. */
  port: number;
  /** `auth.sqlite` and the signing key (`jwks.json`) live here. */
  dataDir: string;
  /** e.g. http://localhost:4200: the default SPA client's redirect URIs and CORS derive from it. */
  appOrigin: string;
  /** The access-token audience. */
  fhirBase: string;
  /** Shorthand for `lifetimes.accessTokenSeconds`, and wins over it. */
  accessTokenTtlSeconds?: number;
  /** Any of the lifetimes (refresh token, session, code, interaction, session token). */
  lifetimes?: Partial<TokenLifetimes>;
  usersFile?: string;
  /** Replaces the default SPA client (derived from `appOrigin`). */
  clients?: ClientConfig[];
  /** Okta's refresh-token rotation grace period, 0 to 60 s, of every client that does not set its own. */
  refreshTokenGraceSeconds?: number;
  /** Failed sign-in limits (per user, per IP, window). */
  loginThrottle?: Partial<ThrottleLimits>;
  /**
   * Serves the EHR simulator at `{origin}/ehr` (development only): a signed-in user makes launch
   * contexts there and opens the app's `/launch`. Off unless the stack turns it on.
   */
  ehrSimulator?: boolean;
}

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

/**
 * The optional JSON file named by `AUTH_CONFIG_FILE`: clients, lifetimes, the users file and the
 * refresh-token grace period (server-wide here, or per client like Okta's app setting).
 */
export type AuthConfigFile = Pick<
  AuthConfigInput,
  'clients' | 'lifetimes' | 'usersFile' | 'refreshTokenGraceSeconds'
>;

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
      if (!Object.hasOwn(DEFAULT_LIFETIMES, key) || typeof value !== 'number' || !(value > 0)) {
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
 * The environment: where the stack lives (`AUTH_PORT`, `DATA_DIR`, `APP_ORIGIN`, `FHIR_BASE`; see
 * `stackFromEnvironment` in servers/stack-config.ts), then ACCESS_TOKEN_TTL_SECONDS,
 * REFRESH_TOKEN_TTL_SECONDS, SESSION_TTL_SECONDS, REFRESH_TOKEN_GRACE_SECONDS (30; 0 to 60), USERS_FILE
 * and the parsed AUTH_CONFIG_FILE (clients, lifetimes, usersFile, refreshTokenGraceSeconds). The
 * environment wins over the file, and a client's own grace period over both. EHR_SIMULATOR=on serves
 * the EHR simulator (`npm start` and the e2e stack set it).
 */
export function inputFromEnv(env: NodeJS.ProcessEnv, file: AuthConfigFile = {}): AuthConfigInput {
  const stack = stackFromEnvironment(env);
  const lifetimes: Partial<TokenLifetimes> = { ...file.lifetimes };
  const refresh = seconds(env, 'REFRESH_TOKEN_TTL_SECONDS');
  const session = seconds(env, 'SESSION_TTL_SECONDS');
  if (refresh) lifetimes.refreshTokenSeconds = refresh;
  if (session) lifetimes.sessionSeconds = session;
  const grace = env.REFRESH_TOKEN_GRACE_SECONDS;
  return {
    port: stack.authPort,
    dataDir: stack.dataDir,
    appOrigin: stack.appOrigin,
    fhirBase: stack.fhirBase,
    accessTokenTtlSeconds: seconds(env, 'ACCESS_TOKEN_TTL_SECONDS'),
    lifetimes,
    usersFile: env.USERS_FILE || file.usersFile,
    clients: file.clients,
    refreshTokenGraceSeconds: grace
      ? graceSeconds(Number(grace), 'REFRESH_TOKEN_GRACE_SECONDS')
      : file.refreshTokenGraceSeconds,
    ehrSimulator: onOff(env, 'EHR_SIMULATOR'),
  };
}

/** A switch in the environment: `on` or `off` (unset is off); anything else is a mistake worth a stop. */
function onOff(env: NodeJS.ProcessEnv, name: string): boolean {
  const value = env[name]?.trim().toLowerCase() ?? '';
  if (value === '' || value === 'off') return false;
  if (value === 'on') return true;
  throw new Error(`${name} must be on or off`);
}
