import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  APP_ORIGIN,
  Browser,
  authorizeUrl,
  formAction,
  loginForTokens,
  pkce,
  startTestServer,
  type TestServer,
} from '../../test-support/auth.ts';

describe('authorization requests and logout', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  const callbackError = async (params: Record<string, string>) => {
    const result = await new Browser().navigate(authorizeUrl(server.issuer, params));
    assert.ok(result.url.startsWith(APP_ORIGIN), `redirected back to the app, got ${result.url}`);
    return new URL(result.url).searchParams;
  };

  test('a plain code_challenge_method is refused', async () => {
    const params = await callbackError({
      code_challenge: 'a'.repeat(43),
      code_challenge_method: 'plain',
    });
    assert.equal(params.get('error'), 'invalid_request');
  });

  test('a request without a PKCE challenge is refused', async () => {
    const params = await callbackError({});
    assert.equal(params.get('error'), 'invalid_request');
    assert.match(params.get('error_description') ?? '', /PKCE/);
  });

  test('an unknown scope gets invalid_scope instead of being dropped', async () => {
    const { challenge } = pkce();
    const params = await callbackError({
      code_challenge: challenge,
      code_challenge_method: 'S256',
      scope: 'openid user/*.read admin/everything',
    });
    assert.equal(params.get('error'), 'invalid_scope');
  });

  test('a redirect URI that is not registered gets an error page, not a redirect', async () => {
    const { challenge } = pkce();
    const result = await new Browser().navigate(
      authorizeUrl(server.issuer, {
        code_challenge: challenge,
        code_challenge_method: 'S256',
        redirect_uri: 'http://localhost:4200/elsewhere',
      }),
    );
    assert.equal(result.res?.status, 400);
    assert.match(result.body ?? '', /redirect_uri/);
  });

  test('silent renewal answers through okta_post_message to the app origin', async () => {
    const browser = new Browser();
    await loginForTokens(browser, server.issuer, 'clinician@example.com');
    const { challenge } = pkce();
    const result = await browser.navigate(
      authorizeUrl(server.issuer, {
        code_challenge: challenge,
        code_challenge_method: 'S256',
        prompt: 'none',
        response_mode: 'okta_post_message',
        state: 'renew-1',
      }),
    );
    assert.equal(result.res?.status, 200);
    const body = result.body ?? '';
    assert.match(body, /postMessage\(data,"http:\/\/localhost:4200"\)/);
    assert.match(body, /"code":"[^"]+"/);
    assert.match(body, /"state":"renew-1"/);
    const nonce = /<script nonce="([^"]+)"/.exec(body)?.[1];
    assert.ok(nonce);
    assert.ok(result.res?.headers.get('content-security-policy')?.includes(`'nonce-${nonce}'`));
  });

  test('silent renewal without a session posts login_required', async () => {
    const { challenge } = pkce();
    const result = await new Browser().navigate(
      authorizeUrl(server.issuer, {
        code_challenge: challenge,
        code_challenge_method: 'S256',
        prompt: 'none',
        response_mode: 'okta_post_message',
      }),
    );
    assert.match(result.body ?? '', /"error":"login_required"/);
  });

  test('logout returns to the app with no confirmation step, and the next sign-in asks for the password', async () => {
    const browser = new Browser();
    const tokens = await loginForTokens(browser, server.issuer, 'clinician@example.com');
    const logout = new URL(`${server.issuer}/v1/logout`);
    logout.searchParams.set('id_token_hint', tokens.id_token ?? '');
    logout.searchParams.set('post_logout_redirect_uri', APP_ORIGIN);
    logout.searchParams.set('state', 'bye');
    const page = await browser.navigate(logout.href);
    const body = page.body ?? '';
    // The page submits itself; there is nothing to click.
    assert.match(body, /document\.getElementById\('op\.logoutForm'\)\.submit\(\)/);
    assert.doesNotMatch(body, /Do you want to sign-out/);
    const fields = Object.fromEntries(
      [...body.matchAll(/<input type="hidden"[^>]*name="([^"]+)" value="([^"]*)"/g)].map((m) => [
        m[1],
        m[2],
      ]),
    );
    const done = await browser.submit(formAction(body, page.url), fields as Record<string, string>);
    assert.equal(done.url, `${APP_ORIGIN}/?state=bye`);
    const { challenge } = pkce();
    const again = await browser.navigate(
      authorizeUrl(server.issuer, { code_challenge: challenge, code_challenge_method: 'S256' }),
    );
    assert.match(again.body ?? '', /<input id="password"/);
  });

  test('logout accepts the post-logout URI with a trailing slash', async () => {
    const browser = new Browser();
    const tokens = await loginForTokens(browser, server.issuer, 'frontdesk@example.com');
    const logout = new URL(`${server.issuer}/v1/logout`);
    logout.searchParams.set('id_token_hint', tokens.id_token ?? '');
    logout.searchParams.set('post_logout_redirect_uri', `${APP_ORIGIN}/`);
    const page = await browser.navigate(logout.href);
    assert.equal(page.res?.status, 200);
    assert.match(page.body ?? '', /op\.logoutForm/);
  });
});
