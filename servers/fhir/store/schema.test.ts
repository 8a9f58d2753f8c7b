import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { schema } from './schema.ts';

type Db = InstanceType<typeof Database>;

/** A table as SQLite reports it: its columns (name, type, NOT NULL, place in the key) and indexes. */
function layout(db: Db, table: string) {
  const columns = db.pragma(`table_info(${table})`) as {
    name: string;
    type: string;
    notnull: number;
    pk: number;
  }[];
  const indexes = db.pragma(`index_list(${table})`) as { name: string; origin: string }[];
  const [list] = db.pragma(`table_list(${table})`) as { wr: number }[];
  return {
    columns: columns.map(
      (c) => `${c.name} ${c.type}${c.notnull ? ' NOT NULL' : ''}${c.pk ? ` key ${c.pk}` : ''}`,
    ),
    withoutRowid: list?.wr === 1,
    indexes: Object.fromEntries(
      indexes
        .filter((i) => i.origin === 'c')
        .map((i) => [
          i.name,
          (db.pragma(`index_info(${i.name})`) as { name: string | null }[]).map(
            (c) => c.name ?? 'expression',
          ),
        ]),
    ),
  };
}

// Index version 6's layout: a store written before these tables were generated per family must read
// the same, so any change here needs INDEX_VERSION bumped.
describe('the observation and clinical index tables', () => {
  const db = new Database(':memory:');
  db.exec(schema);

  it('hold one row per resource with its patient and date, Observation with its status', () => {
    assert.deepEqual(layout(db, 'observation'), {
      columns: [
        'rid INTEGER key 1',
        'patient TEXT',
        'date_lo INTEGER',
        'date_hi INTEGER',
        'status TEXT',
        'last_updated INTEGER NOT NULL',
      ],
      withoutRowid: false,
      indexes: {
        observation_by_patient_date: ['patient', 'date_lo', 'rid'],
        observation_by_date: ['date_lo', 'rid'],
        observation_by_patient_span: ['patient', 'expression'],
      },
    });
    assert.deepEqual(layout(db, 'clinical'), {
      columns: [
        'rid INTEGER key 1',
        'type TEXT NOT NULL',
        'patient TEXT',
        'date_lo INTEGER',
        'date_hi INTEGER',
        'last_updated INTEGER NOT NULL',
      ],
      withoutRowid: false,
      indexes: {
        clinical_by_patient_date: ['type', 'patient', 'date_lo', 'rid'],
        clinical_by_date: ['type', 'date_lo', 'rid'],
      },
    });
  });

  it('keep tokens and references in one layout for both families', () => {
    for (const family of ['observation', 'clinical']) {
      assert.deepEqual(layout(db, `${family}_token`), {
        columns: [
          'rid INTEGER NOT NULL key 1',
          'param TEXT NOT NULL key 2',
          'system TEXT NOT NULL key 4',
          'code TEXT NOT NULL key 3',
        ],
        withoutRowid: true,
        indexes: { [`${family}_token_by_code`]: ['param', 'code', 'system'] },
      });
      assert.deepEqual(layout(db, `${family}_ref`), {
        columns: [
          'rid INTEGER NOT NULL key 1',
          'param TEXT NOT NULL key 2',
          'target TEXT NOT NULL key 3',
        ],
        withoutRowid: true,
        indexes: { [`${family}_ref_by_target`]: ['param', 'target'] },
      });
    }
  });
});
