import { formatDateTime } from '../fhir/format-datatypes';

/** A flowsheet column: a day, or an hour where a day holds many readings, in the browser's zone. */
export type ColumnUnit = 'day' | 'hour';

const KEY = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}))?$/;
const pad = (n: number) => String(n).padStart(2, '0');

/** A column's key: the local day (YYYY-MM-DD) or hour (YYYY-MM-DDTHH) of a time; '' if none. */
export function columnKey(time: number, unit: ColumnUnit): string {
  if (!Number.isFinite(time)) return '';
  const d = new Date(time);
  const day = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  return unit === 'day' ? day : `${day}T${pad(d.getHours())}`;
}

/** The local start of a column, `offset` columns of its unit later. */
export function columnStart(key: string, offset = 0): Date {
  const [, year, month, date, hour] = KEY.exec(key) ?? [];
  return hour === undefined
    ? new Date(Number(year), Number(month) - 1, Number(date) + offset)
    : new Date(Number(year), Number(month) - 1, Number(date), Number(hour) + offset);
}

/** The column `offset` columns of its unit away, as a key. */
export function shiftColumn(key: string, offset: number): string {
  return columnKey(columnStart(key, offset).getTime(), key.includes('T') ? 'hour' : 'day');
}

/** What a column header says: "Oct 31, 2026", or "Oct 31, 2026, 2:00 PM" for an hour. */
export function columnLabel(key: string): string {
  return key.includes('T') ? formatDateTime(columnStart(key).toISOString()) : formatDateTime(key);
}

/** Whether text is a column key of a real day (and hour), as a link may carry one. */
export function isColumnKey(text: string): boolean {
  const match = KEY.exec(text);
  return (
    match !== null && columnKey(columnStart(text).getTime(), match[4] ? 'hour' : 'day') === text
  );
}

/** A column key as an HTML datetime value: "2026-10-31", or "2026-10-31T14:00" for an hour. */
export const columnDatetime = (key: string) => (key.includes('T') ? `${key}:00` : key);
