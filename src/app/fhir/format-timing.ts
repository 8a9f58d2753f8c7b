import { Quantity, Timing, TimingRepeat } from './fhir-types';
import {
  FormatOptions,
  formatCodeableConcept,
  formatDateTime,
  formatNumber,
  formatPeriod,
  formatTime,
} from './format-datatypes';
import { lookupTable } from './lookup-table';

/** "a", "a and b", "a, b and c". */
export function joinWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

// UCUM time units (Timing.periodUnit and the codes of Age and Duration), singular and plural.
const TIME_UNITS = lookupTable<readonly [string, string]>([
  ['s', ['second', 'seconds']],
  ['min', ['minute', 'minutes']],
  ['h', ['hour', 'hours']],
  ['d', ['day', 'days']],
  ['wk', ['week', 'weeks']],
  ['mo', ['month', 'months']],
  ['a', ['year', 'years']],
]);

// The same units as people and some servers write them in Quantity.unit.
const TIME_UNIT_WORDS = lookupTable<string>(
  [...TIME_UNITS].flatMap(([code, [one, many]]) => [
    [one, code],
    [many, code],
  ]),
);

/** The UCUM code of a time quantity: its code, else its unit when that is a code or a word for one. */
export function timeUnitCode(quantity: Pick<Quantity, 'unit' | 'code'> | undefined): string {
  for (const candidate of [quantity?.code, quantity?.unit]) {
    const unit = candidate?.trim().toLowerCase() ?? '';
    if (TIME_UNITS.has(unit)) return unit;
    const code = TIME_UNIT_WORDS.get(unit);
    if (code) return code;
  }
  return '';
}

/** "1 day", "7 days", "1.5 hours"; '' for an unknown unit. */
export function timeAmount(amount: number | undefined, unitCode: string): string {
  const words = TIME_UNITS.get(unitCode);
  const number = formatNumber(amount);
  if (!words || number === '') return '';
  return `${number} ${amount === 1 ? words[0] : words[1]}`;
}

/** A Duration (or Age) in words, "7 days"; the sender's own unit when it is not a time unit. */
export function formatDuration(duration: Quantity | undefined): string {
  const inWords = timeAmount(duration?.value, timeUnitCode(duration));
  if (inWords) return inWords;
  const number = formatNumber(duration?.value);
  const unit = duration?.unit?.trim() || duration?.code?.trim() || '';
  return number && unit ? `${number} ${unit}` : number;
}

// HL7 v3 GTSAbbreviation codes, the usual Timing.code, in words.
const TIMING_CODES = lookupTable<string>([
  ['QD', 'once daily'],
  ['BID', 'twice daily'],
  ['TID', 'three times daily'],
  ['QID', 'four times daily'],
  ['QOD', 'every other day'],
  ['AM', 'every morning'],
  ['PM', 'every afternoon'],
  ['BED', 'at bedtime'],
  ['WK', 'weekly'],
  ['MO', 'monthly'],
  ['Q1H', 'every hour'],
  ['Q2H', 'every 2 hours'],
  ['Q3H', 'every 3 hours'],
  ['Q4H', 'every 4 hours'],
  ['Q6H', 'every 6 hours'],
  ['Q8H', 'every 8 hours'],
]);

// EventTiming codes (Timing.repeat.when). Those starting "before"/"after" take an offset in front.
const EVENT_TIMING = lookupTable<string>([
  ['MORN', 'in the morning'],
  ['MORN.early', 'early in the morning'],
  ['MORN.late', 'late in the morning'],
  ['NOON', 'at noon'],
  ['AFT', 'in the afternoon'],
  ['AFT.early', 'early in the afternoon'],
  ['AFT.late', 'late in the afternoon'],
  ['EVE', 'in the evening'],
  ['EVE.early', 'early in the evening'],
  ['EVE.late', 'late in the evening'],
  ['NIGHT', 'at night'],
  ['PHS', 'after sleep'],
  ['HS', 'at bedtime'],
  ['WAKE', 'on waking'],
  ['C', 'with a meal'],
  ['CM', 'with breakfast'],
  ['CD', 'with lunch'],
  ['CV', 'with dinner'],
  ['AC', 'before a meal'],
  ['ACM', 'before breakfast'],
  ['ACD', 'before lunch'],
  ['ACV', 'before dinner'],
  ['PC', 'after a meal'],
  ['PCM', 'after breakfast'],
  ['PCD', 'after lunch'],
  ['PCV', 'after dinner'],
]);

const DAYS = lookupTable<string>([
  ['mon', 'Monday'],
  ['tue', 'Tuesday'],
  ['wed', 'Wednesday'],
  ['thu', 'Thursday'],
  ['fri', 'Friday'],
  ['sat', 'Saturday'],
  ['sun', 'Sunday'],
]);

