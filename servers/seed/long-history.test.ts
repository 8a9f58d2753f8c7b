import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { loadResources, seedStore } from '../fhir/seed-store.ts';
import { FhirStore } from '../fhir/store/store.ts';
import { DEFAULT_END, generateResources } from './generate.ts';
import type { Observation } from '../../src/app/fhir/fhir-types.ts';
import { LONG_HISTORY_PATIENT, longHistoryResources } from './long-history.ts';

type Json = Record<string, unknown>;

const options = { observations: 2_003, seed: 42, end: DEFAULT_END };
const digest = (resources: Iterable<Json>) => {
  const hash = createHash('sha256');
  for (const r of resources) hash.update(JSON.stringify(r));
  return hash.digest('hex');
};

describe('the long-history patient', () => {
  const all = [...longHistoryResources(options)];
  const observations = all.filter((r): r is Observation => r.resourceType === 'Observation');

  it('is the same for the same seed, and another for another', () => {
    assert.equal(digest(longHistoryResources(options)), digest(all));
    assert.notEqual(digest(longHistoryResources({ ...options, seed: 43 })), digest(all));
  });

  it('has exactly the observations asked for: five vital signs every five minutes or so', () => {
    assert.equal(observations.length, 2_003);
    const codes = observations.map((o) => o.code?.coding?.[0]?.code);
    assert.deepEqual(new Set(codes), new Set(['85354-9', '8867-4', '9279-1', '8310-5', '59408-5']));
    const times = observations.map((o) => Date.parse(String(o.effectiveDateTime)));
    const rounds = [...new Set(times)];
    const gaps = rounds.slice(1).map((t, i) => (t - (rounds[i] ?? t)) / 60_000);
    assert.ok(
      gaps.every((minutes) => minutes >= 4 && minutes <= 6),
      'every ~5 minutes',
    );
    assert.ok(
      (rounds.at(-1) ?? 0) < DEFAULT_END.getTime(),
      'ends before the seed ends, as every seeded date does',
    );
    const subjects = new Set(observations.map((o) => JSON.stringify(o.subject)));
    assert.deepEqual(
      [...subjects],
      [JSON.stringify({ reference: `Patient/${LONG_HISTORY_PATIENT}` })],
    );
  });

  it('numbers its observations in time order, with unique ids', () => {
    const ids = observations.map((o) => String(o.id));
    assert.equal(new Set(ids).size, ids.length);
    assert.deepEqual(ids, [...ids].sort());
    const times = observations.map((o) => String(o.effectiveDateTime));
    assert.deepEqual(times, [...times].sort());
  });

  it('has peaks and troughs: a thinned trend must keep them', () => {
    const heartRates = observations
      .filter((o) => o.code?.coding?.[0]?.code === '8867-4')
      .map((o) => Number(o.valueQuantity?.value));
    assert.ok(Math.max(...heartRates) - Math.min(...heartRates) > 20);
  });

  it('leaves the seeded patients as they were, and goes into a seeded store beside them', () => {
    const dir = mkdtempSync(join(tmpdir(), 'seed-long-'));
    const store = new FhirStore(join(dir, 'fhir.sqlite'));
    try {
      const seeded = { patients: 3, seed: 42 };
      seedStore(store, seeded);
      const stored = (id: string) => store.read('Observation', id)?.json;
      const firstSeeded = stored('obs-0001-0001');
      loadResources(store, longHistoryResources(options));
      const generated = [...generateResources(seeded)];
      const seededObservations = generated.filter((r) => r.resourceType === 'Observation');
      assert.equal(store.count('Observation'), seededObservations.length + 2_003);
      assert.equal(stored('obs-0001-0001'), firstSeeded);
      assert.equal(store.read('Patient', LONG_HISTORY_PATIENT)?.id, LONG_HISTORY_PATIENT);
    } finally {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
