import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { parseSearch } from '../search/parse.ts';
import type { SearchScope } from '../search/types.ts';
import { buildSearchSql } from './search-sql.ts';
import { FhirStore } from './store.ts';

/** SQLite's plan for an Observation search, one step a line (`SEARCH o USING ...`). */
function plan(store: FhirStore, query: [string, string][], scope: SearchScope = {}): string[] {
  const built = buildSearchSql(parseSearch('Observation', query, true), scope);
  const rows = store.db.prepare(`EXPLAIN QUERY PLAN ${built.page}`).all(...built.params, 10, 0) as {
    detail: string;
  }[];
  return rows.map((r) => r.detail);
}

describe('Observation search by encounter uses an index', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fhir-plan-'));
  const store = new FhirStore(join(dir, 'fhir.sqlite'));
  after(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const scansObservations = (steps: string[]): boolean =>
    steps.some((s) => /^SCAN (o|observation)\b/.test(s));

  it("with a patient: walks that patient's observations, never the whole table", () => {
    for (const [query, scope] of [
      [
        [
          ['patient', 'p-1'],
          ['encounter', 'e-1,e-2'],
        ],
        {},
      ],
      [[['encounter', 'e-1']], { compartment: 'p-1' }],
    ] as [[string, string][], SearchScope][]) {
      const steps = plan(store, query, scope);
      assert.ok(!scansObservations(steps), steps.join('\n'));
      assert.ok(
        steps.some((s) => s.includes('observation_by_patient_date (patient=?)')),
        steps.join('\n'),
      );
    }
  });

  it('without a patient: finds the encounter through its own index', () => {
    const steps = plan(store, [['encounter', 'Encounter/e-1']]);
    assert.ok(!scansObservations(steps), steps.join('\n'));
    assert.ok(
      steps.some((s) => s.includes('observation_ref_by_target (param=? AND target=?)')),
      steps.join('\n'),
    );
  });
});
