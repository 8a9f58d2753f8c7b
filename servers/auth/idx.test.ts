import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { decodeJwt } from 'jose';
import {
  APP_ORIGIN,
  Browser,
  CLIENT_ID,
  PASSWORD,
  REDIRECT_URI,
  authorizeUrl,
  dpopKey,
  dpopTokenRequest,
  pkce,
  startTestServer,
  type TestServer,
} from '../../test-support/auth.ts';

const ION = 'application/ion+json; okta-version=1.0.0';

interface IonDoc {
  version?: string;
  stateHandle?: string;
  remediation?: {
    value: { name: string; href: string; value: { name: string; value?: string }[] }[];
  };
  messages?: { value: { message: string; i18n: { key: string }; class: string }[] };
  successWithInteractionCode?: { href: string; value: { name: string; value?: string }[] };
  cancel?: { href: string };
}

describe('Identity Engine emulation for the Sign-In Widget', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  const ion = async (path: string, body: object) => {
    const res = await fetch(`${server.origin}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: ION, origin: APP_ORIGIN },
      body: JSON.stringify(body),
    });
    return { status: res.status, res, doc: (await res.json()) as IonDoc };
  };

  const interact = async (
    scope = 'openid profile email user/*.read',
    extra: Record<string, string> = {},
  ) => {
    const { verifier, challenge } = pkce();
    const res = await fetch(`${server.issuer}/v1/interact`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: APP_ORIGIN },
      body: new URLSearchParams({
        client_id: CLIENT_ID,
        redirect_uri: REDIRECT_URI,
        scope,
        code_challenge: challenge,
        code_challenge_method: 'S256',
        state: 'widget-state',
        ...extra,
      }),
    });
    return {
      res,
      verifier,
      body: (await res.json()) as { interaction_handle?: string; error?: string },
    };
  };

  const start = async (scope?: string) => {
    const { body, verifier } = await interact(scope);
    assert.ok(body.interaction_handle);
    const introspect = await ion('/idp/idx/introspect', {
      interactionHandle: body.interaction_handle,
    });
    assert.equal(introspect.status, 200);
    return { verifier, doc: introspect.doc, stateHandle: introspect.doc.stateHandle ?? '' };
  };

  const identify = (stateHandle: string, identifier: string, passcode: string) =>
    ion('/idp/idx/identify', {
      identifier,
      credentials: { passcode },
      rememberMe: false,
      stateHandle,
    });

  /** The token request the widget makes from a `successWithInteractionCode` form. */
  const successForm = (doc: IonDoc, verifier: string) => {
    const form = doc.successWithInteractionCode;
    assert.ok(form);
    const fields = Object.fromEntries(form.value.map((f) => [f.name, f.value ?? '']));
    fields.code_verifier = verifier;
    fields.redirect_uri = REDIRECT_URI; // okta-auth-js adds it
    return { href: form.href, fields };
  };

  const exchange = async (doc: IonDoc, verifier: string) => {
    const form = successForm(doc, verifier);
    const res = await fetch(form.href, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: APP_ORIGIN },
      body: new URLSearchParams(form.fields),
    });
    return { status: res.status, body: (await res.json()) as Record<string, string> };
  };

  test('a SMART launch is refused by the widget: its patient and consent steps live behind /v1/authorize', async () => {
    for (const scope of ['openid launch/patient user/*.rs', 'openid launch user/*.rs']) {
      const { res, body } = await interact(scope);
      assert.equal(res.status, 400, scope);
      assert.equal(body.error, 'invalid_request');
    }
  });

  test('interact and introspect give an identify form with username, password and a state handle', async () => {
    const { doc, stateHandle } = await start();
    assert.equal(doc.version, '1.0.0');
    assert.ok(stateHandle);
    const form = doc.remediation?.value[0];
    assert.equal(form?.name, 'identify');
    assert.equal(form?.href, `${server.origin}/idp/idx/identify`);
    assert.deepEqual(
      form?.value.map((f) => f.name),
      ['identifier', 'credentials', 'rememberMe', 'stateHandle'],
    );
    assert.equal(doc.cancel?.href, `${server.origin}/idp/idx/cancel`);
  });

  test('the widget signs in with a password and exchanges the interaction code for tokens', async () => {
    const { verifier, stateHandle } = await start(
      'openid profile email offline_access user/*.read',
    );
    const success = await identify(stateHandle, 'clinician@example.com', PASSWORD);
    assert.equal(success.status, 200);
    assert.equal(success.res.headers.get('content-type'), ION);
    assert.equal(success.doc.successWithInteractionCode?.href, `${server.issuer}/v1/token`);
    const grantType = success.doc.successWithInteractionCode?.value.find(
      (f) => f.name === 'grant_type',
    );
    assert.equal(grantType?.value, 'interaction_code');
    const tokens = await exchange(success.doc, verifier);
    assert.equal(tokens.status, 200);
    const claims = decodeJwt(tokens.body.access_token ?? '');
    assert.equal(claims.sub, 'clinician@example.com');
    assert.equal(claims.uid, '00ulocal0clinician01');
    assert.deepEqual(claims.scp, ['openid', 'profile', 'email', 'offline_access', 'user/*.read']);
    assert.ok(tokens.body.id_token);
    assert.ok(tokens.body.refresh_token, 'offline_access gives a refresh token');
    const again = await exchange(success.doc, verifier);
    assert.equal(again.status, 400, 'an interaction code is single-use');
  });

  test('with DPoP the interaction code exchange first gets use_dpop_nonce, like Okta, then tokens', async () => {
    const { verifier, stateHandle } = await start();
    const success = await identify(stateHandle, 'clinician@example.com', PASSWORD);
    const { href, fields } = successForm(success.doc, verifier);
    const key = await dpopKey();
    const first = await dpopTokenRequest(href, key, fields);
    assert.equal(first.status, 400);
    assert.equal(first.body.error, 'use_dpop_nonce');
    const nonce = first.headers.get('dpop-nonce');
    assert.ok(nonce);
    const retry = await dpopTokenRequest(href, key, fields, nonce);
    assert.equal(retry.status, 200);
    assert.equal(retry.body.token_type, 'DPoP');
  });

  test('after a widget sign-in the browser has a session, so hidden-iframe renewal works', async () => {
    const { stateHandle } = await start();
    const browser = new Browser();
    const res = await browser.request(`${server.origin}/idp/idx/identify`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: APP_ORIGIN },
      body: JSON.stringify({
        identifier: 'patient@example.com',
        credentials: { passcode: PASSWORD },
        stateHandle,
      }),
    });
    assert.equal(res.status, 200);
    const { challenge } = pkce();
    const renew = await browser.navigate(
      authorizeUrl(server.issuer, {
        code_challenge: challenge,
        code_challenge_method: 'S256',
        prompt: 'none',
        response_mode: 'okta_post_message',
        scope: 'openid patient/*.read',
        state: 'renew',
      }),
    );
    assert.match(renew.body ?? '', /"code":"[^"]+"/);
  });

  test('a wrong password shows the widget error and a retry works', async () => {
    const { verifier, stateHandle } = await start();
    const failed = await identify(stateHandle, 'clinician@example.com', 'wrong');
    assert.equal(failed.status, 401);
    assert.deepEqual(failed.doc.messages?.value[0], {
      message: 'Authentication failed',
      i18n: { key: 'errors.E0000004' },
      class: 'ERROR',
    });
    assert.equal(failed.doc.remediation?.value[0]?.name, 'identify', 'the form comes back');
    const retry = await identify(stateHandle, 'clinician@example.com', PASSWORD);
    assert.equal(retry.status, 200);
    assert.equal((await exchange(retry.doc, verifier)).status, 200);
  });

  test('repeated widget failures are throttled with a message the widget shows', async () => {
    const fresh = await startTestServer({ loginThrottle: { maxFailuresPerUser: 1 } });
    try {
      const post = (path: string, body: object) =>
        fetch(`${fresh.origin}${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
      const { challenge } = pkce();
      const handle = (await (
        await fetch(`${fresh.issuer}/v1/interact`, {
          method: 'POST',
          body: new URLSearchParams({
            client_id: CLIENT_ID,
            redirect_uri: REDIRECT_URI,
            scope: 'openid',
            code_challenge: challenge,
            code_challenge_method: 'S256',
          }),
        })
      ).json()) as { interaction_handle: string };
      const { stateHandle } = (await (
        await post('/idp/idx/introspect', { interactionHandle: handle.interaction_handle })
      ).json()) as IonDoc;
      const attempt = (passcode: string) =>
        post('/idp/idx/identify', {
          identifier: 'frontdesk@example.com',
          credentials: { passcode },
          stateHandle,
        });
      assert.equal((await attempt('wrong')).status, 401);
      const locked = await attempt(PASSWORD);
      assert.equal(locked.status, 429);
      const doc = (await locked.json()) as IonDoc;
      assert.match(doc.messages?.value[0]?.message ?? '', /Too many failed sign-in attempts/);
      assert.equal(doc.remediation?.value[0]?.name, 'identify');
    } finally {
      await fresh.close();
    }
  });

  test('the frontdesk user gets only user/Patient.read through the widget too', async () => {
    const { verifier, stateHandle } = await start();
    const success = await identify(stateHandle, 'frontdesk@example.com', PASSWORD);
    const tokens = await exchange(success.doc, verifier);
    assert.equal(tokens.body.scope, 'openid profile email user/Patient.read');
  });

  test('cancel starts over with a new state handle and the old one stops working', async () => {
    const { stateHandle } = await start();
    const cancelled = await ion('/idp/idx/cancel', { stateHandle });
    assert.equal(cancelled.status, 200);
    assert.notEqual(cancelled.doc.stateHandle, stateHandle);
    assert.equal(cancelled.doc.remediation?.value[0]?.name, 'identify');
    const stale = await identify(stateHandle, 'clinician@example.com', PASSWORD);
    assert.equal(stale.status, 401);
    assert.equal(stale.doc.messages?.value[0]?.i18n.key, 'idx.session.expired');
  });

  test('an unknown state handle is an expired session, not a hang', async () => {
    const res = await ion('/idp/idx/introspect', { stateToken: 'nope' });
    assert.equal(res.status, 401);
    assert.equal(res.doc.version, '1.0.0');
    assert.equal(res.doc.messages?.value[0]?.class, 'ERROR');
  });

  test('unsupported steps (recovery, enrollment, MFA) answer a clear error', async () => {
    for (const step of [
      'recover',
      'enroll',
      'challenge/answer',
      'credential/enroll',
      'unlock-account',
    ]) {
      const res = await ion(`/idp/idx/${step}`, { stateHandle: 'x' });
      assert.equal(res.status, 400, step);
      assert.match(
        res.doc.messages?.value[0]?.message ?? '',
        /not supported by the local authorization server/,
      );
    }
  });

  test('interact refuses unknown scopes, a plain PKCE challenge and an unregistered redirect URI', async () => {
    assert.equal((await interact('openid admin/all')).body.error, 'invalid_scope');
    const plain = await interact(undefined, { code_challenge_method: 'plain' });
    assert.equal(plain.res.status, 400);
    assert.equal(plain.body.error, 'invalid_request');
    const elsewhere = await interact(undefined, {
      redirect_uri: 'http://localhost:4200/elsewhere',
    });
    assert.equal(elsewhere.body.error, 'invalid_request');
  });

  test('the widget calls carry credentials, so CORS names the exact origin', async () => {
    const { res } = await interact();
    assert.equal(res.headers.get('access-control-allow-origin'), APP_ORIGIN);
    assert.equal(res.headers.get('access-control-allow-credentials'), 'true');
    const pre = await fetch(`${server.origin}/idp/idx/introspect`, {
      method: 'OPTIONS',
      headers: {
        origin: APP_ORIGIN,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type,x-okta-user-agent-extended',
      },
    });
    assert.equal(pre.status, 204);
    assert.equal(
      pre.headers.get('access-control-allow-headers'),
      'content-type,x-okta-user-agent-extended',
    );
  });
});
