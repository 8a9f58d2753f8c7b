import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { parseSearch } from '../search/parse.ts';
import type { SearchScope } from '../search/types.ts';
import { buildSearchSql } from './search-sql.ts';
import { FhirStore } from './store.ts';

/**
 * The planner's statistics (sqlite_stat1) as ANALYZE wrote them for the seeded store of 10,000
 * patients plus the long-history patient (`npm run seed -- --patients 10000 --long-history 100000`):
 * 1.25 M observations, 100,000 of them one patient's. The plans below are those SQLite chose on that
 * store itself (with its sqlite_stat4 samples too): `npm run bench:long-history-queries` prints them.
 */
const BIG_STORE_STATS: [table: string, index: string, stat: string][] = [
  ['observation', 'observation_by_date', '1247514 12 1'],
  ['observation', 'observation_by_patient_date', '1247514 125 12 1'],
  ['observation', 'observation_by_patient_span', '1247514 125 125'],
  ['observation_code_date', 'observation_code_date', '2495028 250 125 12 2 1'],
  ['observation_code_date', 'observation_code_date_by_rid', '2495028 2'],
  ['observation_ref', 'observation_ref', '1247514 1 1 1'],
  ['observation_ref', 'observation_ref_by_target', '1247514 1247514 14'],
  ['observation_text', 'observation_text', '2495028 2 1'],
  ['observation_text', 'observation_text_by_tid', '2495028 113411 1'],
  ['observation_token', 'observation_token', '2495028 2 1 1 1'],
  ['observation_token', 'observation_token_by_code', '2495028 1247514 113411 113411'],
];

const P = 'pat-long-0001';
const DAY: [string, string][] = [
  ['date', 'ge2026-10-29T00:00:00Z'],
  ['date', 'le2026-10-30T00:00:00Z'],
];
const NEWEST_200: [string, string][] = [
  ['_sort', '-date'],
  ['_count', '200'],
];

describe('Observation searches of a 100,000-observation history read only what they return', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fhir-long-plan-'));
  const store = new FhirStore(join(dir, 'fhir.sqlite'));
  store.db.exec('ANALYZE');
  store.db.exec('DELETE FROM sqlite_stat1');
  const insert = store.db.prepare('INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES (?, ?, ?)');
  for (const row of BIG_STORE_STATS) insert.run(...row);
  // Makes SQLite read the statistics again.
  store.db.exec('ANALYZE sqlite_schema');
  after(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** SQLite's plan for a search's page and its count, one step a line. */
  function plans(query: [string, string][], scope: SearchScope = {}): string[][] {
    const built = buildSearchSql(parseSearch('Observation', query, true), scope);
    const explain = (sql: string, ...extra: number[]) =>
      (
        store.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...built.params, ...extra) as {
          detail: string;
        }[]
      ).map((r) => r.detail);
    return [explain(built.page, 200, 0), explain(built.count)];
  }

  /** Each plan walks `range` of an index and nothing else of the observations: no scan, no sort. */
  function assertOnlyRange(query: [string, string][], range: RegExp, scope: SearchScope = {}) {
    for (const steps of plans(query, scope)) {
      const text = steps.join('\n');
      assert.ok(!steps.some((s) => /^SCAN (o|observation|t)\b/.test(s)), text);
      assert.ok(!text.includes('TEMP B-TREE'), text);
      assert.ok(
        steps.some((s) => range.test(s)),
        text,
      );
    }
  }

  const codeWindow =
    /^SEARCH o USING PRIMARY KEY \(patient=\? AND param=\? AND code=\? AND date_lo>\? AND date_lo<\?\)$/;

  it('by patient, code and a date window: one range of (patient, code, date), bounded both sides', () => {
    assertOnlyRange([['patient', P], ['code', '8867-4'], ...DAY, ...NEWEST_200], codeWindow);
    assertOnlyRange(
      [['patient', P], ['code', 'http://loinc.org|8867-4'], ...DAY, ...NEWEST_200],
      codeWindow,
    );
    assertOnlyRange([['code', '8867-4'], ...DAY, ...NEWEST_200], codeWindow, { compartment: P });
  });

  it('by patient, category and a date window: the same range, by category', () => {
    assertOnlyRange(
      [['patient', P], ['category', 'vital-signs'], ...DAY, ...NEWEST_200],
      codeWindow,
    );
  });

  it('by patient and a date window alone: the patient index, bounded both sides', () => {
    assertOnlyRange(
      [['patient', P], ...DAY, ...NEWEST_200],
      /^SEARCH o USING INDEX observation_by_patient_date \(patient=\? AND date_lo>\? AND date_lo<\?\)$/,
    );
  });

  it('newest first pages, with or without a code or category: the newest end of one range', () => {
    assertOnlyRange(
      [
        ['patient', P],
        ['_sort', '-date'],
        ['_count', '50'],
      ],
      /^SEARCH o USING COVERING INDEX observation_by_patient_(date|span) \(patient=\?\)$/,
    );
    for (const filter of [
      ['code', '8867-4'],
      ['category', 'vital-signs'],
    ] as [string, string][])
      assertOnlyRange(
        [['patient', P], filter, ['_sort', '-date'], ['_count', '50']],
        /^SEARCH o USING PRIMARY KEY \(patient=\? AND param=\? AND code=\?\)$/,
      );
  });
});
