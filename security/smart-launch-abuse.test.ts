/**
 * The local authorization server's SMART App Launch, attacked as an outside reviewer would: launch
 * contexts redeemed twice at once, `aud` look-alikes, launches without `state` or PKCE, input
 * reflected into the picker, consent and simulator pages, tampered consent and picker forms, the
 * token response's context against the access token's, refresh tokens that try to widen a launch,
 * oversized searches and form bodies, and what the servers log meanwhile. Everything runs against the
 * real authorization and FHIR servers on free ports.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { decodeJwt } from 'jose';
import { loggerOf } from '../protocol/logger.ts';
import { Browser, CLIENT_ID, authorizeUrl, pkce, postForm } from '../test-support/auth.ts';
import {
  allow,
  authorize,
  callback,
  callbackError,
  ehrLaunch,
  hiddenField,
  launchFromEhr,
  pickerChoices,
  postFrom,
  startSmartStack,
  type LaunchTokens,
  type Page,
  type SmartStack,
} from '../test-support/smart-stack.ts';
import { findLeaks } from './log-scan.ts';

const CLINICIAN = 'clinician@example.com';
const FRONT_DESK = 'frontdesk@example.com';
const PATIENT_USER = 'patient@example.com';
const EHR_SCOPE = 'openid fhirUser launch offline_access user/*.rs';
const STANDALONE_SCOPE = 'openid fhirUser launch/patient offline_access patient/*.rs';

const formOf = (page: Page) => {
  const match = /<form method="post" action="([^"]+)">/.exec(page.body ?? '');
  if (!match?.[1]) throw new Error(`no form on ${page.url}`);
  return new URL(match[1].replaceAll('&#38;', '&'), page.url).href;
};

/** The page's consent or picker form, posted with `fields` as the page's own origin would. */
const post = (browser: Browser, url: string, fields: [string, string][]) =>
  postFrom(browser, url, fields);

/** A standalone launch up to the consent page, the patient chosen on the picker. */
async function toConsent(stack: SmartStack, login: string, scope: string, patient?: string) {
  const browser = new Browser();
  const { page, verifier } = await authorize(browser, stack, { scope }, login);
  if (!patient) return { browser, consent: page, verifier };
  const consent = await post(browser, `${formOf(page)}`.replace(/\/consent$/, '/patient'), [
    ['patient', patient],
  ]);
  return { browser, consent, verifier };
}

const lines: string[] = [];
const capture = loggerOf((level, message) => lines.push(`${level} ${message}`));

