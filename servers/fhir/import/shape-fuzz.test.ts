import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { FhirError } from '../errors.ts';
import { clinical, clinicalTypes } from '../search/clinical.ts';
import { patientElement } from '../store/compartment.ts';
import { INDEX_VERSION } from '../store/schema.ts';
import { FhirStore } from '../store/store.ts';
import { oddShape, random, wellFormed } from '../../../test-support/fuzz-shapes.ts';
import { processBundle } from './process.ts';
import { indexedElements } from './shapes.ts';

type Json = Record<string, unknown>;

/** Cases per served type; with the fixed seed the run is the same every time, in about a second. */
const CASES = 60;
const SEED = 20_251_205;

const entry = (resource: Json): Json => ({
  resource,
  request: { method: 'PUT', url: `${String(resource['resourceType'])}/${String(resource['id'])}` },
});

describe('generated odd shapes for every served type (fixed seed)', () => {
  let dir: string;
  let store: FhirStore;
  const file = (): string => join(dir, 'fhir.sqlite');
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'fhir-fuzz-'));
    store = new FhirStore(file());
    store.put(wellFormed('fuzz-p')[0] as Json);
  });
  after(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** The patient each index row says, next to the compartment a read checks: they must agree. */
  const disagreements = (): unknown[] =>
    store.db
      .prepare(
        `SELECT r.type, r.id FROM resource r LEFT JOIN clinical c ON c.rid = r.rid
         LEFT JOIN observation o ON o.rid = r.rid
         WHERE (c.rid IS NOT NULL AND c.patient IS NOT r.compartment)
            OR (o.rid IS NOT NULL AND o.patient IS NOT r.compartment)`,
      )
      .all();

  it('the indexes take any shape stored before writes were checked, and a reindex too', () => {
    const rand = random(SEED);
    for (const [t, resource] of wellFormed('fuzz-p').entries()) {
      for (let n = 0; n < CASES; n++) {
        const odd: Json = { ...oddShape(resource, rand), id: `old-${t}-${n}` };
        assert.doesNotThrow(() => store.put(odd), JSON.stringify(odd));
      }
    }
    store.db.pragma(`user_version = ${INDEX_VERSION - 1}`);
    store.close();
    store = new FhirStore(file());
    assert.ok((store.reindexed?.resources ?? 0) > CASES);
    assert.deepEqual(disagreements(), []);
  });

  it('a batch answers each odd entry with 2xx or 4xx, stores exactly the entries it accepted, and never a 500', () => {
    const rand = random(SEED + 1);
    for (const [t, resource] of wellFormed('fuzz-p').entries()) {
      for (let n = 0; n < CASES; n++) {
        const good = { resourceType: 'Patient', id: `good-${t}-${n}` };
        const odd: Json = { ...oddShape(resource, rand), id: `batch-${t}-${n}` };
        const said = JSON.stringify(odd);
        const result = processBundle(store, {
          resourceType: 'Bundle',
          type: 'batch',
          entry: [entry(good), entry(odd)],
        });
        const statuses = (result.response['entry'] as { response: { status: string } }[]).map(
          (e) => e.response.status,
        );
        assert.equal(statuses[0], '201 Created', said);
        assert.match(statuses[1] ?? '', /^(201|4\d\d) /, said);
        const stored = store.read(String(odd['resourceType']), String(odd['id']));
        assert.equal(stored !== undefined, statuses[1]?.startsWith('201'), said);
      }
    }
    assert.deepEqual(disagreements(), []);
  });

  it('a transaction with an odd entry is written whole or not at all, with a 4xx and never a 500', () => {
    const rand = random(SEED + 2);
    for (const [t, resource] of wellFormed('fuzz-p').entries()) {
      for (let n = 0; n < CASES; n++) {
        const good = { resourceType: 'Patient', id: `tx-good-${t}-${n}` };
        const odd: Json = { ...oddShape(resource, rand), id: `tx-${t}-${n}` };
        const said = JSON.stringify(odd);
        let status = 200;
        try {
          processBundle(store, {
            resourceType: 'Bundle',
            type: 'transaction',
            entry: [entry(good), entry(odd)],
          });
        } catch (e) {
          assert.ok(e instanceof FhirError, `${String(e)}: ${said}`);
          status = e.status;
        }
        assert.ok(status === 200 || (status >= 400 && status < 500), `${status}: ${said}`);
        const written = [
          store.read('Patient', String(good['id'])),
          store.read(String(odd['resourceType']), String(odd['id'])),
        ];
        assert.deepEqual(
          written.map((w) => w !== undefined),
          [status === 200, status === 200],
          said,
        );
      }
    }
    assert.deepEqual(disagreements(), []);
  });
});

describe('the declared shapes', () => {
  it('cover every element an index reads, so a new search parameter cannot skip the write check', () => {
    const suffixes = ['DateTime', 'Period', 'Instant', 'Date'];
    for (const type of clinicalTypes) {
      const d = clinical[type];
      const paths = [d.date, ...d.otherDates, ...d.tokens, ...d.references].flatMap((p) => p.paths);
      const declared = indexedElements[type] ?? {};
      for (const path of [...paths, patientElement[type]]) {
        const names = path.endsWith('[x]') ? suffixes.map((s) => path.slice(0, -3) + s) : [path];
        assert.ok(
          names.some((name) => name in declared),
          `${type}.${path} has no shape in import/shapes.ts`,
        );
      }
    }
    assert.ok('subject' in (indexedElements['Observation'] ?? {}));
  });
});
