import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  SignJWT,
  exportJWK,
  generateKeyPair,
  type CryptoKey,
  type JWK,
  type JWTPayload,
} from 'jose';
import {
  startFhirServer,
  type FhirServer,
  type FhirServerOptions,
} from '../servers/fhir/server.ts';
import type {
  BundleEntry,
  Bundle as FhirBundle,
  BundleLink,
  Resource,
} from '../src/app/fhir/fhir-types.ts';

/**
 * A stand-in issuer: serves a JWKS at `{issuer}/v1/keys`, answers `{issuer}/v1/introspect` the way the
 * auth server does (active unless the `jti` was revoked or the client is not the token's), and mints
 * tokens the way the auth server does.
 */
export interface TestIssuer {
  issuer: string;
  keys: JWK[];
  privateKey: CryptoKey;
  kid: string;
  jwksRequests: number;
  /** Introspection requests received, for tests of the FHIR server's answer cache. */
  introspectRequests: number;
  /** The form of the last introspection request. */
  lastIntrospection: URLSearchParams | undefined;
  /** Marks a token's `jti` revoked: introspection answers `active: false` from then on. */
  revoke(jti: string): void;
  close(): Promise<void>;
}

export async function startIssuer(): Promise<TestIssuer> {
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'test-key-1', alg: 'RS256', use: 'sig' };
  const state = { keys: [jwk] as JWK[], jwksRequests: 0, introspectRequests: 0 };
  const revoked = new Set<string>();
  let lastIntrospection: URLSearchParams | undefined;
  const server: Server = createServer((req, res) => {
    if (req.url === '/oauth2/default/v1/keys') {
      state.jwksRequests++;
      res.setHeader('Content-Type', 'application/json');
      res.end(JSON.stringify({ keys: state.keys }));
      return;
    }
    if (req.url === '/oauth2/default/v1/introspect' && req.method === 'POST') {
      state.introspectRequests++;
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (chunk: string) => (body += chunk));
      req.on('end', () => {
        const form = new URLSearchParams(body);
        lastIntrospection = form;
        res.setHeader('Content-Type', 'application/json');
        res.setHeader('Cache-Control', 'no-store');
        res.end(JSON.stringify(introspect(form, revoked)));
      });
      return;
    }
    res.statusCode = 404;
    res.end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return {
    issuer: `http://localhost:${port}/oauth2/default`,
    get keys() {
      return state.keys;
    },
    set keys(k: JWK[]) {
      state.keys = k;
    },
    get jwksRequests() {
      return state.jwksRequests;
    },
    set jwksRequests(n: number) {
      state.jwksRequests = n;
    },
    get introspectRequests() {
      return state.introspectRequests;
    },
    set introspectRequests(n: number) {
      state.introspectRequests = n;
    },
    get lastIntrospection() {
      return lastIntrospection;
    },
    revoke: (jti) => revoked.add(jti),
    privateKey,
    kid: 'test-key-1',
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

/**
 * The auth server's answer (servers/auth/introspect.ts), minus the signature check the FHIR server has
 * already made: inactive when the token is unreadable, revoked, or presented by another client.
 */
function introspect(form: URLSearchParams, revoked: Set<string>): JWTPayload {
  let claims: JWTPayload;
  try {
    const payload = form.get('token')?.split('.')[1] ?? '';
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as JWTPayload;
  } catch {
    return { active: false };
  }
  const active =
    typeof claims.jti === 'string' &&
    !revoked.has(claims.jti) &&
    form.get('client_id') === (claims['cid'] ?? claims['client_id']);
  return active ? { ...claims, active: true } : { active: false };
}

export interface TokenOptions {
  scope?: string;
  aud?: string;
  iss?: string;
  patient?: string;
  expiresIn?: number;
  extra?: JWTPayload;
  sub?: string;
}

/** Mints an access token with the Okta claim shape from docs/CONTRACT.md. */
export async function mintToken(
  issuer: TestIssuer,
  audience: string,
  options: TokenOptions = {},
): Promise<string> {
  const scope = options.scope ?? 'openid profile user/*.read';
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({
    scope,
    scp: scope.split(' '),
    client_id: '0oalocalfhirokta0spa',
    cid: '0oalocalfhirokta0spa',
    uid: '00utest',
    ...(options.patient ? { patient: options.patient } : {}),
    ...options.extra,
  })
    .setProtectedHeader({ alg: 'RS256', kid: issuer.kid })
    .setIssuer(options.iss ?? issuer.issuer)
    .setAudience(options.aud ?? audience)
    .setSubject(options.sub ?? 'clinician@example.com')
    .setIssuedAt(now)
    .setExpirationTime(now + (options.expiresIn ?? 300))
    .setJti(crypto.randomUUID())
    .sign(issuer.privateKey);
}

export interface Harness {
  issuer: TestIssuer;
  fhir: FhirServer;
  dataDir: string;
  token(options?: TokenOptions): Promise<string>;
  get(path: string, token?: string, headers?: Record<string, string>): Promise<Response>;
  /** The search's `total` with `_summary=count` (-1 when the answer has none). */
  count(path: string, token: string): Promise<number>;
  post(
    path: string,
    body: unknown,
    token?: string,
    headers?: Record<string, string>,
  ): Promise<Response>;
  /** Stops the FHIR server but keeps the data directory (for restart tests). */
  stop(): Promise<void>;
  close(): Promise<void>;
}

export const APP_ORIGIN = 'http://localhost:4200';

/**
 * A FHIR server on a free port with a temporary data directory and its own issuer. `options` passes
 * `introspection` (default on, answered by the stand-in issuer) and `maxCompressions` through.
 */
export async function startHarness(
  reuse?: { issuer: TestIssuer; dataDir: string },
  options: Pick<FhirServerOptions, 'introspection' | 'maxCompressions'> = {},
): Promise<Harness> {
  const issuer = reuse?.issuer ?? (await startIssuer());
  const dataDir = reuse?.dataDir ?? mkdtempSync(join(tmpdir(), 'fhir-test-'));
  const fhir = await startFhirServer({
    port: 0,
    dataDir,
    issuer: issuer.issuer,
    appOrigin: APP_ORIGIN,
    quiet: true,
    ...options,
  });
  return {
    issuer,
    fhir,
    dataDir,
    token: (options) => mintToken(issuer, fhir.baseUrl, options),
    get: (path, token, headers = {}) =>
      fetch(path.startsWith('http') ? path : `${fhir.baseUrl}${path}`, {
        headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...headers },
      }),
    count: async (path, token) => {
      const separator = path.includes('?') ? '&' : '?';
      const response = await fetch(`${fhir.baseUrl}${path}${separator}_summary=count`, {
        headers: { Authorization: `Bearer ${token}` },
      });
      return ((await response.json()) as Bundle).total ?? -1;
    },
    post: (path, body, token, headers = {}) =>
      fetch(`${fhir.baseUrl}${path}`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/fhir+json',
          ...(token ? { Authorization: `Bearer ${token}` } : {}),
          ...headers,
        },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      }),
    stop: () => fhir.close(),
    close: async () => {
      await fhir.close();
      await issuer.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * A page as this server answers it: the one Bundle type, with what this server always sends made
 * required (its links, each entry's resource and search mode), and each resource read as JSON.
 */
export type Bundle = Omit<FhirBundle, 'link' | 'entry'> & {
  link: Required<Pick<BundleLink, 'relation' | 'url'>>[];
  entry?: (Omit<BundleEntry, 'fullUrl' | 'resource' | 'search'> & {
    fullUrl: string;
    resource: Resource & Record<string, unknown>;
    search: { mode: string };
  })[];
};

export function link(bundle: Bundle, relation: string): string | undefined {
  return bundle.link.find((l) => l.relation === relation)?.url;
}
