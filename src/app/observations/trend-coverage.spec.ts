import { heartRate } from '../../testing/fhir-fixtures';
import { describeCoverage, periodWords } from './trend-coverage';
import { TrendRead } from './trend-reader';

const LATEST = Date.parse('2026-10-31T12:00:00Z');
const readings = (n: number) => Array.from({ length: n }, () => heartRate);
const read = (over: Partial<TrendRead>): TrendRead => ({
  span: '24h',
  latest: LATEST,
  observations: readings(289),
  total: 289,
  complete: true,
  newestFirst: true,
  notices: [],
  notThePatients: 0,
  ...over,
});
const ALL_DRAWN = { points: [], bucketMs: undefined };

describe('what a trend says it shows', () => {
  it('states how many readings of how many, and the span with its dates', () => {
    const { shown, incomplete } = describeCoverage(read({}), 289, ALL_DRAWN, undefined);
    expect(shown).toMatch(/^289 of 289 readings from the last 24 hours on record \(Oct 3\d, 2026/);
    expect(incomplete).toBe('');
  });

  it("says a span cut short counts, in the server's total, entries that did not name the patient", () => {
    const cut = read({
      total: 400,
      complete: false,
      observations: readings(198),
      notThePatients: 2,
    });
    const { shown } = describeCoverage(cut, 198, ALL_DRAWN, undefined);
    expect(shown).toMatch(
      /^198 of 400 readings from the last 24 hours on record \(.*\); the server's count includes entries that do not name this patient \(2 on the pages read\)\.$/,
    );
  });

  it('speaks of no server count when the server gave none', () => {
    const cut = read({
      total: undefined,
      complete: false,
      observations: readings(200),
      notThePatients: 3,
    });
    const { shown } = describeCoverage(cut, 200, ALL_DRAWN, undefined);
    expect(shown).toMatch(/^200 readings from the last 24 hours on record \([^)]*\)\.$/);
  });

  it('never implies completeness when the server did not count and pages were left', () => {
    const capped = read({
      span: '7d',
      total: undefined,
      complete: false,
      observations: readings(2000),
    });
    const { shown, incomplete } = describeCoverage(capped, 2000, ALL_DRAWN, {
      oldest: LATEST - 86_400_000,
      newest: LATEST,
    });
    expect(shown).toMatch(/^2,000 readings from the last 7 days on record/);
    expect(incomplete).toContain('This span holds more readings than the 10 pages a trend reads');
    expect(incomplete).toContain('these are the most recent, back to Oct 30, 2026');
  });

  it('says when the readings read are not the most recent, on a server that does not sort', () => {
    const { incomplete } = describeCoverage(
      read({ span: 'all', complete: false, newestFirst: false, total: 20_000 }),
      289,
      ALL_DRAWN,
      undefined,
    );
    expect(incomplete).toContain('not necessarily the most recent');
  });

  it('says how the drawing was thinned and what was left out of it', () => {
    const about = describeCoverage(read({}), 280, { points: [], bucketMs: 10 * 60_000 }, undefined);
    expect(about.reduced).toBe(
      'Drawn as the lowest and highest reading of every 10 minutes, so no peak or trough is left out; the data table lists all 289 readings read.',
    );
    expect(about.skipped).toBe(
      '9 readings not drawn: entered in error, cancelled, or not a number.',
    );
  });

  it('writes bucket lengths as people say them', () => {
    expect([periodWords(30_000), periodWords(2 * 3_600_000), periodWords(3 * 86_400_000)]).toEqual([
      '1 minute',
      '2 hours',
      '3 days',
    ]);
  });
});
