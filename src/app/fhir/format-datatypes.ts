import {
  CodeableConcept,
  Coding,
  HumanName,
  Identifier,
  Period,
  Quantity,
  Range,
  Ratio,
  SampledData,
} from './fhir-types';
import { lookupTable } from './lookup-table';

/** Locale and time zone for dates; undefined means the browser's own. Tests pin them. */
export interface FormatOptions {
  readonly locale?: string;
  readonly timeZone?: string;
}

export const NO_VALUE = '—';

/** A name as people read it: text if given, else prefix given family suffix. */
export function formatHumanName(name: HumanName | undefined): string {
  if (!name) return '';
  if (name.text?.trim()) return name.text.trim();
  return [...(name.prefix ?? []), ...(name.given ?? []), name.family, ...(name.suffix ?? [])]
    .filter((part): part is string => typeof part === 'string' && part.trim() !== '')
    .join(' ');
}

/** The name to show for a person: official, then usual, then any current name. */
export function preferredName(names: HumanName[] | undefined): HumanName | undefined {
  const current = (names ?? []).filter((n) => n.use !== 'old' && formatHumanName(n) !== '');
  return (
    current.find((n) => n.use === 'official') ??
    current.find((n) => n.use === 'usual') ??
    current[0]
  );
}

/** The text of a CodeableConcept: its text, else the first coding display, else code. */
export function formatCodeableConcept(concept: CodeableConcept | undefined): string {
  if (!concept) return '';
  if (concept.text?.trim()) return concept.text.trim();
  const withDisplay = concept.coding?.find((c) => c.display?.trim());
  if (withDisplay?.display) return withDisplay.display.trim();
  // No words anywhere: the code as FHIR writes a token, so it can be looked up (system|code).
  const withCode = concept.coding?.find((c) => c.code);
  if (!withCode?.code) return '';
  return withCode.system ? `${withCode.system}|${withCode.code}` : withCode.code;
}

/** Several concepts in words, comma-separated; those with no words are left out. */
export function formatCodeableConcepts(list: readonly CodeableConcept[] | undefined): string {
  return (list ?? []).map(formatCodeableConcept).filter(Boolean).join(', ');
}

export function hasCoding(
  concept: CodeableConcept | undefined,
  system: string,
  code: string,
): boolean {
  return (concept?.coding ?? []).some((c: Coding) => c.system === system && c.code === code);
}

/**
 * A plain number, never locale-mangled: clinical values keep their stated precision, except
 * machine noise (Synthea's 112.72276142363832) is cut to six significant digits.
 */
export function formatNumber(value: number | undefined): string {
  if (value === undefined || !Number.isFinite(value)) return '';
  if (Math.abs(value) >= 1e15) return value.toExponential(3);
  const text = String(value);
  const fraction = text.split('.')[1] ?? '';
  return fraction.length > 4 ? String(Number(value.toPrecision(6))) : text;
}

// UCUM codes that servers often put in Quantity.unit, as people write them.
const UCUM_DISPLAY = lookupTable<string>([
  ['mm[Hg]', 'mmHg'],
  ['Cel', '°C'],
  ['[degF]', '°F'],
  ['kg/m2', 'kg/m²'],
  ['10*3/uL', '10³/µL'],
  ['10*6/uL', '10⁶/µL'],
  ['10*9/L', '10⁹/L'],
  ['10*12/L', '10¹²/L'],
  ['[in_i]', 'in'],
  ['[lb_av]', 'lb'],
  ['ug', 'µg'],
  ['ug/L', 'µg/L'],
  ['ug/dL', 'µg/dL'],
  ['ug/mL', 'µg/mL'],
  ['uL', 'µL'],
  ['umol/L', 'µmol/L'],
  ['[IU]', 'IU'],
  ['[iU]', 'IU'],
  ['u[IU]', 'µIU'],
  ['m[IU]', 'mIU'],
  ['mL/min/{1.73_m2}', 'mL/min/1.73 m²'],
  ['1', ''],
]);

