import { NO_OBSERVATION_FILTERS } from './observation-filters';
import {
  dayKey,
  distinctDays,
  enoughDays,
  flowsheetSearchParams,
  newerThrough,
  windowDays,
} from './flowsheet-window';

/** A time on a day in the browser's zone, as the columns read it. */
const at = (day: string, hour = 9) => {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(year, month - 1, date, hour).getTime();
};

describe('flowsheet windows', () => {
  it('keys a time by its day in the browser’s time zone, and a missing date by nothing', () => {
    expect(dayKey(at('2023-05-01', 0))).toBe('2023-05-01');
    expect(dayKey(at('2023-05-01', 23))).toBe('2023-05-01');
    expect(dayKey(Number.NEGATIVE_INFINITY)).toBe('');
    expect(distinctDays(['2023-05-02', '', '2023-05-02', '2023-05-01'])).toEqual([
      '2023-05-02',
      '2023-05-01',
    ]);
  });

  it('shows the newest days and starts the older window at the first day left over', () => {
    const days = ['d9', 'd9', 'd8', 'd7', 'd6', 'd5'];
    expect(windowDays(days, false, 3)).toEqual({
      days: ['d9', 'd8', 'd7'],
      older: 'd6',
      incomplete: false,
    });
    expect(windowDays(['d9', 'd8'], false, 3)).toEqual({
      days: ['d9', 'd8'],
      older: undefined,
      incomplete: false,
    });
  });

  it('when reading stopped at the page cap, holds back the last day seen: it may be cut short', () => {
    expect(windowDays(['d9', 'd8', 'd7'], true, 8)).toEqual({
      days: ['d9', 'd8'],
      older: 'd7',
      incomplete: false,
    });
  });

  it('shows a single day cut short as incomplete, and the older window starts the day before', () => {
    expect(windowDays(['2023-05-01', '2023-05-01'], true, 8)).toEqual({
      days: ['2023-05-01'],
      older: '2023-04-30',
      incomplete: true,
    });
  });

  it('finds the newer window from the days after this one, oldest first', () => {
    expect(newerThrough([], false, 3)).toBeUndefined();
    expect(newerThrough(['d1', 'd2'], false, 3)).toBe('');
    expect(newerThrough(['d1', 'd2', 'd3', 'd4'], true, 3)).toBe('d3');
    expect(newerThrough(['d1', 'd2'], true, 3)).toBe('d1');
  });

  it('has read enough once one day more than the window shows is in', () => {
    expect(enoughDays(['d3', 'd2', 'd1'], 3)).toBeFalse();
    expect(enoughDays(['d4', 'd3', '', 'd2', 'd1'], 3)).toBeTrue();
  });

  it('asks for the newest first without a bound, and keeps the page’s filters', () => {
    const params = flowsheetSearchParams(
      'pat-1',
      { ...NO_OBSERVATION_FILTERS, category: 'laboratory', from: '2020-01-01' },
      { through: '', direction: 'older' },
    );
    expect(params).toEqual(
      jasmine.objectContaining({
        patient: 'pat-1',
        category: 'laboratory',
        date: ['ge2020-01-01'],
        _sort: '-date',
        _count: 200,
      }),
    );
  });

  it('bounds a window at the end of its day, older before it and newer from it', () => {
    const endOfMay1 = new Date(2023, 4, 2).toISOString();
    const filters = { ...NO_OBSERVATION_FILTERS, to: '2023-12-31' };
    const older = flowsheetSearchParams('p', filters, {
      through: '2023-05-01',
      direction: 'older',
    });
    expect(older.date).toEqual(['le2023-12-31', `lt${endOfMay1}`]);
    expect(older._sort).toBe('-date');
    const newer = flowsheetSearchParams('p', filters, {
      through: '2023-05-01',
      direction: 'newer',
    });
    expect(newer.date).toEqual(['le2023-12-31', `ge${endOfMay1}`]);
    expect(newer._sort).toBe('date');
  });
});
