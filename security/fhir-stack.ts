/**
 * The real stack the FHIR abuse suites attack: a real authorization server, a real FHIR server trusting
 * it, genuine tokens from a browser-style login, and the issuer's key for claims-only forgeries.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT, importJWK, type JWK, type JWTPayload } from 'jose';
import { silentLogger } from '../servers/auth/logger.ts';
import { startAuthServer, type AuthServer } from '../servers/auth/server.ts';
import { APP_ORIGIN, Browser, loginForTokens } from '../test-support/auth.ts';
import { startFhirServer, type FhirServer } from '../servers/fhir/server.ts';
import { freePort } from '../servers/launch.ts';

type Json = Record<string, unknown>;
export interface Outcome {
  resourceType: string;
  issue: { severity: string; code: string; diagnostics: string }[];
}

export interface Stack {
  auth: AuthServer;
  fhir: FhirServer;
  authDir: string;
  fhirDir: string;
  /** Genuine access tokens from the real login, one per demo user. */
  clinician: string;
  frontdesk: string;
  patient: string;
  /** The issuer's own private signing key (from its data directory), for claims-only forgeries. */
  issuerKey: { key: CryptoKey | Uint8Array; kid: string };
}

const SCOPES = 'openid profile user/*.read patient/*.read';

export async function startStack(): Promise<Stack> {
  // The FHIR port first: the auth server needs the FHIR base as the tokens' audience.
  const fhirPort = await freePort();
  const authDir = await mkdtemp(join(tmpdir(), 'abuse-auth-'));
  const fhirDir = await mkdtemp(join(tmpdir(), 'abuse-fhir-'));
  const auth = await startAuthServer({
    port: 0,
    dataDir: authDir,
    appOrigin: APP_ORIGIN,
    fhirBase: `http://localhost:${fhirPort}/fhir`,
    logger: silentLogger,
  });
  const fhir = await startFhirServer({
    port: fhirPort,
    dataDir: fhirDir,
    issuer: auth.issuer,
    appOrigin: APP_ORIGIN,
    quiet: true,
  });
  const login = async (user: string): Promise<string> =>
    (await loginForTokens(new Browser(), auth.issuer, user, { scope: SCOPES })).access_token;
  const jwks = JSON.parse(await readFile(join(authDir, 'jwks.json'), 'utf8')) as { keys: JWK[] };
  const privateJwk = jwks.keys[0] as JWK;
  return {
    auth,
    fhir,
    authDir,
    fhirDir,
    clinician: await login('clinician@example.com'),
    frontdesk: await login('frontdesk@example.com'),
    patient: await login('patient@example.com'),
    issuerKey: { key: await importJWK(privateJwk, 'RS256'), kid: String(privateJwk.kid) },
  };
}

export async function stopStack(s: Stack): Promise<void> {
  await s.fhir.close();
  await s.auth.close();
  await rm(s.authDir, { recursive: true, force: true });
  await rm(s.fhirDir, { recursive: true, force: true });
}

const b64url = (value: object | string | Uint8Array): string =>
  Buffer.from(
    typeof value === 'object' && !(value instanceof Uint8Array) ? JSON.stringify(value) : value,
  ).toString('base64url');

export function decode(token: string): { header: Json; payload: JWTPayload; signature: string } {
  const [h = '', p = '', signature = ''] = token.split('.');
  return {
    header: JSON.parse(Buffer.from(h, 'base64url').toString()) as Json,
    payload: JSON.parse(Buffer.from(p, 'base64url').toString()) as JWTPayload,
    signature,
  };
}

/**
 * The one forging helper: starts from a genuine token, changes header and/or claims, then either keeps
 * the original signature (an edit without re-signing), drops it, or signs with a key of our choosing.
 */
export async function forge(
  token: string,
  changes: {
    header?: Json;
    claims?: (payload: JWTPayload) => JWTPayload;
    sign?: { alg: string; key: CryptoKey | Uint8Array } | 'keep' | 'none';
  },
): Promise<string> {
  const { header, payload, signature } = decode(token);
  const newHeader = { ...header, ...changes.header };
  const newPayload = changes.claims ? changes.claims({ ...payload }) : payload;
  const sign = changes.sign ?? 'keep';
  if (sign === 'keep') return `${b64url(newHeader)}.${b64url(newPayload)}.${signature}`;
  if (sign === 'none') return `${b64url({ ...newHeader, alg: 'none' })}.${b64url(newPayload)}.`;
  return new SignJWT(newPayload)
    .setProtectedHeader({ ...newHeader, alg: sign.alg } as { alg: string })
    .sign(sign.key);
}

/**
 * The real issuer grants no write scope to anyone; a token it signed with one stands for a back-end
 * importer, so hostile bodies reach the body parser and the write path.
 */
export function writer(s: Stack): Promise<string> {
  return forge(s.clinician, {
    claims: (p) => ({
      ...p,
      scope: 'user/*.read user/*.write',
      scp: ['user/*.read', 'user/*.write'],
    }),
    sign: { alg: 'RS256', key: s.issuerKey.key },
  });
}

/** Stops the FHIR server and starts it again on the same port and data (the tokens' audience). */
export async function restartFhir(s: Stack): Promise<void> {
  await s.fhir.close();
  s.fhir = await startFhirServer({
    port: s.fhir.port,
    dataDir: s.fhirDir,
    issuer: s.auth.issuer,
    appOrigin: APP_ORIGIN,
    quiet: true,
  });
}
