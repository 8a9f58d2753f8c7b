/**
 * The two real servers a SMART launch needs, on free ports with a temporary data directory: the FHIR
 * server trusting the authorization server, and the authorization server (EHR simulator on) whose
 * picker reads that FHIR server. Plus the browser steps of a launch: the EHR simulator, the picker
 * and the consent page, driven over HTTP with the cookie jar of test-support/auth.ts.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger } from '../servers/auth/logger.ts';
import { startAuthServer, type AuthServerOptions } from '../servers/auth/server.ts';
import { startFhirServer, type FhirServer } from '../servers/fhir/server.ts';
import { freePort } from '../servers/launch.ts';
import {
  APP_ORIGIN,
  Browser,
  PASSWORD,
  authorizeUrl,
  exchangeCode,
  formAction,
  pkce,
  type TokenResponse,
} from './auth.ts';

export type Page = Awaited<ReturnType<Browser['navigate']>>;
/** A token response with the launch context fields beside the tokens. */
export type LaunchTokens = TokenResponse & Record<string, unknown>;

export interface SmartStack {
  issuer: string;
  /** The authorization server's origin: the EHR simulator is at `${origin}/ehr`. */
  origin: string;
  fhirBase: string;
  close(): Promise<void>;
}

export async function startSmartStack(
  overrides: Partial<AuthServerOptions> = {},
): Promise<SmartStack> {
  const dataDir = await mkdtemp(join(tmpdir(), 'fhirokta-smart-'));
  const authPort = await freePort();
  const issuer = `http://localhost:${authPort}/oauth2/default`;
  let fhir: FhirServer | undefined;
  try {
    fhir = await startFhirServer({
      port: 0,
      dataDir: join(dataDir, 'fhir'),
      issuer,
      appOrigin: APP_ORIGIN,
      quiet: true,
    });
    const auth = await startAuthServer({
      port: authPort,
      dataDir: join(dataDir, 'auth'),
      appOrigin: APP_ORIGIN,
      fhirBase: fhir.baseUrl,
      ehrSimulator: true,
      logger: silentLogger,
      ...overrides,
    });
    const fhirServer = fhir;
    return {
      issuer: auth.issuer,
      origin: new URL(auth.issuer).origin,
      fhirBase: fhirServer.baseUrl,
      close: async () => {
        await auth.close();
        await fhirServer.close();
        await rm(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await fhir?.close();
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
}

/** A form post as a browser sends it from a page of `origin`: repeated fields allowed. */
export function postFrom(
  browser: Browser,
  url: string,
  fields: [string, string][],
  origin = new URL(url).origin,
) {
  return browser.navigate(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin },
    body: new URLSearchParams(fields).toString(),
  });
}

/** The value of a hidden field on a page. */
export function hiddenField(html: string, name: string): string {
  const match = new RegExp(`<input type="hidden" name="${name}" value="([^"]*)"`).exec(html);
  if (!match?.[1]) throw new Error(`no hidden ${name} on the page`);
  return match[1];
}

/** Signs in on the EHR simulator's own page. */
export async function signInToEhr(
  browser: Browser,
  stack: SmartStack,
  login: string,
): Promise<void> {
  const page = await browser.navigate(`${stack.origin}/ehr`);
  const done = await postFrom(browser, `${stack.origin}/ehr/sign-in`, [
    ['form_token', hiddenField(page.body ?? '', 'form_token')],
    ['username', login],
    ['password', PASSWORD],
  ]);
  if (!done.body?.includes('EHR simulator')) throw new Error(`EHR sign-in failed: ${done.url}`);
}

export interface LaunchOptions {
  patient: string;
  encounter?: string;
  banner?: boolean;
  style?: boolean;
  accessTokenOnly?: boolean;
}

/** Presses "Launch fhirokta" for a patient; returns the app URL the simulator opened. */
export async function launchFromEhr(
  browser: Browser,
  stack: SmartStack,
  options: LaunchOptions,
): Promise<URL> {
  const form = await browser.navigate(
    `${stack.origin}/ehr?patient=${encodeURIComponent(options.patient)}`,
  );
  const fields: [string, string][] = [
    ['form_token', hiddenField(form.body ?? '', 'form_token')],
    ['patient', options.patient],
    ['encounter', options.encounter ?? ''],
  ];
  if (options.banner ?? true) fields.push(['need_patient_banner', 'on']);
  if (options.style) fields.push(['smart_style', 'on']);
  if (options.accessTokenOnly) fields.push(['access_token_only', 'on']);
  const opened = await postFrom(browser, `${stack.origin}/ehr/launch`, fields);
  return new URL(opened.url);
}

/** The scopes a consent page offers to untick, and the ones it always includes. */
export function consentScopes(html: string): { optional: string[]; required: string[] } {
  const optional = [
    ...html.matchAll(/type="checkbox" id="scope-\d+" name="scope" value="([^"]+)"/g),
  ].map((m) => m[1] ?? '');
  const required = [...html.matchAll(/<li>[^<]*<code>([^<]+)<\/code><\/li>/g)].map(
    (m) => m[1] ?? '',
  );
  return { optional, required };
}

/** The patient buttons of a picker page, id and visible words. */
export function pickerChoices(html: string): { id: string; words: string }[] {
  return [
    ...html.matchAll(
      /<button type="submit" class="choice" name="patient" value="([^"]+)">(.*?)<\/button>/g,
    ),
  ].map((m) => ({ id: m[1] ?? '', words: (m[2] ?? '').replace(/<[^>]+>/g, '') }));
}

