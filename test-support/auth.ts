/**
 * Test helpers: a server on a free port with a temporary data directory, a tiny browser (cookie
 * jar + manual redirects) that drives the Authorization Code + PKCE flow over HTTP, and DPoP proofs.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT, exportJWK, generateKeyPair, type CryptoKey, type JWK } from 'jose';
import { silentLogger } from '../servers/auth/logger.ts';
import {
  startAuthServer,
  type AuthServer,
  type AuthServerOptions,
} from '../servers/auth/server.ts';

export const APP_ORIGIN = 'http://localhost:4200';
export const FHIR_BASE = 'http://localhost:4400/fhir';
export const CLIENT_ID = '0oalocalfhirokta0spa';
export const REDIRECT_URI = `${APP_ORIGIN}/login/callback`;
export const PASSWORD = 'fhirokta-demo';

export interface TestServer extends AuthServer {
  dataDir: string;
  origin: string;
  /** Stops the server (the data directory stays, for restart tests). */
  stop(): Promise<void>;
}

export async function startTestServer(
  overrides: Partial<AuthServerOptions> = {},
  dataDir?: string,
): Promise<TestServer> {
  const dir = dataDir ?? (await mkdtemp(join(tmpdir(), 'fhirokta-auth-')));
  const server = await startAuthServer({
    port: 0,
    dataDir: dir,
    appOrigin: APP_ORIGIN,
    fhirBase: FHIR_BASE,
    logger: silentLogger,
    ...overrides,
  });
  return {
    ...server,
    dataDir: dir,
    origin: new URL(server.issuer).origin,
    stop: () => server.close(),
    close: async () => {
      await server.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

interface Cookie {
  name: string;
  value: string;
  path: string;
}

/** Just enough of a browser's cookie handling: name + path, expiry by Max-Age=0 / past Expires. */
export class CookieJar {
  private cookies: Cookie[] = [];

  store(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair = '', ...attrs] = line.split(';').map((s) => s.trim());
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      let path = '/';
      let expired = value === '';
      for (const attr of attrs) {
        const [k = '', v = ''] = attr.split('=');
        if (k.toLowerCase() === 'path') path = v;
        if (k.toLowerCase() === 'max-age' && Number(v) <= 0) expired = true;
        if (k.toLowerCase() === 'expires' && Date.parse(v) < Date.now()) expired = true;
      }
      this.cookies = this.cookies.filter((c) => !(c.name === name && c.path === path));
      if (!expired) this.cookies.push({ name, value, path });
    }
  }

  header(url: string): string {
    const path = new URL(url).pathname;
    return this.cookies
      .filter(
        (c) => path === c.path || path.startsWith(c.path.endsWith('/') ? c.path : `${c.path}/`),
      )
      .map((c) => `${c.name}=${c.value}`)
      .join('; ');
  }

  clear(): void {
    this.cookies = [];
  }
}

export class Browser {
  readonly jar = new CookieJar();

  async request(url: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    const cookie = this.jar.header(url);
    if (cookie) headers.set('cookie', cookie);
    const res = await fetch(url, { ...init, headers, redirect: 'manual' });
    this.jar.store(res);
    return res;
  }

  /** Follows redirects until a page is shown or another origin (the app) is reached, not fetched. */
  async navigate(
    url: string,
    init: RequestInit = {},
  ): Promise<{ url: string; res?: Response; body?: string }> {
    const origin = new URL(url).origin;
    let current = url;
    let res = await this.request(current, init);
    for (let i = 0; i < 20; i += 1) {
      const location = res.headers.get('location');
      if (!location || res.status < 300 || res.status >= 400) break;
      current = new URL(location, current).href;
      if (new URL(current).origin !== origin) return { url: current };
      res = await this.request(current);
    }
    return { url: current, res, body: await res.text() };
  }

  /** Posts a form like a browser would and follows the redirects. */
  submit(url: string, fields: Record<string, string>) {
    return this.navigate(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
    });
  }
}

export function pkce(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

export function authorizeUrl(issuer: string, params: Record<string, string>): string {
  const url = new URL(`${issuer}/v1/authorize`);
  const defaults = {
    client_id: CLIENT_ID,
    response_type: 'code',
    redirect_uri: REDIRECT_URI,
    scope: 'openid profile email user/*.read',
    state: randomBytes(8).toString('hex'),
    nonce: randomBytes(8).toString('hex'),
  };
  for (const [k, v] of Object.entries({ ...defaults, ...params })) url.searchParams.set(k, v);
  return url.href;
}

/** The `action` of the first form on a page. */
export function formAction(html: string, base: string): string {
  const match = /<form[^>]*action="([^"]+)"/.exec(html);
  if (!match?.[1]) throw new Error('no form on the page');
  return new URL(match[1].replace(/&amp;/g, '&'), base).href;
}