// UCUM annotations that only say "a number on a scale": no unit to show.
const SCALE_ANNOTATION = /^\{[^{}]*(score|index|ratio)[^{}]*\}$/i;

/**
 * UCUM annotations as people read them: a scale alone ({score}) shows nothing, a counted thing
 * keeps its word ({beats}/min → beats/min), and one attached to a unit (%{HemoglobinA1C}) goes.
 */
function withoutAnnotations(unit: string): string {
  if (SCALE_ANNOTATION.test(unit)) return '';
  return (
    unit
      .replace(/(^|[/.])\{([^{}]*)\}/g, '$1$2')
      .replace(/\{[^{}]*\}/g, '')
      .split('/')
      // Each term of a ratio as people write it ({cells}/uL → cells/µL); "1/min" keeps its 1.
      .map((term) => (term === '1' ? term : (UCUM_DISPLAY.get(term) ?? term)))
      .join('/')
  );
}

/** A unit as people read it: known UCUM codes are translated, anything else shown as sent. */
export function displayUnit(unit: string | undefined): string {
  if (!unit) return '';
  return UCUM_DISPLAY.get(unit) ?? withoutAnnotations(unit);
}

/** Writes a quantity's number: formatNumber, or a clinical or exact reading of it. */
export type NumberText = (value: number | undefined) => string;

/** A quantity's number with its comparator but no unit, e.g. "< 5", for where the unit is a heading. */
export function formatQuantityValue(
  quantity: Pick<Quantity, 'value' | 'comparator'> | undefined,
  numberText: NumberText = formatNumber,
): string {
  const number = numberText(quantity?.value);
  if (number === '') return '';
  return quantity?.comparator ? `${quantity.comparator} ${number}` : number;
}

/** A quantity with comparator and unit, e.g. "< 5 mmol/L". UCUM "1" (no unit) shows nothing. */
export function formatQuantity(
  quantity: Quantity | undefined,
  numberText: NumberText = formatNumber,
): string {
  const value = formatQuantityValue(quantity, numberText);
  if (!quantity || value === '') return '';
  const shownUnit = displayUnit(quantity.unit ?? quantity.code);
  return `${value}${shownUnit ? ' ' + shownUnit : ''}`;
}

/** "3.5–5.0 mmol/L", or a one-sided "≥ 3.5 mmol/L" / "≤ 5.0 mmol/L". */
export function formatRange(range: Range | undefined): string {
  if (!range) return '';
  const low = formatNumber(range.low?.value);
  const high = formatNumber(range.high?.value);
  const unit = displayUnit(
    range.high?.unit ?? range.low?.unit ?? range.high?.code ?? range.low?.code,
  );
  const suffix = unit ? ` ${unit}` : '';
  if (low && high) return `${low}–${high}${suffix}`;
  if (low) return `≥ ${low}${suffix}`;
  if (high) return `≤ ${high}${suffix}`;
  return '';
}

/** "1:128", or "5 mg / 1 mL" when the parts have units. */
export function formatRatio(ratio: Ratio | undefined): string {
  if (!ratio) return '';
  const numerator = formatQuantity(ratio.numerator);
  const denominator = formatQuantity(ratio.denominator);
  if (!numerator) return '';
  if (!denominator) return numerator;
  const unitless = !ratio.numerator?.unit && !ratio.denominator?.unit;
  return unitless ? `${numerator}:${denominator}` : `${numerator} / ${denominator}`;
}

/** A summary of a waveform: how many points, at what interval. Never the raw data. */
export function formatSampledData(sampled: SampledData | undefined): string {
  if (!sampled) return '';
  const points = (sampled.data ?? '').split(/\s+/).filter(Boolean).length;
  const dimensions = sampled.dimensions && sampled.dimensions > 1 ? ` × ${sampled.dimensions}` : '';
  const every = sampled.period !== undefined ? `, every ${formatNumber(sampled.period)} ms` : '';
  const unit = sampled.origin?.unit ? ` (${sampled.origin.unit})` : '';
  return `Sampled data: ${points} points${dimensions}${every}${unit}`;
}

