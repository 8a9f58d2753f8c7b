/** A FHIR `date` search value: YYYY, YYYY-MM or YYYY-MM-DD. */
const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/**
 * Whether `text` is a real calendar date, possibly partial ("1982", "1982-02", "1982-02-21"), that a
 * FHIR server will accept in a date search. "2020-13-45" has the right shape and is not one.
 */
export function isSearchDate(text: string, precision: 'partial' | 'day' = 'partial'): boolean {
  const match = PARTIAL_DATE.exec(text);
  if (!match) return false;
  const [, year, month, day] = match;
  if (precision === 'day' && day === undefined) return false;
  if (month === undefined) return true;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day ?? '1')));
  return (
    date.getUTCFullYear() === Number(year) &&
    date.getUTCMonth() === Number(month) - 1 &&
    date.getUTCDate() === Number(day ?? '1')
  );
}
