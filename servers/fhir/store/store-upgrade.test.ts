import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { parseSearch } from '../search/parse.ts';
import { INDEX_VERSION } from './schema.ts';
import { FhirStore } from './store.ts';

describe('a data directory written by an older version', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fhir-upgrade-'));
  const file = join(dir, 'fhir.sqlite');
  after(() => rmSync(dir, { recursive: true, force: true }));

  const ids = (
    store: FhirStore,
    type: 'Patient' | 'Observation' | 'Condition',
    query: [string, string][],
  ): string[] => store.search(parseSearch(type, query, true), {}).rows.map((r) => r.id);

  it('opens, is reindexed once, and then searches and sorts as a new one does', () => {
    const fresh = new FhirStore(file);
    assert.equal(fresh.reindexed, undefined, 'an empty store has nothing to reindex');
    fresh.put({
      resourceType: 'Patient',
      id: 'upgrade-b',
      name: [
        { use: 'old', family: 'Aaronson' },
        { use: 'official', family: 'Upgradeb' },
      ],
    });
    fresh.put({ resourceType: 'Patient', id: 'upgrade-a', name: [{ family: 'Upgradea' }] });
    fresh.put({
      resourceType: 'Observation',
      id: 'upgrade-obs',
      status: 'final',
      code: { coding: [{ system: 'http://loinc.org', code: '8867-4', display: 'Heart rate' }] },
      subject: { reference: 'Patient/upgrade-a' },
    });
    // What the version before index versions left: the sort key of the first name, no text index.
    fresh.db.exec(`
      UPDATE patient SET family = 'aaronson';
      DROP TABLE observation_text;
      DROP TABLE token_text;
      PRAGMA user_version = 0;
    `);
    fresh.close();

    const upgraded = new FhirStore(file);
    assert.deepEqual(
      { ...upgraded.reindexed, ms: 0 },
      { from: 0, to: INDEX_VERSION, resources: 3, ms: 0 },
    );
    assert.deepEqual(ids(upgraded, 'Patient', [['_sort', 'name']]), ['upgrade-a', 'upgrade-b']);
    assert.deepEqual(ids(upgraded, 'Patient', [['family', 'upgrade']]).sort(), [
      'upgrade-a',
      'upgrade-b',
    ]);
    assert.deepEqual(ids(upgraded, 'Observation', [['code:text', 'heart']]), ['upgrade-obs']);
    upgraded.close();

    const again = new FhirStore(file);
    assert.equal(again.reindexed, undefined, 'reindexed once, not at every start');
    again.close();
  });

  it('index version 2 to 3: chart resources stored before their index existed become searchable', () => {
    const store = new FhirStore(file);
    store.put({
      resourceType: 'Condition',
      id: 'upgrade-cond',
      subject: { reference: 'Patient/upgrade-a' },
      code: { coding: [{ system: 'http://snomed.info/sct', code: '38341003' }] },
      onsetDateTime: '2021-05-01',
    });
    // What version 2 left: no chart tables at all.
    store.db.exec(`
      DROP TABLE clinical;
      DROP TABLE clinical_token;
      DROP TABLE clinical_date;
      DROP TABLE clinical_ref;
      PRAGMA user_version = 2;
    `);
    store.close();
    const upgraded = new FhirStore(file);
    assert.equal(upgraded.reindexed?.from, 2);
    assert.deepEqual(
      ids(upgraded, 'Condition', [
        ['patient', 'upgrade-a'],
        ['code', '38341003'],
        ['onset-date', '2021'],
      ]),
      ['upgrade-cond'],
    );
    upgraded.close();
  });

  it('index version 3 to 4: observations stored before the encounter index are found by encounter', () => {
    const store = new FhirStore(file);
    store.put({
      resourceType: 'Observation',
      id: 'upgrade-visit-obs',
      status: 'final',
      code: { coding: [{ system: 'http://loinc.org', code: '9279-1' }] },
      subject: { reference: 'Patient/upgrade-a' },
      encounter: { reference: 'Encounter/upgrade-visit' },
    });
    // What version 3 left: no observation_ref table.
    store.db.exec(`
      DROP TABLE observation_ref;
      PRAGMA user_version = 3;
    `);
    store.close();
    const upgraded = new FhirStore(file);
    assert.equal(upgraded.reindexed?.from, 3);
    assert.equal(upgraded.reindexed?.to, INDEX_VERSION);
    for (const query of [
      [['encounter', 'upgrade-visit']],
      [
        ['patient', 'upgrade-a'],
        ['encounter', 'Encounter/upgrade-visit'],
      ],
    ] as [string, string][][]) {
      assert.deepEqual(ids(upgraded, 'Observation', query), ['upgrade-visit-obs']);
    }
    upgraded.close();
    const again = new FhirStore(file);
    assert.equal(again.reindexed, undefined, 'reindexed once, not at every start');
    again.close();
  });

  it("index version 4 to 5: each resource belongs to its type's patient element, for read and search alike", () => {
    const store = new FhirStore(file);
    store.put({
      resourceType: 'Immunization',
      id: 'upgrade-imm',
      patient: { reference: 'Patient/upgrade-b' },
      subject: { reference: 'Patient/upgrade-a' },
    });
    // What version 4 stored: the compartment from `subject`, whatever the type's patient element.
    store.db.exec(`
      UPDATE resource SET compartment = 'upgrade-a' WHERE id = 'upgrade-imm';
      PRAGMA user_version = 4;
    `);
    store.close();
    const upgraded = new FhirStore(file);
    assert.equal(upgraded.reindexed?.from, 4);
    const found = upgraded.read('Immunization', 'upgrade-imm');
    assert.ok(found && upgraded.inCompartment(found, 'upgrade-b'));
    assert.ok(!upgraded.inCompartment(found, 'upgrade-a'));
    const search = (compartment: string): string[] =>
      upgraded
        .search(parseSearch('Immunization', [['_id', 'upgrade-imm']], true), { compartment })
        .rows.map((r) => r.id);
    assert.deepEqual(search('upgrade-b'), ['upgrade-imm']);
    assert.deepEqual(search('upgrade-a'), []);
    upgraded.close();
  });

  it('refuses a file indexed by a newer version instead of misreading it', () => {
    const store = new FhirStore(file);
    store.db.pragma(`user_version = ${INDEX_VERSION + 1}`);
    store.close();
    assert.throws(() => new FhirStore(file), /newer version/);
  });
});
