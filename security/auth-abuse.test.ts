/**
 * The hosted sign-in page and the authorization endpoints, attacked: password guessing and spraying
 * (and the usual ways around a throttle), redirect_uri and post-logout open redirects, state
 * tampering, script injection into the page, and credential-failure messages that could enumerate
 * users. Everything runs against the real authorization server on a free port.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  APP_ORIGIN,
  Browser,
  CLIENT_ID,
  PASSWORD,
  REDIRECT_URI,
  authorizeUrl,
  formAction,
  loginForTokens,
  pkce,
  startTestServer,
  type TestServer,
} from '../test-support/auth.ts';
import { findLeaks } from './log-scan.ts';

const ATTACKER = 'https://attacker.example';
const VICTIM = 'clinician@example.com';
const LOCKED = /Too many failed sign-in attempts\. Wait \d+ minutes and try again\./;
/** A real browser asks for HTML; oidc-provider answers JSON otherwise. */
const HTML = { accept: 'text/html' };

/** Opens the hosted sign-in page and returns a function that posts its form. */
async function signInForm(server: TestServer, params: Record<string, string> = {}) {
  const browser = new Browser();
  const { challenge } = pkce();
  const page = await browser.navigate(
    authorizeUrl(server.issuer, {
      code_challenge: challenge,
      code_challenge_method: 'S256',
      ...params,
    }),
  );
  const html = page.body ?? '';
  assert.ok(html.includes('<input id="password"'), 'the sign-in page is shown');
  const action = formAction(html, page.url);
  const submit = async (
    username: string,
    password: string,
    headers: Record<string, string> = {},
  ) => {
    const res = await browser.request(action, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body: new URLSearchParams({ username, password }).toString(),
    });
    return { res, status: res.status, body: await res.text() };
  };
  return { page, submit };
}

