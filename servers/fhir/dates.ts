/**
 * FHIR dates as closed ranges of epoch milliseconds: `2024` is all of 2024, `2024-03-05T10:00:00Z` is that
 * second. Search compares ranges (FHIR R4 §2.21.1.1.2.1), so both stored values and query values go
 * through here. A value without a time zone is read as UTC.
 */
export interface DateRange {
  lo: number;
  hi: number;
}

const pattern =
  /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})?)?)?)?$/;

export function parseFhirDate(text: string): DateRange | undefined {
  const m = pattern.exec(text);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, frac, tz] = m;
  const year = Number(y);
  const month = mo === undefined ? undefined : Number(mo) - 1;
  const day = d === undefined ? undefined : Number(d);
  if (month !== undefined && (month < 0 || month > 11)) return undefined;
  if (day !== undefined && (day < 1 || day > daysIn(year, month ?? 0))) return undefined;
  if (h !== undefined && (Number(h) > 23 || Number(mi) > 59 || Number(s ?? 0) > 59))
    return undefined;
  const offset = tz === undefined || tz === 'Z' ? 0 : tzMinutes(tz);
  if (offset === undefined) return undefined;
  if (month === undefined) return span(Date.UTC(year, 0, 1), Date.UTC(year + 1, 0, 1));
  if (day === undefined) return span(Date.UTC(year, month, 1), Date.UTC(year, month + 1, 1));
  if (h === undefined) return span(Date.UTC(year, month, day), Date.UTC(year, month, day + 1));
  const base = Date.UTC(year, month, day, Number(h), Number(mi), Number(s ?? 0)) - offset * 60_000;
  if (s === undefined) return span(base, base + 60_000);
  if (frac === undefined) return span(base, base + 1000);
  const ms = Math.floor(Number(`0.${frac}`) * 1000);
  return { lo: base + ms, hi: base + ms };
}

function span(start: number, endExclusive: number): DateRange {
  return { lo: start, hi: endExclusive - 1 };
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
}

function tzMinutes(tz: string): number | undefined {
  const sign = tz.startsWith('-') ? -1 : 1;
  const hours = Number(tz.slice(1, 3));
  const minutes = Number(tz.slice(4, 6));
  if (hours > 14 || minutes > 59) return undefined;
  return sign * (hours * 60 + minutes);
}

/** The range an Observation is "about": effective[x] (dateTime, instant or Period), else issued. */
export function observationRange(obs: Record<string, unknown>): DateRange | undefined {
  const direct = obs['effectiveDateTime'] ?? obs['effectiveInstant'];
  if (typeof direct === 'string') return parseFhirDate(direct);
  // Any shape may reach here from data stored before writes were checked: only strings are dates.
  const period = obs['effectivePeriod'] as { start?: unknown; end?: unknown } | null | undefined;
  const start = typeof period?.start === 'string' ? period.start : undefined;
  const end = typeof period?.end === 'string' ? period.end : undefined;
  if (start || end) {
    const lo = start ? parseFhirDate(start)?.lo : Number.MIN_SAFE_INTEGER;
    const hi = end ? parseFhirDate(end)?.hi : Number.MAX_SAFE_INTEGER;
    if (lo !== undefined && hi !== undefined) return { lo, hi };
  }
  if (typeof obs['issued'] === 'string') return parseFhirDate(obs['issued']);
  return undefined;
}
