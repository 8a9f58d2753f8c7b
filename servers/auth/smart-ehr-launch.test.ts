/**
 * SMART EHR launch from the EHR simulator against the real authorization server and FHIR server: the
 * context in the token response and the access token (and after refresh), every way a `launch` is
 * refused, and ordinary sign-ins left as they were.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { decodeJwt } from 'jose';
import { APP_ORIGIN, Browser, formAction, postForm } from '../../test-support/auth.ts';
import {
  allow,
  authorize,
  callback,
  callbackError,
  consentScopes,
  ehrLaunch,
  launchFromEhr,
  signInToEhr,
  startSmartStack,
  type SmartStack,
  type LaunchTokens,
} from '../../test-support/smart-stack.ts';

describe('SMART EHR launch', () => {
  let stack: SmartStack;
  before(async () => {
    stack = await startSmartStack();
  });
  after(() => stack.close());

  describe('EHR launch from the simulator', () => {
    test('the simulator opens the app with iss and an opaque launch', async () => {
      const { opened, launch } = await ehrLaunch(stack, 'clinician@example.com', {
        patient: 'pat-0002',
      });
      assert.equal(`${opened.origin}${opened.pathname}`, `${APP_ORIGIN}/launch`);
      assert.equal(opened.searchParams.get('iss'), stack.fhirBase);
      assert.match(launch, /^[A-Za-z0-9_-]{43}$/);
    });

    test('the launch gives patient, encounter, banner and style, in the response and the token, also after refresh', async () => {
      const browser = new Browser();
      await signInToEhr(browser, stack, 'clinician@example.com');
      const form = await browser.navigate(`${stack.origin}/ehr?patient=pat-0003`);
      const encounter = /name="encounter" value="([^"]+)"/.exec(form.body ?? '')?.[1];
      assert.ok(encounter, 'the simulator lists the patient’s encounters');
      const opened = await launchFromEhr(browser, stack, {
        patient: 'pat-0003',
        encounter,
        banner: false,
        style: true,
      });
      const { page: consent, verifier } = await authorize(browser, stack, {
        scope: 'openid fhirUser launch offline_access user/*.rs',
        launch: opened.searchParams.get('launch') ?? '',
      });
      assert.deepEqual(consentScopes(consent.body ?? '').required.sort(), ['launch', 'openid']);
      const tokens = await callback(stack, await allow(browser, consent), verifier);
      assert.equal(tokens['patient'], 'pat-0003');
      assert.equal(tokens['encounter'], encounter);
      assert.equal(tokens['need_patient_banner'], false);
      assert.equal(tokens['smart_style_url'], `${stack.origin}/ehr/smart-style.json`);
      const claims = decodeJwt(tokens.access_token);
      assert.equal(claims['patient'], 'pat-0003');
      assert.equal(claims['launch_response_encounter'], encounter);
      assert.equal(claims['launch_response_need_patient_banner'], false);

      const style = await fetch(String(tokens['smart_style_url']), {
        headers: { origin: APP_ORIGIN },
      });
      assert.equal(style.headers.get('access-control-allow-origin'), APP_ORIGIN);
      assert.ok(((await style.json()) as Record<string, string>)['color_background']);

      const refreshed = await postForm(`${stack.issuer}/v1/token`, {
        grant_type: 'refresh_token',
        client_id: '0oalocalfhirokta0spa',
        refresh_token: tokens.refresh_token ?? '',
      });
      const again = (await refreshed.json()) as LaunchTokens;
      assert.equal(again['patient'], 'pat-0003');
      assert.equal(decodeJwt(again.access_token)['patient'], 'pat-0003');
    });

    test('"Okta without token proxy" puts the context in the access token only', async () => {
      const { browser, launch } = await ehrLaunch(stack, 'clinician@example.com', {
        patient: 'pat-0004',
        accessTokenOnly: true,
      });
      const { page: consent, verifier } = await authorize(browser, stack, {
        scope: 'openid launch user/*.read',
        launch,
      });
      const tokens = await callback(stack, await allow(browser, consent), verifier);
      for (const field of ['patient', 'encounter', 'need_patient_banner', 'smart_style_url'])
        assert.equal(tokens[field], undefined, field);
      const claims = decodeJwt(tokens.access_token);
      assert.equal(claims['launch_response_patient'], 'pat-0004');
      assert.equal(claims['patient'], 'pat-0004');
    });

    test('consent given once in a session is not asked again for the same scopes', async () => {
      const { browser, launch } = await ehrLaunch(stack, 'clinician@example.com', {
        patient: 'pat-0005',
      });
      const scope = 'openid launch user/Patient.rs';
      const first = await authorize(browser, stack, { scope, launch });
      await callback(stack, await allow(browser, first.page), first.verifier);
      const next = await launchFromEhr(browser, stack, { patient: 'pat-0006' });
      const second = await authorize(browser, stack, {
        scope,
        launch: next.searchParams.get('launch') ?? '',
      });
      const tokens = await callback(stack, second.page, second.verifier);
      assert.equal(tokens['patient'], 'pat-0006');
    });

    test('a replayed launch is refused with a sentence, not a loop', async () => {
      const { browser, launch } = await ehrLaunch(stack, 'clinician@example.com', {
        patient: 'pat-0002',
      });
      const scope = 'openid launch user/*.rs';
      const first = await authorize(browser, stack, { scope, launch });
      await callback(stack, await allow(browser, first.page), first.verifier);
      const replay = await authorize(browser, stack, { scope, launch });
      assert.deepEqual(callbackError(replay.page), {
        error: 'invalid_request',
        description:
          'This launch has expired or was already used. Open fhirokta from the EHR again.',
      });
    });

    test('a forged launch is refused the same way', async () => {
      const browser = new Browser();
      await signInToEhr(browser, stack, 'clinician@example.com');
      const forged = await authorize(browser, stack, {
        scope: 'openid launch user/*.rs',
        launch: 'A'.repeat(43),
      });
      assert.equal(callbackError(forged.page).error, 'invalid_request');
      assert.match(callbackError(forged.page).description ?? '', /expired or was already used/);
    });

    test('a launch started by another user is refused, after sign-in too', async () => {
      const { launch } = await ehrLaunch(stack, 'clinician@example.com', { patient: 'pat-0002' });
      const scope = 'openid launch user/*.rs';
      // Signed in as someone else already: refused before any page.
      const other = new Browser();
      await signInToEhr(other, stack, 'frontdesk@example.com');
      const early = await authorize(other, stack, { scope, launch });
      assert.match(callbackError(early.page).description ?? '', /started by another user/);
      // Not signed in: the sign-in page first, then refused once the user is known.
      const late = await authorize(
        new Browser(),
        stack,
        { scope, launch },
        'frontdesk@example.com',
      );
      assert.match(callbackError(late.page).description ?? '', /started by another user/);
    });

    test('launch and aud mistakes are invalid_request; an unconfigured scope is invalid_scope', async () => {
      const browser = new Browser();
      await signInToEhr(browser, stack, 'clinician@example.com');
      const cases: [Record<string, string>, string, RegExp][] = [
        [{ scope: 'openid launch user/*.rs' }, 'invalid_request', /needs the 'launch' parameter/],
        [{ scope: 'openid launch/patient', aud: '' }, 'invalid_request', /'aud' parameter/],
        [
          { scope: 'openid launch/patient', aud: `${stack.fhirBase}.evil.test` },
          'invalid_request',
          /must be this server's FHIR base/,
        ],
        [{ scope: 'openid user/*.rs', launch: 'x' }, 'invalid_request', /needs the 'launch' scope/],
        [{ scope: 'openid launch/encounter' }, 'invalid_scope', /not configured/],
      ];
      for (const [params, error, description] of cases) {
        const { page } = await authorize(browser, stack, params);
        const got = callbackError(page);
        assert.equal(got.error, error, JSON.stringify(params));
        assert.match(got.description ?? '', description);
      }
      const slash = await authorize(browser, stack, {
        scope: 'openid launch/patient',
        aud: `${stack.fhirBase}/`,
      });
      assert.match(
        slash.page.body ?? '',
        /Choose a patient/,
        'one trailing slash is the same base',
      );
    });

    test('a launch asked with prompt=none gets consent_required', async () => {
      const { browser, launch } = await ehrLaunch(stack, 'clinician@example.com', {
        patient: 'pat-0002',
      });
      const { page } = await authorize(browser, stack, {
        scope: 'openid launch user/*.rs',
        launch,
        prompt: 'none',
      });
      assert.equal(callbackError(page).error, 'consent_required');
    });
  });

  describe('ordinary sign-ins stay as they were', () => {
    test('after a launch, a plain sign-in in the same browser shows no page and carries no patient', async () => {
      const { browser, launch } = await ehrLaunch(stack, 'clinician@example.com', {
        patient: 'pat-0002',
      });
      const smart = await authorize(browser, stack, { scope: 'openid launch user/*.rs', launch });
      await callback(stack, await allow(browser, smart.page), smart.verifier);
      const plain = await authorize(browser, stack, {
        scope: 'openid profile offline_access user/*.read',
        aud: '',
      });
      const tokens = await callback(stack, plain.page, plain.verifier);
      assert.equal(tokens['patient'], undefined);
      assert.equal(decodeJwt(tokens.access_token)['patient'], undefined);
      assert.ok(tokens.refresh_token, 'offline_access as before: no consent page');
    });

    test('signing out ends the launch grants of the session', async () => {
      const { browser, launch } = await ehrLaunch(stack, 'clinician@example.com', {
        patient: 'pat-0002',
      });
      const smart = await authorize(browser, stack, {
        scope: 'openid launch offline_access user/*.rs',
        launch,
      });
      const tokens = await callback(stack, await allow(browser, smart.page), smart.verifier);
      // A plain sign-in afterwards takes the session's place for the client...
      const plain = await authorize(browser, stack, { scope: 'openid user/*.read', aud: '' });
      const later = await callback(stack, plain.page, plain.verifier);
      // ...and signing out still ends the launch's grant.
      const logout = new URL(`${stack.issuer}/v1/logout`);
      logout.searchParams.set('id_token_hint', later.id_token ?? '');
      logout.searchParams.set('post_logout_redirect_uri', APP_ORIGIN);
      const confirm = await browser.navigate(logout.href);
      const fields = Object.fromEntries(
        [
          ...(confirm.body ?? '').matchAll(
            /<input type="hidden"[^>]*name="([^"]+)" value="([^"]*)"/g,
          ),
        ].map((m) => [m[1], m[2]]),
      );
      await browser.submit(
        formAction(confirm.body ?? '', confirm.url),
        fields as Record<string, string>,
      );
      const refresh = await postForm(`${stack.issuer}/v1/token`, {
        grant_type: 'refresh_token',
        client_id: '0oalocalfhirokta0spa',
        refresh_token: tokens.refresh_token ?? '',
      });
      assert.equal(refresh.status, 400);
      assert.equal(((await refresh.json()) as { error: string }).error, 'invalid_grant');
    });
  });
});