/** Classic Engine primary authentication (`/api/v1/authn`). */
async function authn(server: TestServer, username: string, password: string) {
  const res = await fetch(`${server.origin}/api/v1/authn`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: APP_ORIGIN },
    body: JSON.stringify({ username, password }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/** Identity Engine (the widget's default): interact → introspect → identify. */
async function identify(server: TestServer, identifier: string, passcode: string) {
  const post = (path: string, body: object) =>
    fetch(`${server.origin}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: APP_ORIGIN },
      body: JSON.stringify(body),
    });
  const { challenge } = pkce();
  const interact = await fetch(`${server.issuer}/v1/interact`, {
    method: 'POST',
    headers: { origin: APP_ORIGIN },
    body: new URLSearchParams({
      client_id: CLIENT_ID,
      redirect_uri: REDIRECT_URI,
      scope: 'openid',
      code_challenge: challenge,
      code_challenge_method: 'S256',
      state: 'widget',
    }),
  });
  const { interaction_handle } = (await interact.json()) as { interaction_handle: string };
  const introspect = await post('/idp/idx/introspect', { interactionHandle: interaction_handle });
  const { stateHandle } = (await introspect.json()) as { stateHandle: string };
  const res = await post('/idp/idx/identify', {
    identifier,
    credentials: { passcode },
    stateHandle,
  });
  const doc = (await res.json()) as { messages?: { value: { message: string }[] } };
  return { status: res.status, messages: doc.messages?.value.map((m) => m.message) ?? [] };
}

/** A fresh server per brute-force scenario, so failure counts never leak between tests. */
async function withServer(
  overrides: Parameters<typeof startTestServer>[0],
  run: (server: TestServer) => Promise<void>,
): Promise<void> {
  const server = await startTestServer(overrides);
  try {
    await run(server);
  } finally {
    await server.close();
  }
}

/** A page with the reflected username and the per-transaction form address taken out. */
function normalise(body: string, username: string): string {
  return body.replaceAll(username, 'USER').replace(/\/interaction\/[^"]+/g, '/interaction/UID');
}

/** The directives of a Content-Security-Policy header. */
function cspDirectives(header: string | null): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of (header ?? '').split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) map.set(name.toLowerCase(), values);
  }
  return map;
}

function assertStrictPage(res: Response, body: string, what: string): void {
  assert.match(res.headers.get('content-type') ?? '', /^text\/html/, what);
  assert.doesNotMatch(body, /<script/i, `${what}: no script element`);
  assert.doesNotMatch(body, /\son[a-z]+\s*=/i, `${what}: no inline event handler`);
  assert.doesNotMatch(body, /javascript:/i, `${what}: no javascript: URL`);
  const header = res.headers.get('content-security-policy');
  assert.ok(header, `${what}: a CSP header`);
  assert.doesNotMatch(header, /unsafe-inline|unsafe-eval|unsafe-hashes|\*/, `${what}: ${header}`);
  const csp = cspDirectives(header);
  assert.deepEqual(csp.get('default-src'), ["'none'"], `${what}: default-src`);
  assert.deepEqual(csp.get('script-src'), ["'none'"], `${what}: script-src`);
  assert.deepEqual(csp.get('frame-ancestors'), ["'none'"], `${what}: frame-ancestors`);
  assert.deepEqual(csp.get('base-uri'), ["'none'"], `${what}: base-uri`);
  for (const target of csp.get('form-action') ?? []) {
    assert.ok([`'self'`, APP_ORIGIN].includes(target), `${what}: form-action ${target}`);
  }
}

describe('brute force against the sign-in is throttled', () => {
  test('guessing one user’s password is cut off on every entry point, even for the right password, with 429', async () => {
    await withServer({}, async (server) => {
      const { submit } = await signInForm(server);
      for (let i = 0; i < 5; i += 1) {
        const miss = await submit(VICTIM, `guess-${i}`);
        assert.equal(miss.status, 200, `guess ${i} is an ordinary failure`);
      }
      const hosted = await submit(VICTIM, PASSWORD);
      assert.equal(hosted.status, 429);
      assert.match(hosted.body, LOCKED);
      assert.doesNotMatch(hosted.body, /Incorrect username or password/);
      // Switching to the widget's APIs is no way around the lock.
      const classic = await authn(server, VICTIM, PASSWORD);
      assert.equal(classic.status, 429);
      assert.equal(classic.body.errorCode, 'E0000047');
      assert.equal(classic.body.sessionToken, undefined);
      const widget = await identify(server, VICTIM, PASSWORD);
      assert.equal(widget.status, 429);
      assert.match(widget.messages.join(' '), LOCKED);
    });
  });

  test('once locked, a right guess and a wrong guess get the same answer', async () => {
    await withServer({}, async (server) => {
      const { submit } = await signInForm(server);
      for (let i = 0; i < 5; i += 1) await submit(VICTIM, `guess-${i}`);
      const right = await submit(VICTIM, PASSWORD);
      const wrong = await submit(VICTIM, 'still-guessing');
      assert.equal(right.status, 429);
      assert.equal(wrong.status, right.status);
      assert.equal(wrong.body, right.body);
    });
  });

  test('changing the case or padding of the username does not reset the per-user count', async () => {
    await withServer({}, async (server) => {
      const { submit } = await signInForm(server);
      for (const variant of [
        'Clinician@Example.com',
        ' clinician@example.com',
        'CLINICIAN@EXAMPLE.COM ',
        'clinician@EXAMPLE.com',
        'cLiNiCiAn@example.com',
      ]) {
        await submit(variant, 'wrong');
      }
      const locked = await submit(VICTIM, PASSWORD);
      assert.equal(locked.status, 429);
      assert.match(locked.body, LOCKED);
    });
  });

  test('signing in to the attacker’s own account does not reset the count on the victim', async () => {
    await withServer({}, async (server) => {
      const victim = await signInForm(server);
      for (let i = 0; i < 4; i += 1) await victim.submit(VICTIM, `guess-${i}`);
      const own = await signInForm(server);
      const ok = await own.submit('patient@example.com', PASSWORD);
      assert.equal(ok.status, 303, 'the attacker’s own sign-in succeeds');
      await victim.submit(VICTIM, 'guess-4');
      const locked = await victim.submit(VICTIM, PASSWORD);
      assert.equal(locked.status, 429);
    });
  });

  test('password spraying across users from one address is cut off per IP, and a forged X-Forwarded-For buys no fresh budget', async () => {
    await withServer({ loginThrottle: { maxFailuresPerIp: 4 } }, async (server) => {
      const { submit } = await signInForm(server);
      for (const [i, user] of ['a', 'b', 'c', 'd'].entries()) {
        const miss = await submit(`${user}@example.com`, 'Spring2026!', {
          'x-forwarded-for': `203.0.113.${i + 1}`,
          'x-real-ip': `203.0.113.${i + 1}`,
        });
        assert.equal(miss.status, 200);
      }
      // A user nobody has guessed at, with the right password, from a "new" address.
      const locked = await submit('frontdesk@example.com', PASSWORD, {
        'x-forwarded-for': '198.51.100.7',
        forwarded: 'for=198.51.100.7',
      });
      assert.equal(locked.status, 429);
      assert.match(locked.body, LOCKED);
      assert.equal((await authn(server, 'patient@example.com', PASSWORD)).status, 429);
    });
  });

  test('a burst of concurrent guesses gets no more password checks than the limit, and the right password inside it does not sign in', async () => {
    await withServer({}, async (server) => {
      const { submit } = await signInForm(server);
      // Sent together: every request is in flight before any password check has finished.
      const guesses = Array.from({ length: 30 }, (_, i) => i);
      const [classic, widget, hosted] = await Promise.all([
        Promise.all([
          ...guesses.map((i) => authn(server, 'frontdesk@example.com', `guess-${i}`)),
          authn(server, 'frontdesk@example.com', PASSWORD),
        ]),
        Promise.all([
          ...guesses.map((i) => identify(server, 'patient@example.com', `guess-${i}`)),
          identify(server, 'patient@example.com', PASSWORD),
        ]),
        Promise.all([
          ...guesses.map((i) => submit(VICTIM, `guess-${i}`)),
          submit(VICTIM, PASSWORD),
        ]),
      ]);
      for (const [entry, answers] of [
        ['/api/v1/authn', classic],
        ['/idp/idx/identify', widget],
        ['the hosted page', hosted],
      ] as const) {
        const checked = answers.filter((a) => a.status !== 429).length;
        assert.ok(checked <= 5, `${entry}: ${checked} password checks for a limit of 5`);
        assert.equal(answers.at(-1)?.status, 429, `${entry}: the right password is refused`);
      }
      assert.equal(classic.at(-1)?.body.sessionToken, undefined);
    });
  });

  test('a concurrent spray across users from one address gets no more password checks than the per-address limit', async () => {
    await withServer({ loginThrottle: { maxFailuresPerIp: 8 } }, async (server) => {
      const answers = await Promise.all(
        Array.from({ length: 40 }, (_, i) => authn(server, `user-${i}@example.com`, 'Spring2026!')),
      );
      const checked = answers.filter((a) => a.status === 401).length;
      assert.ok(checked <= 8, `${checked} password checks for a per-address limit of 8`);
      assert.equal((await authn(server, 'frontdesk@example.com', PASSWORD)).status, 429);
    });
  });

  test('a lock-out on an unknown username looks exactly like one on a real username', async () => {
    await withServer({}, async (server) => {
      const answers = [];
      for (const username of [VICTIM, 'nobody@example.com']) {
        const { submit } = await signInForm(server);
        for (let i = 0; i < 5; i += 1) await submit(username, `guess-${i}`);
        const locked = await submit(username, 'one-more');
        answers.push({ status: locked.status, body: normalise(locked.body, username) });
      }
      assert.equal(answers[0]?.status, 429);
      assert.deepEqual(answers[1], answers[0]);
    });
  });
});

describe('attacks on the authorization and logout endpoints', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  const LOOKALIKE_REDIRECTS = [
    `${ATTACKER}/login/callback`,
    'http://localhost:4200.attacker.example/login/callback',
    'http://localhost:4200@attacker.example/login/callback',
    'http://localhost:4200/login/callback/../../attacker',
    `http://localhost:4200/login/callback?next=${ATTACKER}`,
    'http://localhost:4200/login/callback#@attacker.example',
    'http://LOCALHOST:4200/login/callback',
    'http://localhost:4200/login/callback/',
    'http://localhost:42000/login/callback',
    '//attacker.example/login/callback',
  ];

  test('a redirect_uri outside the registered list gets an error page and never a redirect', async () => {
    const { challenge } = pkce();
    for (const redirect of LOOKALIKE_REDIRECTS) {
      const res = await new Browser().request(
        authorizeUrl(server.issuer, {
          code_challenge: challenge,
          code_challenge_method: 'S256',
          redirect_uri: redirect,
        }),
        { headers: HTML },
      );
      const body = await res.text();
      assert.equal(res.status, 400, redirect);
      assert.equal(res.headers.get('location'), null, `${redirect}: no redirect`);
      assert.match(body, /redirect_uri did not match any of the client/, redirect);
      assert.doesNotMatch(body, /http-equiv|<a |<form/i, `${redirect}: no way onward`);
      assertStrictPage(res, body, redirect);
    }
  });

  test('a signed-in browser sent to a foreign redirect_uri with prompt=none leaks no code', async () => {
    const browser = new Browser();
    await loginForTokens(browser, server.issuer, VICTIM);
    for (const responseMode of ['query', 'okta_post_message', 'form_post', 'fragment']) {
      const { challenge } = pkce();
      const res = await browser.request(
        authorizeUrl(server.issuer, {
          code_challenge: challenge,
          code_challenge_method: 'S256',
          prompt: 'none',
          response_mode: responseMode,
          redirect_uri: `${ATTACKER}/steal`,
        }),
        { headers: HTML },
      );
      const body = await res.text();
      assert.equal(res.status, 400, responseMode);
      assert.equal(res.headers.get('location'), null, responseMode);
      assert.doesNotMatch(body, /postMessage|code=|"code"/, `${responseMode}: no code in the page`);
    }
  });

  test('markup in the parameters an error page reflects is shown as text', async () => {
    const { challenge } = pkce();
    const payload = '"><script>alert(1)</script>';
    const res = await new Browser().request(
      authorizeUrl(server.issuer, {
        code_challenge: challenge,
        code_challenge_method: 'S256',
        redirect_uri: `${ATTACKER}/${payload}`,
        state: payload,
      }),
      { headers: HTML },
    );
    const body = await res.text();
    assert.equal(res.status, 400);
    assertStrictPage(res, body, 'error page');
    assert.ok(!body.includes(payload), 'not reflected raw');
    assert.ok(body.includes('&#34;&#62;&#60;script&#62;alert(1)'), 'the state is shown escaped');
  });

  test('state comes back unchanged on the success callback and on an error callback', async () => {
    // Every character Okta allows in a state, in a long value.
    const state = `${'AZaz09,._-'.repeat(40)}x`;
    const browser = new Browser();
    const { challenge } = pkce();
    const page = await browser.navigate(
      authorizeUrl(server.issuer, {
        code_challenge: challenge,
        code_challenge_method: 'S256',
        state,
      }),
    );
    const done = await browser.submit(formAction(page.body ?? '', page.url), {
      username: VICTIM,
      password: PASSWORD,
    });
    const success = new URL(done.url);
    assert.equal(`${success.origin}${success.pathname}`, REDIRECT_URI);
    assert.ok(success.searchParams.get('code'));
    assert.equal(success.searchParams.get('state'), state);
    const refused = await new Browser().navigate(
      authorizeUrl(server.issuer, {
        code_challenge: challenge,
        code_challenge_method: 'S256',
        scope: 'openid admin/everything',
        state,
      }),
    );
    const error = new URL(refused.url);
    assert.equal(error.searchParams.get('error'), 'invalid_scope');
    assert.equal(error.searchParams.get('state'), state);
  });

  test('a login without state is refused as Okta does: invalid_request back to the app, no sign-in page', async () => {
    for (const state of [undefined, '']) {
      const { challenge } = pkce();
      const url = new URL(
        authorizeUrl(server.issuer, { code_challenge: challenge, code_challenge_method: 'S256' }),
      );
      if (state === undefined) url.searchParams.delete('state');
      else url.searchParams.set('state', state);
      const result = await new Browser().navigate(url.href);
      assert.equal(result.body, undefined, `state=${String(state)}: no page is shown`);
      const callback = new URL(result.url);
      assert.equal(`${callback.origin}${callback.pathname}`, REDIRECT_URI);
      assert.equal(callback.searchParams.get('error'), 'invalid_request');
      assert.equal(
        callback.searchParams.get('error_description'),
        "The authentication request has an invalid 'state' parameter.",
      );
      assert.equal(callback.searchParams.get('code'), null);
    }
  });

  test('a state with characters Okta does not allow is refused, even for a signed-in browser', async () => {
    const browser = new Browser();
    await loginForTokens(browser, server.issuer, VICTIM);
    for (const state of ['<script>alert(1)</script>', 'a b', 'x"y', 'a&code=forged']) {
      const { challenge } = pkce();
      const result = await browser.navigate(
        authorizeUrl(server.issuer, {
          code_challenge: challenge,
          code_challenge_method: 'S256',
          prompt: 'none',
          state,
        }),
      );
      const callback = new URL(result.url);
      assert.equal(callback.searchParams.get('error'), 'invalid_request', state);
      assert.equal(callback.searchParams.get('code'), null, `${state}: no code`);
    }
  });

  test('logout with a foreign or look-alike post_logout_redirect_uri is refused without a redirect', async () => {
    const browser = new Browser();
    const tokens = await loginForTokens(browser, server.issuer, VICTIM);
    for (const target of [
      ATTACKER,
      `${ATTACKER}/`,
      'http://localhost:4200.attacker.example',
      'http://localhost:4200@attacker.example/',
      `${APP_ORIGIN}//attacker.example`,
      `${APP_ORIGIN}/?next=${ATTACKER}`,
      'http://localhost:42000',
    ]) {
      for (const hint of [
        { id_token_hint: tokens.id_token ?? '' },
        { client_id: CLIENT_ID },
      ] as Record<string, string>[]) {
        const url = new URL(`${server.issuer}/v1/logout`);
        for (const [k, v] of Object.entries({ ...hint, post_logout_redirect_uri: target })) {
          url.searchParams.set(k, v);
        }
        const res = await browser.request(url.href, { headers: HTML });
        const body = await res.text();
        const what = `${target} with ${Object.keys(hint)[0]}`;
        assert.equal(res.status, 400, what);
        assert.equal(res.headers.get('location'), null, what);
        assert.match(body, /post_logout_redirect_uri not registered/, what);
        assert.doesNotMatch(body, /<form|http-equiv/i, `${what}: no way onward`);
      }
    }
  });

  test('logout without a hint ignores a foreign post_logout_redirect_uri and ends on the server’s own page', async () => {
    const browser = new Browser();
    await loginForTokens(browser, server.issuer, VICTIM);
    const url = new URL(`${server.issuer}/v1/logout`);
    url.searchParams.set('post_logout_redirect_uri', `${ATTACKER}/`);
    const page = await browser.navigate(url.href, { headers: HTML });
    const body = page.body ?? '';
    assert.ok(!body.includes('attacker.example'), 'the foreign URI is not carried in the form');
    const formTargets = cspDirectives(page.res?.headers.get('content-security-policy') ?? '').get(
      'form-action',
    );
    assert.ok(formTargets && !formTargets.some((t) => t.includes('attacker')));
    const fields = Object.fromEntries(
      [...body.matchAll(/<input type="hidden"[^>]*name="([^"]+)" value="([^"]*)"/g)].map((m) => [
        m[1] ?? '',
        m[2] ?? '',
      ]),
    );
    const done = await browser.submit(formAction(body, page.url), fields);
    assert.equal(done.url, `${server.issuer}/v1/logout/success`);
    assert.match(done.body ?? '', /Signed out/);
  });
});

describe('the hosted sign-in page under attack', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  test('every state of the hosted page serves no script and a strict CSP, and cannot be framed', async () => {
    const { page, submit } = await signInForm(server);
    const pages: [string, Response, string][] = [];
    assert.ok(page.res);
    pages.push(['sign-in page', page.res, page.body ?? '']);
    const wrong = await submit('frontdesk@example.com', 'wrong');
    pages.push(['wrong password', wrong.res, wrong.body]);
    for (let i = 0; i < 5; i += 1) await submit('frontdesk@example.com', 'wrong');
    const locked = await submit('frontdesk@example.com', 'wrong');
    assert.equal(locked.status, 429);
    pages.push(['locked out', locked.res, locked.body]);
    const expired = await new Browser().request(`${server.issuer}/interaction/forged-uid`);
    pages.push(['unknown interaction', expired, await expired.text()]);
    for (const [what, res, body] of pages) {
      assertStrictPage(res, body, what);
      assert.equal(res.headers.get('x-frame-options'), 'DENY', what);
      assert.equal(res.headers.get('cache-control'), 'no-store', what);
    }
  });

  test('markup in login_hint or a posted username is shown as text, never run', async () => {
    const payload = '"><script>alert(1)</script><input value="';
    const { page, submit } = await signInForm(server, { login_hint: payload });
    assert.ok(page.res);
    assertStrictPage(page.res, page.body ?? '', 'login_hint');
    assert.ok(!(page.body ?? '').includes(payload));
    const posted = await submit(payload, 'wrong');
    assertStrictPage(posted.res, posted.body, 'posted username');
    assert.ok(!posted.body.includes(payload));
    assert.ok(posted.body.includes('&#34;&#62;&#60;script&#62;'), 'escaped into the field value');
  });

  test('a failed sign-in never says whether the username or the password was wrong', async () => {
    const { submit } = await signInForm(server);
    const answers = new Map<string, { status: number; body: string }>();
    for (const [what, username, password] of [
      ['wrong password', 'patient@example.com', 'not-the-password'],
      ['unknown user', 'nobody@example.com', PASSWORD],
      ['unknown user, wrong password', 'nobody@example.com', 'not-the-password'],
      ['empty password', 'patient@example.com', ''],
    ] as const) {
      const answer = await submit(username, password);
      answers.set(what, { status: answer.status, body: normalise(answer.body, username) });
    }
    const reference = answers.get('wrong password');
    assert.ok(reference);
    assert.equal(reference.status, 200);
    const message = /role="alert"[^>]*>([^<]*)</.exec(reference.body)?.[1] ?? '';
    assert.equal(message, 'Incorrect username or password. Check both and try again.');
    for (const [what, answer] of answers) assert.deepEqual(answer, reference, what);

    // The widget's two engines answer alike too.
    const classicWrong = await authn(server, 'patient@example.com', 'not-the-password');
    const classicUnknown = await authn(server, 'nobody@example.com', PASSWORD);
    assert.equal(classicWrong.status, 401);
    assert.equal(classicUnknown.status, 401);
    const strip = (b: Record<string, unknown>) => ({ ...b, errorId: undefined });
    assert.deepEqual(strip(classicUnknown.body), strip(classicWrong.body));
    assert.equal(classicWrong.body.errorSummary, 'Authentication failed');
    const widgetWrong = await identify(server, 'patient@example.com', 'not-the-password');
    const widgetUnknown = await identify(server, 'nobody@example.com', PASSWORD);
    assert.equal(widgetWrong.status, 401);
    assert.deepEqual(widgetUnknown, widgetWrong);
    for (const text of [message, ...widgetWrong.messages]) {
      assert.doesNotMatch(text, /not found|no such|unknown|does not exist|password is/i, text);
    }
  });
});

