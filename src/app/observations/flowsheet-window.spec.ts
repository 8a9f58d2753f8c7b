import { NO_OBSERVATION_FILTERS } from './observation-filters';
import { columnKey, isColumnKey, shiftColumn } from './flowsheet-columns';
import {
  enoughColumns,
  flowsheetSearchParams,
  newerThrough,
  unitFor,
  windowColumns,
} from './flowsheet-window';

/** A time on a day in the browser's zone, as the columns read it. */
const at = (day: string, hour = 9, minute = 0) => {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(year, month - 1, date, hour, minute).getTime();
};
/** Times every `minutes` back from `from`, newest first. */
const every = (minutes: number, count: number, from: number) =>
  Array.from({ length: count }, (_, i) => from - i * minutes * 60_000);

describe('flowsheet windows', () => {
  it('keys a time by its day or hour in the browser’s time zone, and a missing date by nothing', () => {
    expect(columnKey(at('2023-05-01', 0), 'day')).toBe('2023-05-01');
    expect(columnKey(at('2023-05-01', 23), 'day')).toBe('2023-05-01');
    expect(columnKey(at('2023-05-01', 23, 59), 'hour')).toBe('2023-05-01T23');
    expect(columnKey(Number.NEGATIVE_INFINITY, 'hour')).toBe('');
    expect(shiftColumn('2023-05-01T23', 1)).toBe('2023-05-02T00');
    expect(shiftColumn('2023-03-01', -1)).toBe('2023-02-28');
    expect(['2023-05-01', '2023-05-01T09'].map(isColumnKey)).toEqual([true, true]);
    expect(['2023-02-30', '2023-05-01T24', '2023-05-01T9', 'x'].map(isColumnKey)).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });

  it('gives hours to a day with more than a hundred readings, days to a clinic’s', () => {
    expect(unitFor(every(5, 200, at('2023-05-01', 12)))).toBe('hour');
    expect(unitFor(every(60, 24, at('2023-05-01', 12)))).toBe('day');
    expect(unitFor(every(60 * 24 * 90, 200, at('2023-05-01', 12)))).toBe('day');
    expect(unitFor([])).toBe('day');
  });

  it('by day: shows the newest days and starts the older window at the first day left over', () => {
    const days = ['2023-05-09', '2023-05-09', '2023-05-08', '2023-05-07', '2023-05-06'];
    expect(
      windowColumns(
        days.map((d) => at(d)),
        false,
        'day',
        3,
      ),
    ).toEqual({
      columns: ['2023-05-09', '2023-05-08', '2023-05-07'],
      older: '2023-05-06',
      incomplete: false,
    });
    expect(windowColumns([at('2023-05-09')], false, 'day', 3)).toEqual({
      columns: ['2023-05-09'],
      older: undefined,
      incomplete: false,
    });
  });

  it('by day, when reading stopped at the page cap: holds back the last day seen, or says one is cut short', () => {
    const three = ['2023-05-09', '2023-05-08', '2023-05-07'].map((d) => at(d));
    expect(windowColumns(three, true, 'day').columns).toEqual(['2023-05-09', '2023-05-08']);
    expect(windowColumns(three, true, 'day').older).toBe('2023-05-07');
    expect(windowColumns([at('2023-05-01'), at('2023-05-01', 8)], true, 'day')).toEqual({
      columns: ['2023-05-01'],
      older: '2023-04-30',
      incomplete: true,
    });
  });

  it('by hour: the hours up to the newest reading’s, the older window starting before them', () => {
    const times = every(5, 200, at('2023-05-01', 12, 30));
    expect(enoughColumns(times, 'hour')).toBeTrue();
    const window = windowColumns(times, true, 'hour');
    expect(window.columns[0]).toBe('2023-05-01T12');
    expect(window.columns.at(-1)).toBe('2023-05-01T05');
    expect(window.older).toBe('2023-05-01T04');
    // Cut short inside the window: the last hour seen is held back and starts the older window.
    const short = every(1, 200, at('2023-05-01', 12, 30));
    expect(enoughColumns(short, 'hour')).toBeFalse();
    expect(windowColumns(short, true, 'hour')).toEqual({
      columns: ['2023-05-01T12', '2023-05-01T11', '2023-05-01T10'],
      older: '2023-05-01T09',
      incomplete: false,
    });
    // Nothing before them: no older window.
    expect(windowColumns(every(5, 20, at('2023-05-01', 12)), false, 'hour').older).toBeUndefined();
  });

  it('finds the newer window from what comes after this one, oldest first', () => {
    const days = (list: string[]) => list.map((d) => at(d));
    expect(newerThrough([], false, 'day', 3)).toBeUndefined();
    expect(newerThrough(days(['2023-05-01', '2023-05-02']), false, 'day', 3)).toBe('');
    const four = days(['2023-05-01', '2023-05-02', '2023-05-03', '2023-05-04']);
    expect(newerThrough(four, true, 'day', 3)).toBe('2023-05-03');
    expect(newerThrough(days(['2023-05-01', '2023-05-02']), true, 'day', 3)).toBe('2023-05-01');
    const after = every(5, 200, at('2023-05-02', 6)).reverse();
    expect(newerThrough(after, true, 'hour')).toBe(columnKey(after[0] + 7 * 3_600_000, 'hour'));
    expect(newerThrough(every(5, 12, at('2023-05-02', 6)).reverse(), false, 'hour')).toBe('');
  });

  it('has read enough by day once one day more than the window shows is in', () => {
    const days = (list: string[]) => list.map((d) => at(d));
    expect(enoughColumns(days(['2023-05-03', '2023-05-02', '2023-05-01']), 'day', 3)).toBeFalse();
    expect(
      enoughColumns(days(['2023-05-04', '2023-05-03', '2023-05-02', '2023-05-01']), 'day', 3),
    ).toBeTrue();
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

  it('bounds a window at the end of its day or hour, older before it and newer from it', () => {
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
    const hour = flowsheetSearchParams('p', NO_OBSERVATION_FILTERS, {
      through: '2023-05-01T14',
      direction: 'older',
    });
    expect(hour.date).toEqual([`lt${new Date(2023, 4, 1, 15).toISOString()}`]);
  });
});
