/**
 * SMART standalone launch against the real authorization server and the real FHIR server: sign-in, the
 * patient picker (or a patient-bound user's own patient), consent with scopes unticked, and the patient
 * in the token response and the access token.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { decodeJwt } from 'jose';
import {
  Browser,
  FHIR_BASE,
  PASSWORD,
  authorizeUrl,
  formAction,
  pkce,
  startTestServer,
} from '../../test-support/auth.ts';
import {
  allow,
  authorize,
  callback,
  callbackError,
  consentScopes,
  pickerChoices,
  postFrom,
  startSmartStack,
  type SmartStack,
} from '../../test-support/smart-stack.ts';
import { hashPassword } from './passwords.ts';

const STANDALONE =
  'openid fhirUser launch/patient offline_access user/Patient.rs user/Condition.rs';

describe('standalone launch', () => {
  let stack: SmartStack;
  before(async () => {
    stack = await startSmartStack();
  });
  after(() => stack.close());

  test('a clinician signs in, picks a patient by name, unticks scopes and gets the patient', async () => {
    const browser = new Browser();
    const { page: picker, verifier } = await authorize(
      browser,
      stack,
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
    const tokens = await callback(stack, done, verifier);
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
      stack,
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
    const tokens = await callback(stack, await allow(browser, consent), verifier);
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
      stack,
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
  test('Cancel on the picker goes back to the app with access_denied', async () => {
    const browser = new Browser();
    const { page: picker } = await authorize(
      browser,
      stack,
      { scope: 'openid launch/patient user/Patient.rs' },
      'clinician@example.com',
    );
    const cancel = [...(picker.body ?? '').matchAll(/<form method="post" action="([^"]+)">/g)].at(
      -1,
    )?.[1];
    assert.ok(cancel?.endsWith('/consent'), 'the last form is Cancel');
    const cancelled = await postFrom(browser, new URL(cancel ?? '', picker.url).href, [
      ['decision', 'deny'],
    ]);
    assert.equal(callbackError(cancelled).error, 'access_denied');
  });
});

test('a user who may open no patient record is told so at once, not shown an empty picker', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'fhirokta-users-'));
  const usersFile = join(dataDir, 'users.json');
  const researcher = {
    id: '00ulocal0researcher1',
    login: 'researcher@example.com',
    givenName: 'Robin',
    familyName: 'Researcher',
    passwordHash: await hashPassword(PASSWORD),
    allowedScopes: ['user/Observation.read'],
  };
  await writeFile(usersFile, JSON.stringify({ users: [researcher] }));
  const server = await startTestServer({ usersFile });
  try {
    const { challenge } = pkce();
    const browser = new Browser();
    const start = await browser.navigate(
      authorizeUrl(server.issuer, {
        code_challenge: challenge,
        code_challenge_method: 'S256',
        scope: 'openid launch/patient user/Observation.rs',
        aud: FHIR_BASE,
      }),
    );
    const done = await browser.submit(formAction(start.body ?? '', start.url), {
      username: researcher.login,
      password: PASSWORD,
    });
    const params = new URL(done.url).searchParams;
    assert.equal(params.get('error'), 'access_denied');
    assert.match(params.get('error_description') ?? '', /may not open patients’ records/);
  } finally {
    await server.close();
    await rm(dataDir, { recursive: true, force: true });
  }
});