describe('malformed requests get a clear refusal and leave nothing of themselves in the log', () => {
  const lines: string[] = [];
  let server: TestServer;
  before(async () => {
    const keep = (line: string) => void lines.push(line);
    server = await startTestServer({ logger: { info: keep, warn: keep, error: keep } });
  });
  after(() => server.close());

  /** The body a hand-written client sends when it forgets to quote the password. */
  const unquoted = `{"username":"${VICTIM}","password":${PASSWORD}}`;
  const postRaw = (path: string, type: string, body: string, headers: HeadersInit = {}) =>
    fetch(`${server.origin}${path}`, {
      method: 'POST',
      headers: { 'content-type': type, origin: APP_ORIGIN, ...headers },
      body,
    });

  test('a body that is not JSON is a 400 in Okta’s E0000003 format on /api/v1/authn', async () => {
    const res = await postRaw('/api/v1/authn', 'application/json', unquoted);
    assert.equal(res.status, 400);
    const body = (await res.json()) as Record<string, unknown>;
    assert.equal(body.errorCode, 'E0000003');
    assert.equal(body.errorSummary, 'The request body was not well-formed.');
    assert.doesNotMatch(JSON.stringify(body), /fhirokta-de|assword/);
  });

  test('a body that is not JSON is a 400 Ion error on /idp/idx/identify, and the widget can show it', async () => {
    const res = await postRaw('/idp/idx/identify', 'application/ion+json', unquoted);
    assert.equal(res.status, 400);
    assert.match(res.headers.get('content-type') ?? '', /^application\/ion\+json/);
    const doc = (await res.json()) as { messages?: { value: { message: string }[] } };
    assert.deepEqual(
      doc.messages?.value.map((m) => m.message),
      ['The request body was not well-formed.'],
    );
  });

  test('a malformed Basic header at revoke and introspect is 401 invalid_client', async () => {
    const basic = `Basic ${Buffer.from('%E0%A4%A').toString('base64')}`;
    for (const path of ['/v1/revoke', '/v1/introspect']) {
      const res = await postRaw(
        `/oauth2/default${path}`,
        'application/x-www-form-urlencoded',
        'token=x',
        {
          authorization: basic,
        },
      );
      assert.equal(res.status, 401, path);
      assert.equal(((await res.json()) as { error: string }).error, 'invalid_client', path);
    }
  });

  test('none of these requests put a password, a body or an unexpected error in the log', () => {
    assert.ok(lines.length > 0, 'the server logged its startup');
    assert.deepEqual(findLeaks([{ name: '[auth] output', text: lines.join('\n') }], []), []);
    assert.ok(!lines.some((line) => /unexpected error|URI malformed/.test(line)), lines.join('\n'));
  });
});
