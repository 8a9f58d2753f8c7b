/** The EHR simulator: off unless turned on, its sign-in, its forms' guard, and what it lets a user launch. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { APP_ORIGIN, Browser, PASSWORD, startTestServer } from '../../test-support/auth.ts';
import {
  hiddenField,
  postFrom,
  signInToEhr,
  startSmartStack,
  type SmartStack,
} from '../../test-support/smart-stack.ts';

test('the EHR simulator is not served unless the stack turns it on', async () => {
  const server = await startTestServer();
  try {
    const res = await fetch(`${server.origin}/ehr`);
    assert.equal(res.status, 404);
    await res.body?.cancel();
  } finally {
    await server.close();
  }
});

describe('the EHR simulator', () => {
  let stack: SmartStack;
  before(async () => {
    stack = await startSmartStack();
  });
  after(() => stack.close());

  test('asks for a sign-in first, on a page with the sign-in page’s protections', async () => {
    const res = await fetch(`${stack.origin}/ehr`);
    const body = await res.text();
    assert.equal(res.status, 200);
    assert.match(body, /<h1>Sign in to the EHR simulator<\/h1>/);
    assert.match(res.headers.get('content-security-policy') ?? '', /script-src 'none'/);
    assert.match(res.headers.get('content-security-policy') ?? '', /frame-ancestors 'none'/);
    assert.equal(res.headers.get('x-frame-options'), 'DENY');
    assert.equal(res.headers.get('cache-control'), 'no-store');
    assert.match(res.headers.get('set-cookie') ?? '', /ehr_form=.*HttpOnly; SameSite=Strict/);
  });

  test('a wrong password is refused in words, and no session starts', async () => {
    const browser = new Browser();
    const page = await browser.navigate(`${stack.origin}/ehr`);
    const refused = await postFrom(browser, `${stack.origin}/ehr/sign-in`, [
      ['form_token', hiddenField(page.body ?? '', 'form_token')],
      ['username', 'clinician@example.com'],
      ['password', `${PASSWORD}x`],
    ]);
    assert.equal(refused.res?.status, 401);
    assert.match(refused.body ?? '', /role="alert"[^>]*>Incorrect username or password/);
    const again = await browser.navigate(`${stack.origin}/ehr`);
    assert.match(again.body ?? '', /Sign in to the EHR simulator/);
  });

  test('forms posted from elsewhere, or without this browser’s token, are refused', async () => {
    const browser = new Browser();
    await signInToEhr(browser, stack, 'clinician@example.com');
    const form = await browser.navigate(`${stack.origin}/ehr?patient=pat-0002`);
    const token = hiddenField(form.body ?? '', 'form_token');
    const launch = (fields: [string, string][], origin?: string) =>
      postFrom(browser, `${stack.origin}/ehr/launch`, fields, origin);
    const attempts = [
      // The app's own origin is the same site on localhost: the Origin check stops it.
      await launch(
        [
          ['form_token', token],
          ['patient', 'pat-0002'],
        ],
        APP_ORIGIN,
      ),
      await launch([
        ['form_token', 'A'.repeat(43)],
        ['patient', 'pat-0002'],
      ]),
      await launch([['patient', 'pat-0002']]),
    ];
    for (const attempt of attempts) {
      assert.equal(attempt.res?.status, 403);
      assert.match(attempt.body ?? '', /This form has expired/);
    }
    const ok = await launch([
      ['form_token', token],
      ['patient', 'pat-0002'],
    ]);
    assert.ok(ok.url.startsWith(`${APP_ORIGIN}/launch?`), ok.url);
  });

  test('a clinician lists patients by name, then sees a patient’s encounters and the options', async () => {
    const browser = new Browser();
    await signInToEhr(browser, stack, 'clinician@example.com');
    const list = await browser.navigate(`${stack.origin}/ehr`);
    assert.match(list.body ?? '', /Signed in as Casey Clinician/);
    assert.match(list.body ?? '', /<form method="get" action="\/ehr">/);
    const form = await browser.navigate(`${stack.origin}/ehr?patient=pat-0003`);
    const body = form.body ?? '';
    assert.match(body, /<legend>Encounter in context \(optional\)<\/legend>/);
    assert.match(body, /id="encounter-none" name="encounter" value="" checked/);
    assert.match(body, /<label for="banner">fhirokta shows its own patient banner/);
    assert.match(body, /<label for="no-proxy">Okta without token proxy/);
    assert.match(body, /<button type="submit">Launch fhirokta<\/button>/);
    assert.match(
      form.res?.headers.get('content-security-policy') ?? '',
      new RegExp(`form-action 'self' ${APP_ORIGIN}`),
    );
  });

  test('an encounter of another patient is refused', async () => {
    const browser = new Browser();
    await signInToEhr(browser, stack, 'clinician@example.com');
    const other = await browser.navigate(`${stack.origin}/ehr?patient=pat-0004`);
    const encounter = /name="encounter" value="([^"]+)"/.exec(other.body ?? '')?.[1] ?? '';
    assert.ok(encounter);
    const form = await browser.navigate(`${stack.origin}/ehr?patient=pat-0003`);
    const refused = await postFrom(browser, `${stack.origin}/ehr/launch`, [
      ['form_token', hiddenField(form.body ?? '', 'form_token')],
      ['patient', 'pat-0003'],
      ['encounter', encounter],
    ]);
    assert.equal(refused.res?.status, 400);
    assert.match(
      refused.body ?? '',
      /role="alert">That encounter was not found in this patient’s record/,
    );
  });

  test('a patient-bound user’s EHR has only their own record open', async () => {
    const browser = new Browser();
    await signInToEhr(browser, stack, 'patient@example.com');
    const page = await browser.navigate(`${stack.origin}/ehr?patient=pat-0002`);
    assert.match(page.body ?? '', /name="patient" value="pat-0001"/);
    const refused = await postFrom(browser, `${stack.origin}/ehr/launch`, [
      ['form_token', hiddenField(page.body ?? '', 'form_token')],
      ['patient', 'pat-0002'],
    ]);
    assert.equal(refused.res?.status, 400);
    assert.doesNotMatch(refused.url, /\/launch\?/);
  });

  test('the front desk may launch with a patient but is told no encounter can be chosen', async () => {
    const browser = new Browser();
    await signInToEhr(browser, stack, 'frontdesk@example.com');
    const form = await browser.navigate(`${stack.origin}/ehr?patient=pat-0002`);
    assert.match(form.body ?? '', /No encounter can be chosen: You may not see encounters/);
  });
});