/** Starts an authorization as the app does (PKCE S256, `aud`); signs in on the hosted page when it asks. */
export async function authorize(
  browser: Browser,
  stack: SmartStack,
  params: Record<string, string>,
  login?: string,
): Promise<{ page: Page; verifier: string }> {
  const { verifier, challenge } = pkce();
  let page = await browser.navigate(
    authorizeUrl(stack.issuer, {
      code_challenge: challenge,
      code_challenge_method: 'S256',
      aud: stack.fhirBase,
      ...params,
    }),
  );
  if (login && page.body?.includes('id="password"'))
    page = await browser.submit(formAction(page.body, page.url), {
      username: login,
      password: PASSWORD,
    });
  return { page, verifier };
}

/** Presses "Allow" on the consent page (its hidden fields too), with the scopes in `untick` unticked. */
export function allow(browser: Browser, consent: Page, untick: string[] = []): Promise<Page> {
  const fields: [string, string][] = consentScopes(consent.body ?? '')
    .optional.filter((s) => !untick.includes(s))
    .map((s) => ['scope', s]);
  return postFrom(browser, formAction(consent.body ?? '', consent.url), [
    ['patient', hiddenField(consent.body ?? '', 'patient')],
    ...fields,
    ['decision', 'allow'],
  ]);
}

/** The parameters the browser brought back to the app's redirect URI. */
export function atCallback(page: Page): URLSearchParams {
  if (!page.url.startsWith(`${APP_ORIGIN}/login/callback`))
    throw new Error(`not back at the app: ${page.url}`);
  return new URL(page.url).searchParams;
}

/** The code at the app's redirect URI, exchanged for tokens. */
export async function callback(
  stack: SmartStack,
  page: Page,
  verifier: string,
): Promise<LaunchTokens> {
  const code = atCallback(page).get('code');
  if (!code) throw new Error(`no code: ${page.url}`);
  const { status, body } = await exchangeCode(stack.issuer, code, verifier);
  if (status !== 200) throw new Error(`the code exchange answered ${status}`);
  return body as LaunchTokens;
}

/** The OAuth error at the app's redirect URI. */
export function callbackError(page: Page): { error: string | null; description: string | null } {
  const params = atCallback(page);
  return { error: params.get('error'), description: params.get('error_description') };
}

/** An EHR launch from the simulator, signed in there as `login`: the browser and the launch id. */
export async function ehrLaunch(stack: SmartStack, login: string, options: LaunchOptions) {
  const browser = new Browser();
  await signInToEhr(browser, stack, login);
  const opened = await launchFromEhr(browser, stack, options);
  return { browser, opened, launch: opened.searchParams.get('launch') ?? '' };
}