const PER_PERIOD = lookupTable<string>([
  ['d', 'daily'],
  ['wk', 'weekly'],
  ['mo', 'monthly'],
  ['a', 'yearly'],
]);

const TIMES = ['', 'once', 'twice', 'three times', 'four times'];

function isCount(value: number | undefined): value is number {
  return value !== undefined && Number.isFinite(value) && value > 0;
}

/** "twice daily", "every 4–6 hours", "1–2 times daily", "3 times every 2 days"; '' without a period. */
function frequencyWords(repeat: TimingRepeat): string {
  const unit = repeat.periodUnit ?? '';
  const words = TIME_UNITS.get(unit);
  if (!words || !isCount(repeat.period)) return '';
  const frequency = isCount(repeat.frequency) ? repeat.frequency : 1;
  const frequencyMax = isCount(repeat.frequencyMax) ? repeat.frequencyMax : undefined;
  const periodMax = isCount(repeat.periodMax) ? repeat.periodMax : undefined;
  const times =
    frequencyMax !== undefined && frequencyMax !== frequency
      ? `${formatNumber(frequency)}–${formatNumber(frequencyMax)} times`
      : (TIMES[frequency] ?? `${formatNumber(frequency)} times`);
  if (repeat.period === 1 && periodMax === undefined) {
    const perPeriod = PER_PERIOD.get(unit);
    if (perPeriod) return `${times} ${perPeriod}`;
    return times === 'once' ? `every ${words[0]}` : `${times} per ${words[0]}`;
  }
  const span =
    periodMax !== undefined
      ? `${formatNumber(repeat.period)}–${formatNumber(periodMax)} ${words[1]}`
      : timeAmount(repeat.period, unit);
  return times === 'once' ? `every ${span}` : `${times} every ${span}`;
}

/** "before breakfast", "30 minutes before breakfast", "on waking"; unknown codes as sent. */
function whenWords(repeat: TimingRepeat): string {
  const offset = isCount(repeat.offset) ? timeAmount(repeat.offset, 'min') : '';
  const events = (repeat.when ?? []).map((code) => {
    const words = EVENT_TIMING.get(code) ?? code;
    if (!offset) return words;
    return /^(before|after) /.test(words) ? `${offset} ${words}` : `${words}, ${offset} after`;
  });
  return joinWords(events);
}

function boundsWords(repeat: TimingRepeat, options: FormatOptions): string {
  const duration = formatDuration(repeat.boundsDuration);
  if (duration) return `for ${duration}`;
  return formatPeriod(repeat.boundsPeriod, options);
}

/** The parts of a repeat in reading order: how often, when, which days, at what times, how long. */
function repeatWords(repeat: TimingRepeat, codeWords: string, options: FormatOptions): string[] {
  const days = (repeat.dayOfWeek ?? []).map((day) => DAYS.get(day) ?? day);
  const times = (repeat.timeOfDay ?? []).map(formatTime).filter(Boolean);
  const each = timeAmount(repeat.duration, repeat.durationUnit ?? '');
  return [
    frequencyWords(repeat) || codeWords,
    whenWords(repeat),
    days.length ? `on ${joinWords(days)}` : '',
    times.length ? `at ${joinWords(times)}` : '',
    each ? `over ${each}` : '',
    boundsWords(repeat, options),
    isCount(repeat.count)
      ? repeat.count === 1
        ? 'once only'
        : `${formatNumber(repeat.count)} times in total`
      : '',
  ];
}

/**
 * When something happens, in words: "every 8 hours for 7 days", "twice daily before breakfast and
 * dinner", or the listed event dates. The structured repeat says most; Timing.code (its text, else
 * the abbreviation in words) says how often when the repeat does not.
 */
export function formatTiming(timing: Timing | undefined, options: FormatOptions = {}): string {
  if (!timing) return '';
  const code = timing.code;
  const codeWords =
    code?.text?.trim() ||
    (code?.coding ?? []).map((c) => TIMING_CODES.get(c.code ?? '')).find(Boolean) ||
    formatCodeableConcept(code);
  const parts = (
    timing.repeat ? repeatWords(timing.repeat, codeWords, options) : [codeWords]
  ).filter(Boolean);
  const events = (timing.event ?? []).map((e) => formatDateTime(e, options)).filter(Boolean);
  // Bare event dates read as a date column ("Jan 1, 2020, Jan 8, 2020"); with a schedule, as its dates.
  if (parts.length === 0) return events.join(', ');
  if (events.length) parts.push(`on ${joinWords(events)}`);
  return parts.join(' ');
}
