import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { processBundle } from '../fhir/import/process.ts';
import { parseSearch } from '../fhir/search/parse.ts';
import type { SearchableType } from '../fhir/config.ts';
import { FhirStore } from '../fhir/store/store.ts';
import { generateResources } from './generate.ts';
import type { Encounter } from '../../src/app/fhir/fhir-types.ts';

describe('seeded charts through the FHIR import', () => {
  let dir: string;
  let store: FhirStore;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'seed-import-'));
    store = new FhirStore(join(dir, 'fhir.sqlite'));
  });
  after(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('imports every seeded resource as a transaction, and the chart queries find them', () => {
    const resources = [...generateResources({ patients: 3, seed: 20_240_601 })];
    const result = processBundle(store, {
      resourceType: 'Bundle',
      type: 'transaction',
      entry: resources.map((resource) => ({
        resource,
        request: {
          method: 'PUT',
          url: `${String(resource['resourceType'])}/${String(resource['id'])}`,
        },
      })),
    });
    assert.equal(
      Object.values(result.written).reduce((a, b) => a + b, 0),
      resources.length,
    );
    const encounter = resources.find(
      (r) =>
        r.resourceType === 'Encounter' &&
        (r as Encounter).subject?.reference === 'Patient/pat-0001',
    );
    const found = (path: string): number => {
      const [type = '', query = ''] = path.split('?');
      const parsed = parseSearch(type as SearchableType, [...new URLSearchParams(query)], true);
      return store.search(parsed, {}).rows.length;
    };
    for (const path of [
      'AllergyIntolerance?patient=pat-0001&_count=50',
      'Condition?patient=pat-0001&_sort=-onset-date&_count=100',
      'MedicationRequest?patient=pat-0001&_sort=-authoredon&_count=50&_include=MedicationRequest:medication',
      'Immunization?patient=pat-0001&_sort=-date&_count=50',
      'Procedure?patient=pat-0001&_sort=-date&_count=50',
      'Encounter?patient=pat-0001&_sort=-date&_count=20',
      'DiagnosticReport?patient=pat-0001&_sort=-date&_count=20&_include=DiagnosticReport:result',
      'DocumentReference?patient=pat-0001&_sort=-date&_count=20',
      'CarePlan?patient=pat-0001&_count=20',
      'Goal?patient=pat-0001&_count=20',
      'Observation?patient=pat-0001&category=vital-signs&_sort=-date&_count=100',
      `Condition?patient=pat-0001&encounter=${String(encounter?.['id'])}`,
    ]) {
      assert.ok(found(path) > 0, path);
    }
    assert.equal(found('AllergyIntolerance?patient=pat-0003'), 0, 'nothing recorded for pat-0003');
  });
});
