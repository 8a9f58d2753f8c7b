import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { parseSearch } from '../search/parse.ts';
import type { SearchScope } from '../search/types.ts';
import { FhirStore } from './store.ts';

type Json = Record<string, unknown>;

const LOINC = 'http://loinc.org';
const reading = (id: string, code: string, effective: Json, extra: Json = {}): Json => ({
  resourceType: 'Observation',
  id,
  status: 'final',
  subject: { reference: 'Patient/p-1' },
  category: [{ coding: [{ code: 'vital-signs' }] }],
  code: { coding: [{ system: LOINC, code }] },
  ...effective,
  ...extra,
});

/**
 * The searches that read one patient's observations by code or category and date window from their
 * own table (see observation-sql.ts) find exactly what the FHIR rules say, edge cases included.
 */
describe('Observation search by patient, code or category, and date window', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fhir-window-'));
  const store = new FhirStore(join(dir, 'fhir.sqlite'));
  after(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  store.transaction(() => {
    for (const r of [
      reading('hr-1', '8867-4', { effectiveDateTime: '2026-10-29T10:00:00Z' }),
      reading('hr-2', '8867-4', { effectiveDateTime: '2026-10-30T10:00:00Z' }),
      reading('hr-3', '8867-4', { effectiveDateTime: '2026-10-31T10:00:00Z' }),
      reading('hr-undated', '8867-4', {}),
      // Begun two days before the window and still going on in it.
      reading('hr-long', '8867-4', {
        effectivePeriod: { start: '2026-10-27T00:00:00Z', end: '2026-10-31T00:00:00Z' },
      }),
      // The same code in two systems: one observation, found once.
      reading(
        'hr-two-systems',
        '8867-4',
        { effectiveDateTime: '2026-10-30T12:00:00Z' },
        {
          code: {
            coding: [
              { system: LOINC, code: '8867-4' },
              { system: 'urn:local', code: '8867-4' },
            ],
          },
        },
      ),
      reading('rr-1', '9279-1', { effectiveDateTime: '2026-10-30T11:00:00Z' }),
      {
        ...reading('other-patient', '8867-4', { effectiveDateTime: '2026-10-30T10:00:00Z' }),
        subject: { reference: 'Patient/p-2' },
      },
    ])
      store.put(r);
  });

  const ids = (query: [string, string][], scope: SearchScope = {}) =>
    store.search(parseSearch('Observation', query, true), scope).rows.map((r) => r.id);
  const total = (query: [string, string][]) =>
    store.search(parseSearch('Observation', query, true), {}).total;
  const heartRates: [string, string][] = [
    ['patient', 'p-1'],
    ['code', '8867-4'],
  ];

  it('newest first, undated last, each observation once', () => {
    assert.deepEqual(ids(heartRates), [
      'hr-3',
      'hr-two-systems',
      'hr-2',
      'hr-1',
      'hr-long',
      'hr-undated',
    ]);
    assert.deepEqual(ids([...heartRates, ['_sort', 'date']]).at(0), 'hr-undated');
    assert.equal(total(heartRates), 6);
  });

  it('a window finds what it overlaps, a long period begun before it included, nothing undated', () => {
    const window: [string, string][] = [
      ...heartRates,
      ['date', 'ge2026-10-30T00:00:00Z'],
      ['date', 'le2026-10-30T23:59:59Z'],
    ];
    assert.deepEqual(ids(window), ['hr-two-systems', 'hr-2', 'hr-long']);
    assert.equal(total(window), 3);
    assert.deepEqual(ids([...heartRates, ['date', 'gt2026-10-30T23:00:00Z']]), ['hr-3', 'hr-long']);
    for (const before of [
      'lt2026-10-29T12:00:00Z',
      'le2026-10-29T12:00:00Z',
      'eb2026-10-29T12:00:00Z',
    ])
      assert.deepEqual(
        ids([...heartRates, ['date', before]]),
        before.startsWith('eb') ? ['hr-1'] : ['hr-1', 'hr-long'],
      );
    assert.ok(!ids([...heartRates, ['date', 'ne2026-10-29']]).includes('hr-undated'));
  });

  it('by category, by a coding system, in a compartment, as without the table', () => {
    const vitals: [string, string][] = [
      ['patient', 'p-1'],
      ['category', 'vital-signs'],
      ['date', 'ge2026-10-30T00:00:00Z'],
      ['date', 'lt2026-10-31T00:00:00Z'],
    ];
    assert.deepEqual(ids(vitals), ['hr-two-systems', 'rr-1', 'hr-2', 'hr-long']);
    // A status filter reads the patient index instead: the same answer.
    assert.deepEqual(ids([...vitals, ['status', 'final']]), ids(vitals));
    assert.deepEqual(
      ids([
        ['patient', 'p-1'],
        ['code', 'urn:local|8867-4'],
      ]),
      ['hr-two-systems'],
    );
    assert.deepEqual(
      ids([
        ['patient', 'p-1'],
        ['code', 'urn:none|8867-4'],
      ]),
      [],
    );
    assert.deepEqual(
      ids(
        [
          ['code', '8867-4'],
          ['date', 'ge2026-10-31T00:00:00Z'],
        ],
        { compartment: 'p-1' },
      ),
      ['hr-3', 'hr-long'],
    );
  });

  it('follows an observation whose code or date changes, and forgets it', () => {
    store.put(reading('rr-1', '8867-4', { effectiveDateTime: '2026-10-31T11:00:00Z' }));
    assert.deepEqual(
      ids([
        ['patient', 'p-1'],
        ['code', '9279-1'],
      ]),
      [],
    );
    assert.equal(ids(heartRates)[0], 'rr-1');
    store.put({ ...reading('rr-1', '8867-4', {}), subject: { reference: 'Patient/p-2' } });
    assert.ok(!ids(heartRates).includes('rr-1'));
  });
});