describe('SMART launch, attacked', () => {
  let stack: SmartStack;
  before(async () => {
    stack = await startSmartStack({ logger: capture });
  });
  after(() => stack.close());

  describe('launch contexts', () => {
    test('two consents posted at once for the same launch: exactly one gets a code', async () => {
      const { browser, launch } = await ehrLaunch(stack, CLINICIAN, { patient: 'pat-0002' });
      const one = await authorize(browser, stack, { scope: EHR_SCOPE, launch });
      const two = await authorize(browser, stack, { scope: EHR_SCOPE, launch });
      assert.match(one.page.body ?? '', /Allow fhirokta/);
      assert.match(two.page.body ?? '', /Allow fhirokta/);
      const pages = await Promise.all([allow(browser, one.page), allow(browser, two.page)]);
      const codes = pages.filter((p) => new URL(p.url).searchParams.has('code'));
      assert.equal(codes.length, 1, pages.map((p) => p.url).join('\n'));
      const refused = pages.find((p) => !new URL(p.url).searchParams.has('code'));
      assert.equal(callbackError(refused as Page).error, 'invalid_request');
    });

    test('two authorize requests at once with a remembered consent: exactly one gets a code', async () => {
      const first = await ehrLaunch(stack, CLINICIAN, { patient: 'pat-0002' });
      const earlier = await authorize(first.browser, stack, {
        scope: EHR_SCOPE,
        launch: first.launch,
      });
      await allow(first.browser, earlier.page);
      const opened = await launchFromEhr(first.browser, stack, { patient: 'pat-0003' });
      const launch = opened.searchParams.get('launch') ?? '';
      const pages = await Promise.all([
        authorize(first.browser, stack, { scope: EHR_SCOPE, launch }),
        authorize(first.browser, stack, { scope: EHR_SCOPE, launch }),
      ]);
      const codes = pages.filter((p) => new URL(p.page.url).searchParams.has('code'));
      assert.equal(codes.length, 1, pages.map((p) => p.page.url).join('\n'));
    });
  });

  describe('aud', () => {
    test('look-alikes of the FHIR base are refused; one trailing slash is not a look-alike', async () => {
      const base = new URL(stack.fhirBase);
      const lookAlikes = [
        `${stack.fhirBase}.evil.test`,
        `${stack.fhirBase}//`,
        `${stack.fhirBase}/../x`,
        `${stack.fhirBase}?x=1`,
        `${stack.fhirBase}#x`,
        `${base.protocol}//user@${base.host}${base.pathname}`,
        `${base.protocol}//${base.host}${base.pathname.toUpperCase()}`,
        `https://${base.host}${base.pathname}`,
        ` ${stack.fhirBase}`,
      ];
      for (const aud of lookAlikes) {
        const { page } = await authorize(new Browser(), stack, {
          scope: STANDALONE_SCOPE,
          aud,
        });
        assert.equal(callbackError(page).error, 'invalid_request', aud);
      }
    });
  });

  describe('state and PKCE on launches', () => {
    test('a launch without state, without PKCE or with plain PKCE is refused', async () => {
      const { browser, launch } = await ehrLaunch(stack, CLINICIAN, { patient: 'pat-0002' });
      const { challenge } = pkce();
      const base = {
        scope: EHR_SCOPE,
        launch,
        aud: stack.fhirBase,
        code_challenge: challenge,
        code_challenge_method: 'S256',
      };
      const noState = new URL(authorizeUrl(stack.issuer, base));
      noState.searchParams.delete('state');
      const noPkce = new URL(authorizeUrl(stack.issuer, base));
      noPkce.searchParams.delete('code_challenge');
      noPkce.searchParams.delete('code_challenge_method');
      const plain = new URL(
        authorizeUrl(stack.issuer, { ...base, code_challenge_method: 'plain' }),
      );
      for (const url of [noState, noPkce, plain]) {
        const page = await browser.navigate(url.href);
        assert.equal(callbackError(page).error, 'invalid_request', url.href);
      }
      // The launch was not used up by the refused requests.
      const good = await authorize(browser, stack, { scope: EHR_SCOPE, launch });
      assert.match(good.page.body ?? '', /Allow fhirokta/);
    });
  });

  describe('the pages', () => {
    test('picker, consent and simulator pages: input escaped, strict CSP, never framed or cached', async () => {
      const evil = `"><script>alert(1)</script><img src=x onerror=alert(1)>`;
      const browser = new Browser();
      const { page } = await authorize(browser, stack, { scope: STANDALONE_SCOPE }, CLINICIAN);
      const picker = await browser.request(`${page.url}?name=${encodeURIComponent(evil)}`);
      const consent = (await toConsent(stack, CLINICIAN, STANDALONE_SCOPE, 'pat-0002')).consent;
      const ehr = await ehrLaunch(stack, CLINICIAN, { patient: 'pat-0002' });
      const simulator = await ehr.browser.request(
        `${stack.origin}/ehr?name=${encodeURIComponent(evil)}`,
      );
      const consentRes = await browser.request(consent.url);
      for (const res of [picker, simulator, consentRes]) {
        const html = await res.text();
        assert.ok(!html.includes('<script>alert'), res.url);
        assert.ok(!html.includes('<img src=x'), res.url);
        const csp = res.headers.get('content-security-policy') ?? '';
        assert.match(csp, /frame-ancestors 'none'/, res.url);
        assert.match(csp, /script-src 'none'/, res.url);
        assert.equal(res.headers.get('cache-control'), 'no-store', res.url);
      }
    });
  });

  describe('consent and picker tampering', () => {
    test('scopes added to the consent form are not granted; required ones cannot be dropped', async () => {
      const { browser, consent, verifier } = await toConsent(
        stack,
        FRONT_DESK,
        'openid launch/patient user/Patient.rs user/Observation.rs',
        'pat-0002',
      );
      const page = await post(browser, formOf(consent), [
        ['patient', hiddenField(consent.body ?? '', 'patient')],
        ['scope', 'user/Observation.rs'],
        ['scope', 'user/*.cruds'],
        ['scope', 'system/*.rs'],
        ['scope', 'user/Patient.rs'],
        ['decision', 'allow'],
      ]);
      const tokens = await callback(stack, page, verifier);
      assert.deepEqual(tokens.scope?.split(' ').sort(), [
        'launch/patient',
        'openid',
        'user/Patient.rs',
      ]);
    });

    test('a patient-bound user cannot pick another patient by posting the picker form', async () => {
      const { browser, consent, verifier } = await toConsent(stack, PATIENT_USER, STANDALONE_SCOPE);
      assert.match(consent.body ?? '', /Allow fhirokta/);
      const picked = await post(browser, formOf(consent).replace(/\/consent$/, '/patient'), [
        ['patient', 'pat-0002'],
      ]);
      assert.equal(picked.res?.status, 400);
      const tokens = await callback(stack, await allow(browser, consent), verifier);
      assert.equal(tokens['patient'], 'pat-0001');
      assert.equal(decodeJwt(tokens.access_token)['patient'], 'pat-0001');
    });

    test('a patient picked after the consent page was shown is not the one granted unseen', async () => {
      const { browser, consent, verifier } = await toConsent(
        stack,
        CLINICIAN,
        STANDALONE_SCOPE,
        'pat-0002',
      );
      assert.match(consent.body ?? '', /Allow fhirokta/);
      // Another tab (or a forged post) changes the choice behind the consent page the user reads.
      await post(browser, formOf(consent).replace(/\/consent$/, '/patient'), [
        ['patient', 'pat-0003'],
      ]);
      const again = await allow(browser, consent);
      assert.equal(hiddenField(again.body ?? '', 'patient'), 'pat-0003', 'asked again, naming it');
      const tokens = await callback(stack, await allow(browser, again), verifier);
      assert.equal(tokens['patient'], 'pat-0003');
    });
    test('the launch forms do nothing while the sign-in is still asked for (prompt=login)', async () => {
      const { browser, launch } = await ehrLaunch(stack, CLINICIAN, { patient: 'pat-0002' });
      const { page } = await authorize(browser, stack, {
        scope: EHR_SCOPE,
        launch,
        prompt: 'login',
      });
      assert.match(page.body ?? '', /id="password"/, 'the sign-in page is shown first');
      const posts: [string, [string, string][]][] = [
        [
          'consent',
          [
            ['patient', 'pat-0002'],
            ['decision', 'allow'],
          ],
        ],
        ['patient', [['patient', 'pat-0003']]],
      ];
      for (const [step, fields] of posts) {
        const early = await post(browser, `${page.url}/${step}`, fields);
        assert.equal(early.res?.status, 400, step);
      }
      // The launch is still there for the real consent.
      const again = await authorize(browser, stack, { scope: EHR_SCOPE, launch });
      assert.match(again.page.body ?? '', /Allow fhirokta/);
    });
  });

  describe('the context in the token response and in the access token', () => {
    const agree = (tokens: LaunchTokens) => {
      const claims = decodeJwt(tokens.access_token);
      assert.equal(claims['patient'], tokens['patient']);
      assert.equal(claims['launch_response_patient'], tokens['patient']);
    };

    test('they agree for EHR and standalone launches, and after refresh', async () => {
      const ehr = await ehrLaunch(stack, CLINICIAN, { patient: 'pat-0003' });
      const a = await authorize(ehr.browser, stack, { scope: EHR_SCOPE, launch: ehr.launch });
      const fromEhr = await callback(stack, await allow(ehr.browser, a.page), a.verifier);
      const alone = await toConsent(stack, CLINICIAN, STANDALONE_SCOPE, 'pat-0002');
      const fromPicker = await callback(
        stack,
        await allow(alone.browser, alone.consent),
        alone.verifier,
      );
      for (const [tokens, patient] of [
        [fromEhr, 'pat-0003'],
        [fromPicker, 'pat-0002'],
      ] as const) {
        assert.equal(tokens['patient'], patient);
        agree(tokens);
        const refreshed = await postForm(`${stack.issuer}/v1/token`, {
          grant_type: 'refresh_token',
          client_id: CLIENT_ID,
          refresh_token: tokens.refresh_token ?? '',
        });
        const again = (await refreshed.json()) as LaunchTokens;
        assert.equal(again['patient'], patient);
        agree(again);
      }
    });

    test('a refresh cannot widen a launch, and a narrowed refresh keeps its patient', async () => {
      const alone = await toConsent(stack, CLINICIAN, STANDALONE_SCOPE, 'pat-0002');
      const tokens = await callback(
        stack,
        await allow(alone.browser, alone.consent, ['patient/*.rs']),
        alone.verifier,
      );
      assert.ok(!tokens.scope?.includes('patient/'), tokens.scope);
      const refresh = (scope: string) =>
        postForm(`${stack.issuer}/v1/token`, {
          grant_type: 'refresh_token',
          client_id: CLIENT_ID,
          refresh_token: tokens.refresh_token ?? '',
          scope,
        });
      for (const wider of ['openid patient/*.rs', 'openid user/*.rs', 'openid launch']) {
        const res = await refresh(wider);
        assert.equal(res.status, 400, wider);
        assert.equal(((await res.json()) as { error: string }).error, 'invalid_scope');
      }
      const narrow = await refresh('openid');
      const narrowed = (await narrow.json()) as LaunchTokens;
      assert.equal(narrow.status, 200);
      assert.equal(narrowed['patient'], 'pat-0002');
      agree(narrowed);
    });
  });

  describe('launch grants and ordinary sign-ins', () => {
    test('after a standalone launch, an ordinary sign-in carries no patient', async () => {
      const alone = await toConsent(stack, CLINICIAN, STANDALONE_SCOPE, 'pat-0002');
      await callback(stack, await allow(alone.browser, alone.consent), alone.verifier);
      const plain = await authorize(alone.browser, stack, { scope: 'openid user/*.rs' });
      const tokens = await callback(stack, plain.page, plain.verifier);
      assert.equal(decodeJwt(tokens.access_token)['patient'], undefined);
      assert.equal(tokens['patient'], undefined);
    });

    test('after an ordinary sign-in, a launch still asks: prompt=none gets consent_required', async () => {
      const browser = new Browser();
      const plain = await authorize(browser, stack, { scope: 'openid user/*.rs' }, CLINICIAN);
      await callback(stack, plain.page, plain.verifier);
      const { page } = await authorize(browser, stack, {
        scope: STANDALONE_SCOPE,
        prompt: 'none',
      });
      assert.equal(callbackError(page).error, 'consent_required');
    });
  });

  describe('sizes', () => {
    test('a 1 MB search term or form body is refused in words, never a 500', async () => {
      const browser = new Browser();
      const { page } = await authorize(browser, stack, { scope: STANDALONE_SCOPE }, CLINICIAN);
      const huge = 'a'.repeat(1024 * 1024);
      const search = await browser.request(`${page.url}?name=${huge}`);
      assert.ok(search.status >= 400 && search.status < 500, String(search.status));
      const long = await browser.request(`${page.url}?name=${'Smith'.repeat(2000)}`);
      assert.equal(long.status, 200);
      const body = await browser.request(formOf(page), {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin: stack.origin },
        body: `patient=${huge}`,
      });
      assert.equal(body.status, 400);
      assert.match(await body.text(), /not well-formed/);
      // The picker still works afterwards.
      const again = await browser.request(page.url);
      assert.ok(pickerChoices(await again.text()).length > 0);
    });
  });

  describe('what the servers log', () => {
    test('no tokens, launch ids, patient names or search terms in the log', async () => {
      const browser = new Browser();
      const { page } = await authorize(browser, stack, { scope: STANDALONE_SCOPE }, CLINICIAN);
      const names = pickerChoices(page.body ?? '').flatMap((c) => c.words.split(/[\s,·]+/));
      assert.ok(names.length > 0);
      const leaks = findLeaks([{ name: 'auth log', text: lines.join('\n') }], names);
      assert.deepEqual(leaks, []);
      assert.ok(!lines.some((l) => /pat-\d{4}|launch=|name=/.test(l)), lines.join('\n'));
    });
  });

  test('.well-known/smart-configuration claims only what the local issuer answers', async () => {
    const res = await fetch(`${stack.fhirBase}/.well-known/smart-configuration`);
    const conf = (await res.json()) as Record<string, unknown>;
    const issuer = await fetch(`${stack.issuer}/.well-known/openid-configuration`);
    const oidc = (await issuer.json()) as Record<string, unknown>;
    for (const key of [
      'issuer',
      'jwks_uri',
      'authorization_endpoint',
      'token_endpoint',
      'revocation_endpoint',
      'introspection_endpoint',
      'userinfo_endpoint',
    ])
      assert.equal(conf[key], oidc[key], key);
    // Every advertised scope at once is accepted (the issuer refuses unknown ones as invalid_scope);
    // `launch` only with a launch from the EHR, so it is left to the EHR launch tests.
    const all = (conf['scopes_supported'] as string[]).filter((s) => s !== 'launch').join(' ');
    const { page } = await authorize(new Browser(), stack, { scope: all }, CLINICIAN);
    assert.match(page.body ?? '', /Choose a patient/);
    assert.deepEqual(conf['code_challenge_methods_supported'], ['S256']);
  });
});