const DATE_ONLY = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
// FHIR dateTime/instant with a time. Date.parse alone is lenient: Chrome reads "spring 2019" as a date.
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/;

/**
 * A FHIR date, dateTime or instant in the browser's locale. Partial dates stay partial
 * ("2019", "Mar 2019") and date-only values never shift across time zones.
 */
export function formatDateTime(value: string | undefined, options: FormatOptions = {}): string {
  if (!value) return '';
  const dateOnly = DATE_ONLY.exec(value);
  if (dateOnly) {
    const [, year, month, day] = dateOnly;
    const date = new Date(Date.UTC(Number(year), Number(month ?? 1) - 1, Number(day ?? 1)));
    const parts: Intl.DateTimeFormatOptions = { timeZone: 'UTC', year: 'numeric' };
    if (month) parts.month = 'short';
    if (day) parts.day = 'numeric';
    return new Intl.DateTimeFormat(options.locale, parts).format(date);
  }
  const time = DATE_TIME.test(value) ? Date.parse(value) : NaN;
  if (Number.isNaN(time)) return value;
  return new Intl.DateTimeFormat(options.locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: options.timeZone,
  })
    .format(time)
    .replace(/\u202f/g, ' '); // ICU's narrow space before AM/PM trips copy-paste and tests.
}

/** A day as clinicians write it in a chart ("12 Mar 2019"): the date part as recorded, no time. */
export function formatDay(value: string | undefined): string {
  return formatDateTime(value?.slice(0, 10));
}

/** A FHIR time ("14:30:00") as written, without seconds when they are zero. */
export function formatTime(value: string | undefined): string {
  if (!value) return '';
  return value.replace(/^(\d{2}:\d{2}):00(\.0+)?$/, '$1');
}

export function formatPeriod(period: Period | undefined, options: FormatOptions = {}): string {
  if (!period) return '';
  const start = formatDateTime(period.start, options);
  const end = formatDateTime(period.end, options);
  if (start && end) return start === end ? start : `${start} – ${end}`;
  if (start) return `from ${start}`;
  if (end) return `until ${end}`;
  return '';
}

const GENDER_LABELS = lookupTable<string>([
  ['male', 'Male'],
  ['female', 'Female'],
  ['other', 'Other'],
  ['unknown', 'Unknown'],
]);

export function formatGender(gender: string | undefined): string {
  return gender ? (GENDER_LABELS.get(gender) ?? gender) : '';
}

/** Whole years between a FHIR birth date and `today`; undefined when unknown. */
export function ageInYears(birthDate: string | undefined, today = new Date()): number | undefined {
  const match = birthDate ? DATE_ONLY.exec(birthDate) : null;
  if (!match) return undefined;
  const [, year, month, day] = match;
  let age = today.getFullYear() - Number(year);
  const monthNow = today.getMonth() + 1;
  const birthMonth = Number(month ?? 1);
  if (monthNow < birthMonth || (monthNow === birthMonth && today.getDate() < Number(day ?? 1))) {
    age--;
  }
  return age >= 0 ? age : undefined;
}

const V2_IDENTIFIER_TYPES = 'http://terminology.hl7.org/CodeSystem/v2-0203';

/** The medical record number: an identifier typed MR, else one in the given MRN system. */
export function medicalRecordNumber(
  identifiers: Identifier[] | undefined,
  mrnSystem?: string,
): string | undefined {
  const list = identifiers ?? [];
  const typedMr = list.find(
    (id) =>
      hasCoding(id.type, V2_IDENTIFIER_TYPES, 'MR') ||
      (id.type?.coding ?? []).some((c) => c.code === 'MR'),
  );
  const bySystem = mrnSystem ? list.find((id) => id.system === mrnSystem) : undefined;
  return (typedMr ?? bySystem)?.value;
}
