import { longerSpan, spanDates, spanForDensity } from './trend-span';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('trend spans', () => {
  it('choose the longest span a chart draws legibly, from how densely the newest readings came', () => {
    // Every 5 minutes: 288 a day, too many for a week.
    expect(spanForDensity(50, 50 * 5 * 60_000, 5 * 60_000)).toBe('24h');
    // Hourly: a week holds 168.
    expect(spanForDensity(50, 49 * HOUR, 0)).toBe('7d');
    // Daily: a month holds 30, a year 365.
    expect(spanForDensity(50, 49 * DAY, 0)).toBe('30d');
    // Monthly: a year holds 12.
    expect(spanForDensity(50, 49 * 30 * DAY, 0)).toBe('1y');
    // All at one instant: as dense as can be.
    expect(spanForDensity(50, 0, 0)).toBe('24h');
  });

  it('bound a span by date, to the second, ending at the latest reading', () => {
    const latest = Date.parse('2026-10-31T12:00:00.500Z');
    expect(spanDates('24h', latest)).toEqual(['ge2026-10-30T12:00:00Z', 'le2026-10-31T12:00:00Z']);
    expect(spanDates('all', latest)).toBeUndefined();
  });

  it('grow from a day to a year, and no further by themselves', () => {
    expect(['24h', '7d', '30d', '1y'].map((s) => longerSpan(s as never))).toEqual([
      '7d',
      '30d',
      '1y',
      undefined,
    ]);
  });
});
