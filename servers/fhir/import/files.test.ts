import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { FhirStore } from '../store/store.ts';
import { importJson } from './files.ts';

type Json = Record<string, unknown>;

const patient = (uuid: string): Json => ({
  fullUrl: `urn:uuid:${uuid}`,
  resource: { resourceType: 'Patient', name: [{ family: 'Collected' }] },
});
const condition = (subject: string, code = '38341003'): Json => ({
  resource: {
    resourceType: 'Condition',
    subject: { reference: subject },
    code: { coding: [{ system: 'http://snomed.info/sct', code }] },
  },
});

describe('importing files: what is stored and what is skipped, by type', () => {
  let dir: string;
  let store: FhirStore;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'fhir-import-'));
    store = new FhirStore(join(dir, 'fhir.sqlite'));
  });
  after(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a collection Bundle loads its entries, references between them resolved', () => {
    const uuid = crypto.randomUUID();
    const report = importJson(
      store,
      {
        resourceType: 'Bundle',
        type: 'collection',
        entry: [
          patient(uuid),
          condition(`urn:uuid:${uuid}`),
          { resource: { resourceType: 'Claim', status: 'active' } },
        ],
      },
      'collection.json',
    );
    assert.equal(report.error, undefined);
    assert.deepEqual(report.loaded, { Patient: 1, Condition: 1 });
    assert.deepEqual(report.skipped, { 'Claim: not stored by this server': 1 });
  });

  it('a searchset Bundle loads its matches and says it left out the OperationOutcome', () => {
    const report = importJson(
      store,
      {
        resourceType: 'Bundle',
        type: 'searchset',
        entry: [
          { ...condition('Patient/imp-p1'), search: { mode: 'match' } },
          {
            fullUrl: 'http://example.org/fhir/Patient/imp-p1',
            resource: { resourceType: 'Patient', id: 'imp-p1' },
            search: { mode: 'include' },
          },
          {
            resource: { resourceType: 'OperationOutcome', issue: [] },
            search: { mode: 'outcome' },
          },
        ],
      },
      'searchset.json',
    );
    // The match comes before its patient: the Bundle's own patients count.
    assert.deepEqual(report.loaded, { Condition: 1, Patient: 1 });
    assert.deepEqual(report.skipped, { 'OperationOutcome: not stored by this server': 1 });
    const orphan = importJson(
      store,
      { resourceType: 'Bundle', type: 'searchset', entry: [condition('Patient/nobody')] },
      'searchset.json',
    );
    assert.deepEqual(orphan.loaded, {});
    assert.deepEqual(orphan.skipped, {
      'Condition: Condition.subject references a Patient this server does not have': 1,
    });
  });

  it('a broken transaction file leaves nothing half-written', () => {
    const before = ['Patient', 'Condition', 'Immunization'].map((t) => store.count(t));
    const report = importJson(
      store,
      {
        resourceType: 'Bundle',
        type: 'transaction',
        entry: [
          { ...patient(crypto.randomUUID()), request: { method: 'POST', url: 'Patient' } },
          {
            resource: {
              resourceType: 'Immunization',
              status: 'completed',
              patient: { reference: 'Patient/nobody' },
            },
            request: { method: 'POST', url: 'Immunization' },
          },
        ],
      },
      'broken.json',
    );
    assert.match(report.error ?? '', /Immunization\.patient references a Patient/);
    assert.deepEqual(report.loaded, {});
    assert.deepEqual(
      ['Patient', 'Condition', 'Immunization'].map((t) => store.count(t)),
      before,
    );
  });

  it('a single chart resource loads, and one without a patient is reported with its type', () => {
    const ok = importJson(store, condition('Patient/imp-p1', '44054006')['resource'], 'one.json');
    assert.deepEqual(ok.loaded, { Condition: 1 });
    const orphan = importJson(
      store,
      { resourceType: 'Goal', lifecycleStatus: 'active', subject: { reference: 'Group/g' } },
      'goal.json',
    );
    assert.deepEqual(orphan.loaded, {});
    assert.deepEqual(orphan.skipped, { 'Goal: Goal.subject must reference a Patient': 1 });
  });

  it('a file whose Bundle or entries are odd shapes is reported, and its good entries still load', () => {
    for (const [body, error] of [
      [{ resourceType: 'Bundle', type: 'collection', entry: 'x' }, 'Bundle.entry must be an array'],
      [
        { resourceType: 'Bundle', type: 'transaction', entry: { x: 1 } },
        'Bundle.entry must be an array',
      ],
    ] as const) {
      assert.equal(importJson(store, body, 'odd.json').error, error);
    }
    const report = importJson(
      store,
      {
        resourceType: 'Bundle',
        type: 'collection',
        entry: [null, 7, { resource: null }, { resource: 'Patient' }, patient(crypto.randomUUID())],
      },
      'entries.json',
    );
    assert.equal(report.error, undefined);
    assert.deepEqual(report.loaded, { Patient: 1 });
    assert.deepEqual(report.skipped, { 'an entry without a resource: nothing to store': 4 });
  });

  it("an unexpected error in one entry of a batch is that entry's 500; the others load and the file goes on", () => {
    // A store that fails on one resource as a full disk or a bug would: not a refusal it knows.
    const flaky = Object.create(store) as FhirStore;
    flaky.put = (resource, options) => {
      if (resource['id'] === 'unexpected') throw new TypeError('simulated');
      return store.put(resource, options);
    };
    const entries = [
      { resourceType: 'Patient', id: 'unexpected' },
      { resourceType: 'Patient', id: 'after-it' },
    ];
    const batch = importJson(
      flaky,
      {
        resourceType: 'Bundle',
        type: 'collection',
        entry: entries.map((resource) => ({ resource })),
      },
      'flaky.json',
    );
    assert.deepEqual(batch.loaded, { Patient: 1 });
    assert.deepEqual(batch.skipped, { 'Patient: Internal server error': 1 });
    assert.ok(store.read('Patient', 'after-it') && !store.read('Patient', 'unexpected'));
    const transaction = importJson(
      flaky,
      {
        resourceType: 'Bundle',
        type: 'transaction',
        entry: [{ resourceType: 'Patient', id: 'tx-before' }, entries[0]].map((resource) => ({
          resource,
          request: { method: 'PUT', url: `Patient/${String(resource?.['id'])}` },
        })),
      },
      'flaky-transaction.json',
    );
    assert.equal(transaction.error, 'an unexpected TypeError');
    assert.equal(store.read('Patient', 'tx-before'), undefined, 'the transaction rolled back');
  });
});
