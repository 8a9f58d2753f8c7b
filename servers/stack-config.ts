// Where the local stack lives: one place for ports, URLs and the data directory (see docs/CONTRACT.md).
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');

/** The variable's value, with an empty one taken as unset (as `VAR= npm start` leaves it). */
function value(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const raw = env[name]?.trim();
  return raw ? raw : undefined;
}

function port(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = value(env, name);
  if (raw === undefined) return fallback;
  const parsed = Number(raw);
  if (!Number.isInteger(parsed) || parsed < 0 || parsed > 65_535) {
    throw new Error(`${name} must be a port number, got "${raw}"`);
  }
  return parsed;
}

export interface StackUrls {
  appPort: number;
  authPort: number;
  fhirPort: number;
  /** The app's origin: the auth server's default client redirects there. The first of `appOrigins`. */
  appOrigin: string;
  /** Every origin the app is served from, for the FHIR server's CORS (e2e serves one app per variant). */
  appOrigins: string[];
  issuer: string;
  fhirBase: string;
  dataDir: string;
}

/**
 * `APP_PORT`, `AUTH_PORT`, `FHIR_PORT` (4200, 4300, 4400) and `DATA_DIR` (`.data` at the repository
 * root). Each URL derives from its port unless `APP_ORIGIN` (a comma-separated list admits several),
 * `ISSUER` or `FHIR_BASE` names it: a server started on its own may trust peers that live elsewhere,
 * e.g. the FHIR server an Okta org's issuer.
 */
export function stackFromEnvironment(env: NodeJS.ProcessEnv = process.env): StackUrls {
  const appPort = port(env, 'APP_PORT', 4200);
  const authPort = port(env, 'AUTH_PORT', 4300);
  const fhirPort = port(env, 'FHIR_PORT', 4400);
  const derivedOrigin = `http://localhost:${appPort}`;
  const listed = (value(env, 'APP_ORIGIN') ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
  const appOrigins = listed.length ? listed : [derivedOrigin];
  return {
    appPort,
    authPort,
    fhirPort,
    appOrigin: appOrigins[0] ?? derivedOrigin,
    appOrigins,
    issuer: value(env, 'ISSUER') ?? `http://localhost:${authPort}/oauth2/default`,
    fhirBase: value(env, 'FHIR_BASE') ?? `http://localhost:${fhirPort}/fhir`,
    dataDir: resolve(value(env, 'DATA_DIR') ?? resolve(repoRoot, '.data')),
  };
}

/** Servers listen on loopback only; a container sets LISTEN_HOST=0.0.0.0 so that its published ports reach them. */
export function listenHost(): string {
  return process.env['LISTEN_HOST'] || '127.0.0.1';
}