export interface TokenResponse {
  access_token: string;
  id_token?: string;
  refresh_token?: string;
  token_type: string;
  expires_in: number;
  scope: string;
  error?: string;
}

export async function exchangeCode(
  issuer: string,
  code: string,
  verifier: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: TokenResponse }> {
  const res = await fetch(`${issuer}/v1/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      client_id: CLIENT_ID,
      redirect_uri: REDIRECT_URI,
      code,
      code_verifier: verifier,
    }),
  });
  return { status: res.status, body: (await res.json()) as TokenResponse };
}

/**
 * The whole redirect login: authorize → hosted sign-in page → post the form → callback with a code.
 * Returns the callback URL's parameters and the PKCE verifier.
 */
export async function redirectLogin(
  browser: Browser,
  issuer: string,
  username: string,
  params: Record<string, string> = {},
): Promise<{ callback: URL; verifier: string }> {
  const { verifier, challenge } = pkce();
  const start = await browser.navigate(
    authorizeUrl(issuer, { code_challenge: challenge, code_challenge_method: 'S256', ...params }),
  );
  let callback = start.url;
  if (start.body !== undefined) {
    const done = await browser.submit(formAction(start.body, start.url), {
      username,
      password: PASSWORD,
    });
    callback = done.url;
  }
  return { callback: new URL(callback), verifier };
}

/** Redirect login plus the code exchange. */
export async function loginForTokens(
  browser: Browser,
  issuer: string,
  username: string,
  params: Record<string, string> = {},
): Promise<TokenResponse> {
  const { callback, verifier } = await redirectLogin(browser, issuer, username, params);
  const code = callback.searchParams.get('code');
  if (!code) throw new Error(`no code: ${callback.search}`);
  const { body } = await exchangeCode(issuer, code, verifier);
  return body;
}

/** A form POST, as the SDKs send to the token, revoke and introspect endpoints. */
export function postForm(
  url: string,
  fields: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(fields),
  });
}

/** A client's DPoP key pair, as okta-auth-js keeps one in IndexedDB. */
export interface DpopKey {
  alg: 'RS256' | 'ES256';
  privateKey: CryptoKey;
  jwk: JWK;
}

export async function dpopKey(alg: DpopKey['alg'] = 'ES256'): Promise<DpopKey> {
  const { privateKey, publicKey } = await generateKeyPair(alg);
  return { alg, privateKey, jwk: await exportJWK(publicKey) };
}

export function dpopProof(
  key: DpopKey,
  htm: string,
  htu: string,
  { accessToken, nonce }: { accessToken?: string; nonce?: string } = {},
): Promise<string> {
  return new SignJWT({
    htm,
    htu,
    jti: randomUUID(),
    ...(accessToken ? { ath: createHash('sha256').update(accessToken).digest('base64url') } : {}),
    ...(nonce ? { nonce } : {}),
  })
    .setProtectedHeader({ alg: key.alg, typ: 'dpop+jwt', jwk: key.jwk })
    .setIssuedAt()
    .sign(key.privateKey);
}

export interface DpopTokenResponse {
  status: number;
  headers: Headers;
  body: Partial<TokenResponse> & { error_description?: string };
}

/** One token request from the app's origin with a DPoP proof, carrying `nonce` if given. */
export async function dpopTokenRequest(
  url: string,
  key: DpopKey,
  fields: Record<string, string>,
  nonce?: string,
): Promise<DpopTokenResponse> {
  const res = await postForm(
    url,
    { client_id: CLIENT_ID, ...fields },
    { origin: APP_ORIGIN, dpop: await dpopProof(key, 'POST', url, { nonce }) },
  );
  return {
    status: res.status,
    headers: res.headers,
    body: (await res.json()) as DpopTokenResponse['body'],
  };
}

/**
 * A DPoP token request as okta-auth-js makes it: without a nonce, then, if the server answers
 * `use_dpop_nonce`, once more with the nonce from its DPoP-Nonce header.
 */
export async function dpopTokens(
  url: string,
  key: DpopKey,
  fields: Record<string, string>,
): Promise<DpopTokenResponse> {
  const first = await dpopTokenRequest(url, key, fields);
  const nonce = first.headers.get('dpop-nonce');
  if (first.body.error !== 'use_dpop_nonce' || !nonce) return first;
  return dpopTokenRequest(url, key, fields, nonce);
}
