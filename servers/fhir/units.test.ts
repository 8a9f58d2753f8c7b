import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseSmartScopes } from '../../protocol/smart-scopes.ts';
import { authorize, authorizeSomeWrite } from './auth/scopes.ts';
import { createVerifiedCache } from './auth/token.ts';
import { parseFhirDate } from './dates.ts';
import { InsufficientScope } from './errors.ts';
import { normalizeText } from './text.ts';

describe('FHIR dates as ranges', () => {
  it('reads partial dates as the whole period they name (UTC)', () => {
    assert.deepEqual(parseFhirDate('2024'), {
      lo: Date.UTC(2024, 0, 1),
      hi: Date.UTC(2025, 0, 1) - 1,
    });
    assert.deepEqual(parseFhirDate('2024-02'), {
      lo: Date.UTC(2024, 1, 1),
      hi: Date.UTC(2024, 2, 1) - 1,
    });
    assert.deepEqual(parseFhirDate('2024-02-29'), {
      lo: Date.UTC(2024, 1, 29),
      hi: Date.UTC(2024, 2, 1) - 1,
    });
  });

  it('applies time zones and precision', () => {
    const t = Date.UTC(2024, 0, 1, 9, 30, 0);
    assert.deepEqual(parseFhirDate('2024-01-01T10:30:00+01:00'), { lo: t, hi: t + 999 });
    assert.deepEqual(parseFhirDate('2024-01-01T09:30Z'), { lo: t, hi: t + 59_999 });
    assert.deepEqual(parseFhirDate('2024-01-01T09:30:00.250Z'), { lo: t + 250, hi: t + 250 });
  });

  it('rejects what is not a date', () => {
    for (const bad of [
      '2023-02-29',
      '2024-13',
      '24',
      '2024-01-01T25:00Z',
      'yesterday',
      '2024-1-1',
    ]) {
      assert.equal(parseFhirDate(bad), undefined, bad);
    }
  });
});

describe('SMART scopes', () => {
  it('v1 and v2 forms both allow what they say, and a granular scope allows nothing here', () => {
    const grants = parseSmartScopes(
      'openid user/Patient.read patient/*.rs system/Observation.cruds junk/x.read',
    );
    assert.deepEqual(authorize(grants, 'Patient', 'search', undefined), {});
    assert.deepEqual(authorize(grants, 'Observation', 'write', undefined), {});
    assert.throws(() => authorize(grants, 'Patient', 'write', undefined), InsufficientScope);
    const granular = parseSmartScopes('user/*.rs?category=laboratory');
    assert.throws(() => authorize(granular, 'Observation', 'search', undefined), InsufficientScope);
    assert.throws(() => authorizeSomeWrite(parseSmartScopes('user/*.cu?x=y')), InsufficientScope);
  });

  it('prefers user scopes over patient scopes, and needs the patient claim for the latter', () => {
    const both = parseSmartScopes('patient/*.read user/Patient.read');
    assert.deepEqual(authorize(both, 'Patient', 'read', 'pat-0001'), {});
    assert.deepEqual(authorize(both, 'Observation', 'search', 'pat-0001'), {
      compartment: 'pat-0001',
    });
    assert.throws(() => authorize(both, 'Observation', 'search', undefined), InsufficientScope);
    const patientOnly = parseSmartScopes('patient/*.read');
    assert.deepEqual(authorize(patientOnly, 'Medication', 'read', 'pat-0001'), {});
    assert.throws(() => authorize(patientOnly, 'Medication', 'read', undefined), InsufficientScope);
    assert.throws(
      () => authorize(parseSmartScopes('patient/*.*'), 'Patient', 'write', 'p'),
      InsufficientScope,
    );
  });
});

describe('text normalisation for search', () => {
  it('folds case, accents and a few letters NFD cannot split', () => {
    assert.equal(normalizeText('  Núñez  Ødegaard '), 'nunez odegaard');
    assert.equal(normalizeText('Dvořák'), 'dvorak');
    assert.equal(normalizeText('Straße'), 'strasse');
  });
});

describe('verified-token cache', () => {
  it('serves a token only until it expires (plus the leeway)', (t) => {
    t.mock.timers.enable({ apis: ['Date'], now: 1_000_000_000_000 });
    const cache = createVerifiedCache();
    const exp = Math.floor(Date.now() / 1000) + 10;
    const identity = { sub: 'x', clientId: 'c', scope: '', grants: [] };
    cache.set('token-a', { payload: { sub: 'x', exp }, identity });
    assert.equal(cache.get('token-a')?.identity.sub, 'x');
    t.mock.timers.tick(69_000);
    assert.equal(cache.get('token-a')?.identity.sub, 'x', 'still inside the 60 s leeway');
    t.mock.timers.tick(2_000);
    assert.equal(cache.get('token-a'), undefined);
    assert.equal(cache.get('token-b'), undefined);
  });
});
