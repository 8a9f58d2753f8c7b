import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, beforeEach, describe, test } from 'node:test';
import {
  createLaunchContexts,
  LAUNCH_REFUSED,
  type LaunchChoice,
  type LaunchContexts,
} from './launch-contexts.ts';
import { launchClaims, launchResponse } from './launch-grants.ts';
import { describeScope } from './scope-words.ts';
import { openStore, type Store } from './store.ts';

const CHOICE: LaunchChoice = {
  patient: 'pat-0007',
  needPatientBanner: false,
  accessTokenOnly: false,
};
const SPA = '0oalocalfhirokta0spa';
const CLINICIAN = '00ulocal0clinician01';
const TTL_SECONDS = 300;

describe('launch contexts: single use, short-lived, bound to client and user', () => {
  let dir: string;
  let store: Store;
  let clock: number;
  let contexts: LaunchContexts;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'fhirokta-launch-'));
    store = openStore(dir);
  });
  after(async () => {
    store.close();
    await rm(dir, { recursive: true, force: true });
  });
  beforeEach(() => {
    clock = Date.now();
    contexts = createLaunchContexts(store, TTL_SECONDS, () => clock);
  });

  test('a launch is redeemed once by its client and user, then refused as used', () => {
    const id = contexts.create(CHOICE, SPA, CLINICIAN);
    const first = contexts.redeem(id, SPA, CLINICIAN);
    assert.equal(first.ok, true);
    assert.equal(first.ok && first.context.patient, 'pat-0007');
    assert.deepEqual(contexts.redeem(id, SPA, CLINICIAN), {
      ok: false,
      reason: LAUNCH_REFUSED.unusable,
    });
    assert.deepEqual(contexts.check(id, SPA), { ok: false, reason: LAUNCH_REFUSED.unusable });
  });

  test('checking a launch does not use it up', () => {
    const id = contexts.create(CHOICE, SPA, CLINICIAN);
    assert.equal(contexts.check(id, SPA).ok, true);
    assert.equal(contexts.check(id, SPA, CLINICIAN).ok, true);
    assert.equal(contexts.redeem(id, SPA, CLINICIAN).ok, true);
  });

  test('a launch expires after its lifetime', () => {
    const id = contexts.create(CHOICE, SPA, CLINICIAN);
    clock += TTL_SECONDS * 1000 - 1;
    assert.equal(contexts.check(id, SPA, CLINICIAN).ok, true);
    clock += 1;
    assert.deepEqual(contexts.redeem(id, SPA, CLINICIAN), {
      ok: false,
      reason: LAUNCH_REFUSED.unusable,
    });
  });

  test('another client or another user is refused, and the launch still works for its own', () => {
    const id = contexts.create(CHOICE, SPA, CLINICIAN);
    assert.deepEqual(contexts.redeem(id, '0oaothercustomclient', CLINICIAN), {
      ok: false,
      reason: LAUNCH_REFUSED.otherClient,
    });
    assert.deepEqual(contexts.redeem(id, SPA, '00ulocal0frontdesk01'), {
      ok: false,
      reason: LAUNCH_REFUSED.otherUser,
    });
    assert.equal(contexts.redeem(id, SPA, CLINICIAN).ok, true);
  });

  test('forged launch ids are refused like used ones', () => {
    const real = contexts.create(CHOICE, SPA, CLINICIAN);
    const forged = [
      '',
      'x',
      `${real.slice(0, -1)}${real.endsWith('A') ? 'B' : 'A'}`,
      '../../records',
      `${real}' OR 1=1 --`,
    ];
    for (const id of forged)
      assert.deepEqual(contexts.check(id, SPA), { ok: false, reason: LAUNCH_REFUSED.unusable }, id);
  });

  test('launch ids are long random strings, different every time', () => {
    const ids = new Set(Array.from({ length: 50 }, () => contexts.create(CHOICE, SPA, CLINICIAN)));
    assert.equal(ids.size, 50);
    for (const id of ids) assert.match(id, /^[A-Za-z0-9_-]{43}$/);
  });
});

describe('where a launch context goes', () => {
  const full: LaunchChoice = {
    patient: 'pat-0003',
    encounter: 'enc-0003-2',
    needPatientBanner: false,
    styleUrl: 'http://localhost:4300/ehr/smart-style.json',
    accessTokenOnly: false,
  };

  test('the token response names patient, encounter, banner and style as SMART does', () => {
    assert.deepEqual(launchResponse(full), {
      patient: 'pat-0003',
      encounter: 'enc-0003-2',
      need_patient_banner: false,
      smart_style_url: 'http://localhost:4300/ehr/smart-style.json',
    });
    assert.deepEqual(launchResponse(CHOICE), { patient: 'pat-0007', need_patient_banner: false });
  });

  test('the access token carries patient and a launch_response_ copy of each field', () => {
    assert.deepEqual(launchClaims(full, undefined), {
      patient: 'pat-0003',
      launch_response_patient: 'pat-0003',
      launch_response_encounter: 'enc-0003-2',
      launch_response_need_patient_banner: false,
      launch_response_smart_style_url: 'http://localhost:4300/ehr/smart-style.json',
    });
  });

  test("a patient-bound user's patient claim stays their own", () => {
    assert.equal(launchClaims(full, 'pat-0001')['patient'], 'pat-0001');
  });
});

describe('scopes in words on the consent page', () => {
  test('sign-in and the launch are required; everything else may be unticked', () => {
    for (const scope of ['openid', 'launch', 'launch/patient'])
      assert.equal(describeScope(scope).required, true, scope);
    for (const scope of ['profile', 'fhirUser', 'offline_access', 'user/Condition.rs'])
      assert.equal(describeScope(scope).required, false, scope);
  });

  test('resource scopes say what, which records and whose, v1 and v2 alike', () => {
    assert.equal(
      describeScope('user/Condition.rs').words,
      'Read and search condition records of every patient you may see',
    );
    assert.equal(
      describeScope('user/AllergyIntolerance.read').words,
      'Read and search allergy intolerance records of every patient you may see',
    );
    assert.equal(
      describeScope('patient/Observation.r').words,
      'Read observation records of the chosen patient only',
    );
    assert.equal(
      describeScope('patient/*.s').words,
      'Search every kind of record of the chosen patient only',
    );
    assert.match(describeScope('offline_access').words, /until you sign out/);
  });
});
