/**
 * SMART App Launch against the real authorization server and the real FHIR server: standalone
 * through the picker and consent, EHR launch from the simulator, the context in the token response
 * and the access token, and every way a `launch` is refused.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { decodeJwt } from 'jose';
import {
  APP_ORIGIN,
  Browser,
  PASSWORD,
  authorizeUrl,
  exchangeCode,
  formAction,
  pkce,
  postForm,
  type TokenResponse,
} from '../../test-support/auth.ts';
import {
  consentScopes,
  launchFromEhr,
  pickerChoices,
  postFrom,
  signInToEhr,
  startSmartStack,
  type SmartStack,
} from '../../test-support/smart-stack.ts';

type Page = Awaited<ReturnType<Browser['navigate']>>;
type LaunchTokens = TokenResponse & Record<string, unknown>;

const STANDALONE =
  'openid fhirUser launch/patient offline_access user/Patient.rs user/Condition.rs';

describe('SMART App Launch', () => {
  let stack: SmartStack;
  before(async () => {
    stack = await startSmartStack();
  });
  after(() => stack.close());

  /** Starts an authorization; signs in on the hosted page when it asks. */
  async function authorize(
    browser: Browser,
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

  /** Allows on the consent page, leaving out the scopes in `untick`. */
  function allow(browser: Browser, consent: Page, untick: string[] = []): Promise<Page> {
    const { optional } = consentScopes(consent.body ?? '');
    const fields: [string, string][] = optional
      .filter((s) => !untick.includes(s))
      .map((s) => ['scope', s]);
    return postFrom(browser, formAction(consent.body ?? '', consent.url), [
      ...fields,
      ['decision', 'allow'],
    ]);
  }

  /** The app's callback: the code exchanged, or the error it carries. */
  async function callback(page: Page, verifier: string): Promise<LaunchTokens> {
    const url = new URL(page.url);
    assert.ok(page.url.startsWith(`${APP_ORIGIN}/login/callback`), `at the app: ${page.url}`);
    const code = url.searchParams.get('code');
    assert.ok(code, `a code, not ${url.search}`);
    const { status, body } = await exchangeCode(stack.issuer, code, verifier);
    assert.equal(status, 200);
    return body as LaunchTokens;
  }

  function callbackError(page: Page): { error: string | null; description: string | null } {
    assert.ok(page.url.startsWith(`${APP_ORIGIN}/login/callback`), `back at the app: ${page.url}`);
    const params = new URL(page.url).searchParams;
    return { error: params.get('error'), description: params.get('error_description') };
  }

  /** An EHR launch from the simulator, signed in there as `login`: the launch id and a browser. */
  async function ehrLaunch(login: string, options: Parameters<typeof launchFromEhr>[2]) {
    const browser = new Browser();
    await signInToEhr(browser, stack, login);
    const opened = await launchFromEhr(browser, stack, options);
    return { browser, opened, launch: opened.searchParams.get('launch') ?? '' };
  }

  describe('standalone launch', () => {
    test('a clinician signs in, picks a patient by name, unticks scopes and gets the patient', async () => {
      const browser = new Browser();
      const { page: picker, verifier } = await authorize(
        browser,
        { scope: STANDALONE },
        'clinician@example.com',
      );
      assert.match(picker.body ?? '', /<h1>Choose a patient<\/h1>/);
      const everyone = pickerChoices(picker.body ?? '');
      assert.ok(everyone.length > 1, 'the first page lists patients');
      assert.match(picker.body ?? '', /The first 20 of \d+ patients, by name/);

      // Search by the first letters of a listed patient's family name.
      const family = (everyone[0]?.words ?? '').split(' born')[0]?.split(' ').at(-1) ?? '';
      const query = family.slice(0, 3);
      const found = await browser.navigate(`${picker.url}?name=${encodeURIComponent(query)}`);
      const matches = pickerChoices(found.body ?? '');
      assert.ok(matches.length >= 1);
      for (const match of matches) {
        const name = match.words.split(' born')[0] ?? '';
        assert.ok(
          name.split(' ').some((part) => part.toLowerCase().startsWith(query.toLowerCase())),
          `${name} matches ${query}`,
        );
      }
      const chosen = matches[0]?.id ?? '';

      const consent = await postFrom(browser, `${picker.url}/patient`, [['patient', chosen]]);
      assert.match(consent.body ?? '', /Allow fhirokta to open this record\?/);
      const scopes = consentScopes(consent.body ?? '');
      assert.deepEqual(scopes.required.sort(), ['launch/patient', 'openid']);
      assert.deepEqual(scopes.optional.sort(), [
        'fhirUser',
        'offline_access',
        'user/Condition.rs',
        'user/Patient.rs',
      ]);

      const done = await allow(browser, consent, ['offline_access', 'user/Condition.rs']);
      const tokens = await callback(done, verifier);
      assert.equal(tokens['patient'], chosen);
      assert.equal(tokens['need_patient_banner'], true);
      assert.equal(tokens.refresh_token, undefined, 'offline_access was unticked');
      assert.deepEqual(tokens.scope.split(' ').sort(), [
        'fhirUser',
        'launch/patient',
        'openid',
        'user/Patient.rs',
      ]);
      const claims = decodeJwt(tokens.access_token);
      assert.equal(claims['patient'], chosen);
      assert.equal(claims['launch_response_patient'], chosen);
      assert.deepEqual((claims['scp'] as string[]).sort(), tokens.scope.split(' ').sort());
      assert.equal(claims['aud'], stack.fhirBase);
    });

    test('a patient-bound user gets their own patient with no picker', async () => {
      const browser = new Browser();
      const { page: consent, verifier } = await authorize(
        browser,
        {
          scope:
            'openid fhirUser launch/patient patient/Observation.rs patient/Patient.r user/Patient.rs',
        },
        'patient@example.com',
      );
      assert.doesNotMatch(consent.body ?? '', /Choose a patient/);
      assert.match(consent.body ?? '', /Allow fhirokta/);
      // user/Patient.rs is outside this user's allowance: it is not even offered.
      assert.deepEqual(consentScopes(consent.body ?? '').optional.sort(), [
        'fhirUser',
        'patient/Observation.rs',
        'patient/Patient.r',
      ]);
      const tokens = await callback(await allow(browser, consent), verifier);
      assert.equal(tokens['patient'], 'pat-0001');
      assert.equal(decodeJwt(tokens.access_token)['patient'], 'pat-0001');
      assert.equal(
        decodeJwt(tokens.id_token ?? '')['fhirUser'],
        `${stack.fhirBase}/Patient/pat-0001`,
      );
      // The FHIR server keeps the token in that compartment.
      const own = await fetch(`${stack.fhirBase}/Observation?patient=pat-0001&_count=1`, {
        headers: { authorization: `Bearer ${tokens.access_token}` },
      });
      assert.equal(own.status, 200);
      const other = await fetch(`${stack.fhirBase}/Patient/pat-0002`, {
        headers: { authorization: `Bearer ${tokens.access_token}` },
      });
      assert.notEqual(other.status, 200);
    });

    test('the picker refuses a patient the user may not see, and saying no ends in access_denied', async () => {
      const browser = new Browser();
      const { page: picker } = await authorize(
        browser,
        { scope: 'openid launch/patient user/Patient.rs' },
        'frontdesk@example.com',
      );
      assert.ok(pickerChoices(picker.body ?? '').length > 0, 'front desk may choose a patient');
      const refused = await postFrom(browser, `${picker.url}/patient`, [['patient', 'pat-nobody']]);
      assert.equal(refused.res?.status, 400);
      assert.match(refused.body ?? '', /role="alert">That patient was not found/);
      const chosen = pickerChoices(picker.body ?? '')[0]?.id ?? '';
      const consent = await postFrom(browser, `${picker.url}/patient`, [['patient', chosen]]);
      const denied = await postFrom(browser, formAction(consent.body ?? '', consent.url), [
        ['decision', 'deny'],
      ]);
      assert.deepEqual(callbackError(denied), {
        error: 'access_denied',
        description: 'You did not allow fhirokta to open the record.',
      });
    });
  });

  describe('EHR launch from the simulator', () => {
    test('the simulator opens the app with iss and an opaque launch', async () => {
      const { opened, launch } = await ehrLaunch('clinician@example.com', { patient: 'pat-0002' });
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
      const { page: consent, verifier } = await authorize(browser, {
        scope: 'openid fhirUser launch offline_access user/*.rs',
        launch: opened.searchParams.get('launch') ?? '',
      });
      assert.deepEqual(consentScopes(consent.body ?? '').required.sort(), ['launch', 'openid']);
      const tokens = await callback(await allow(browser, consent), verifier);
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
      const { browser, launch } = await ehrLaunch('clinician@example.com', {
        patient: 'pat-0004',
        accessTokenOnly: true,
      });
      const { page: consent, verifier } = await authorize(browser, {
        scope: 'openid launch user/*.read',
        launch,
      });
      const tokens = await callback(await allow(browser, consent), verifier);
      for (const field of ['patient', 'encounter', 'need_patient_banner', 'smart_style_url'])
        assert.equal(tokens[field], undefined, field);
      const claims = decodeJwt(tokens.access_token);
      assert.equal(claims['launch_response_patient'], 'pat-0004');
      assert.equal(claims['patient'], 'pat-0004');
    });

    test('consent given once in a session is not asked again for the same scopes', async () => {
      const { browser, launch } = await ehrLaunch('clinician@example.com', { patient: 'pat-0005' });
      const scope = 'openid launch user/Patient.rs';
      const first = await authorize(browser, { scope, launch });
      await callback(await allow(browser, first.page), first.verifier);
      const next = await launchFromEhr(browser, stack, { patient: 'pat-0006' });
      const second = await authorize(browser, {
        scope,
        launch: next.searchParams.get('launch') ?? '',
      });
      const tokens = await callback(second.page, second.verifier);
      assert.equal(tokens['patient'], 'pat-0006');
    });

    test('a replayed launch is refused with a sentence, not a loop', async () => {
      const { browser, launch } = await ehrLaunch('clinician@example.com', { patient: 'pat-0002' });
      const scope = 'openid launch user/*.rs';
      const first = await authorize(browser, { scope, launch });
      await callback(await allow(browser, first.page), first.verifier);
      const replay = await authorize(browser, { scope, launch });
      assert.deepEqual(callbackError(replay.page), {
        error: 'invalid_request',
        description:
          'This launch has expired or was already used. Open fhirokta from the EHR again.',
      });
    });

    test('a forged launch is refused the same way', async () => {
      const browser = new Browser();
      await signInToEhr(browser, stack, 'clinician@example.com');
      const forged = await authorize(browser, {
        scope: 'openid launch user/*.rs',
        launch: 'A'.repeat(43),
      });
      assert.equal(callbackError(forged.page).error, 'invalid_request');
      assert.match(callbackError(forged.page).description ?? '', /expired or was already used/);
    });

    test('a launch started by another user is refused, after sign-in too', async () => {
      const { launch } = await ehrLaunch('clinician@example.com', { patient: 'pat-0002' });
      const scope = 'openid launch user/*.rs';
      // Signed in as someone else already: refused before any page.
      const other = new Browser();
      await signInToEhr(other, stack, 'frontdesk@example.com');
      const early = await authorize(other, { scope, launch });
      assert.match(callbackError(early.page).description ?? '', /started by another user/);
      // Not signed in: the sign-in page first, then refused once the user is known.
      const late = await authorize(new Browser(), { scope, launch }, 'frontdesk@example.com');
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
        const { page } = await authorize(browser, params);
        const got = callbackError(page);
        assert.equal(got.error, error, JSON.stringify(params));
        assert.match(got.description ?? '', description);
      }
      const slash = await authorize(browser, {
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
      const { browser, launch } = await ehrLaunch('clinician@example.com', { patient: 'pat-0002' });
      const { page } = await authorize(browser, {
        scope: 'openid launch user/*.rs',
        launch,
        prompt: 'none',
      });
      assert.equal(callbackError(page).error, 'consent_required');
    });
  });

  describe('ordinary sign-ins stay as they were', () => {
    test('after a launch, a plain sign-in in the same browser shows no page and carries no patient', async () => {
      const { browser, launch } = await ehrLaunch('clinician@example.com', { patient: 'pat-0002' });
      const smart = await authorize(browser, { scope: 'openid launch user/*.rs', launch });
      await callback(await allow(browser, smart.page), smart.verifier);
      const plain = await authorize(browser, {
        scope: 'openid profile offline_access user/*.read',
        aud: '',
      });
      const tokens = await callback(plain.page, plain.verifier);
      assert.equal(tokens['patient'], undefined);
      assert.equal(decodeJwt(tokens.access_token)['patient'], undefined);
      assert.ok(tokens.refresh_token, 'offline_access as before: no consent page');
    });

    test('signing out ends the launch grants of the session', async () => {
      const { browser, launch } = await ehrLaunch('clinician@example.com', { patient: 'pat-0002' });
      const smart = await authorize(browser, {
        scope: 'openid launch offline_access user/*.rs',
        launch,
      });
      const tokens = await callback(await allow(browser, smart.page), smart.verifier);
      // A plain sign-in afterwards takes the session's place for the client...
      const plain = await authorize(browser, { scope: 'openid user/*.read', aud: '' });
      const later = await callback(plain.page, plain.verifier);
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
