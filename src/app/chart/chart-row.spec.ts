import { ChartStatus } from '../fhir/chart-status';
import { ChartRow, visibleChartRows } from './chart-row';

const row = (id: string, time: number, status: ChartStatus): ChartRow => ({
  id,
  title: id,
  status,
  when: '',
  time,
  details: [],
  flags: [],
  results: [],
  attachments: [],
});
const ACTIVE: ChartStatus = { label: 'Active', group: 'active' };
const RESOLVED: ChartStatus = { label: 'Resolved', group: 'inactive' };
const ERROR: ChartStatus = { label: 'Entered in error', group: 'entered-in-error' };
const UNKNOWN: ChartStatus = { label: 'Status not recorded', group: 'unknown' };

describe('visibleChartRows', () => {
  const rows = [
    row('old-active', 1, ACTIVE),
    row('undated', NaN, ACTIVE),
    row('new-resolved', 3, RESOLVED),
    row('mistake', 2, ERROR),
    row('no-status', 4, UNKNOWN),
  ];
  const ids = (shown: readonly ChartRow[]) => shown.map((r) => r.id);

  it('orders newest first, undated last, and hides entered-in-error unless asked', () => {
    const all = visibleChartRows(rows, { activeOnly: false, showEnteredInError: false });
    expect(ids(all.rows)).toEqual(['no-status', 'new-resolved', 'old-active', 'undated']);
    expect(all.hiddenEnteredInError).toBe(1);
    expect(all.hiddenInactive).toBe(0);
    const withErrors = visibleChartRows(rows, { activeOnly: false, showEnteredInError: true });
    expect(ids(withErrors.rows)).toEqual([
      'no-status',
      'new-resolved',
      'mistake',
      'old-active',
      'undated',
    ]);
  });

  it('keeps active rows and rows without a status when "Active only", and counts what it hides', () => {
    const active = visibleChartRows(rows, { activeOnly: true, showEnteredInError: false });
    expect(ids(active.rows)).toEqual(['no-status', 'old-active', 'undated']);
    expect(active.hiddenInactive).toBe(1);
  });

  it('never reorders rows of the same time', () => {
    const same = [
      row('a', 5, ACTIVE),
      row('b', 5, ACTIVE),
      row('c', NaN, ACTIVE),
      row('d', NaN, ACTIVE),
    ];
    const shown = visibleChartRows(same, { activeOnly: false, showEnteredInError: false });
    expect(ids(shown.rows)).toEqual(['a', 'b', 'c', 'd']);
  });
});
