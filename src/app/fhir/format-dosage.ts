import { CodeableConcept, Dosage, Ratio } from './fhir-types';
import {
  FormatOptions,
  formatCodeableConcept,
  formatQuantity,
  formatRange,
  formatRatio,
} from './format-datatypes';
import { formatDuration, formatTiming } from './format-timing';
import { lookupTable } from './lookup-table';

const SNOMED = 'http://snomed.info/sct';

// SNOMED CT routes (the R4 route-codes value set) as a prescription says them.
const ROUTES = lookupTable<string>([
  ['26643006', 'by mouth'],
  ['260548002', 'by mouth'],
  ['37839007', 'under the tongue'],
  ['447694001', 'inhaled'],
  ['18679011000001101', 'inhaled'],
  ['46713006', 'into the nose'],
  ['78421000', 'intramuscularly'],
  ['47625008', 'intravenously'],
  ['255560000', 'intravenously'],
  ['34206005', 'subcutaneously'],
  ['6064005', 'topically'],
  ['37161004', 'rectally'],
  ['16857009', 'vaginally'],
  ['45890007', 'through the skin'],
  ['54485002', 'into the eye'],
  ['10547007', 'into the ear'],
]);

// SNOMED CT administration methods, imperative as on a label.
const METHODS = lookupTable<string>([
  ['421521009', 'Swallow'],
  ['419747000', 'Chew'],
  ['420620005', 'Push'],
  ['422145002', 'Inject'],
  ['421538008', 'Instill'],
  ['417924000', 'Apply'],
  ['419652001', 'Take'],
]);

/** A SNOMED display without its semantic tag: "Oral Route (qualifier value)" reads "Oral Route". */
function conceptWords(concept: CodeableConcept | undefined): string {
  return formatCodeableConcept(concept).replace(/\s*\([a-z ]+\)$/, '');
}

function snomedWords(
  concept: CodeableConcept | undefined,
  table: ReadonlyMap<string, string>,
): string | undefined {
  return (concept?.coding ?? [])
    .filter((c) => c.system === SNOMED || c.system === undefined)
    .map((c) => table.get(c.code ?? ''))
    .find(Boolean);
}

function routeWords(route: CodeableConcept | undefined): string {
  const known = snomedWords(route, ROUTES);
  if (known) return known;
  const text = conceptWords(route);
  return text ? `by ${text}` : '';
}

/** "max 8 tablets per day", "max 4 g per 24 hours". */
function maxDoseWords(max: Ratio | undefined): string {
  const dose = formatQuantity(max?.numerator);
  if (!dose) return '';
  // "per 1 day" reads as "per day".
  const period = formatDuration(max?.denominator).replace(/^1 /, '');
  return period ? `max ${dose} per ${period}` : `max ${dose}`;
}

/** The structured parts of a dosage read as a prescription: "2 puffs inhaled every 4–6 hours as needed for wheezing". */
function structuredDosage(dosage: Dosage, options: FormatOptions): string {
  const doseAndRate = dosage.doseAndRate ?? [];
  const dose =
    doseAndRate
      .map((d) => formatQuantity(d.doseQuantity) || formatRange(d.doseRange))
      .find(Boolean) ?? '';
  const rate =
    doseAndRate
      .map(
        (d) =>
          formatQuantity(d.rateQuantity) || formatRatio(d.rateRatio) || formatRange(d.rateRange),
      )
      .find(Boolean) ?? '';
  const reason = conceptWords(dosage.asNeededCodeableConcept);
  const asNeeded = reason ? `as needed for ${reason}` : dosage.asNeededBoolean ? 'as needed' : '';
  const site = conceptWords(dosage.site);
  const sentence = [
    snomedWords(dosage.method, METHODS) ?? conceptWords(dosage.method),
    dose,
    routeWords(dosage.route),
    rate ? `at ${rate}` : '',
    formatTiming(dosage.timing, options),
    asNeeded,
  ]
    .filter(Boolean)
    .join(' ');
  const notes = [site ? `site: ${site}` : '', maxDoseWords(dosage.maxDosePerPeriod)].filter(
    Boolean,
  );
  if (!notes.length) return sentence;
  return sentence ? `${sentence} (${notes.join('; ')})` : notes.join('; ');
}

/**
 * One dosage instruction in words. Dosage.text is what the prescriber wrote and signed, so it is
 * shown alone when present: a second, generated reading beside it would invite the reader to
 * reconcile two instructions, and where they differ the text is the one that was meant. The
 * structured reading stands in only when there is no text.
 */
export function formatDosage(dosage: Dosage | undefined, options: FormatOptions = {}): string {
  if (!dosage) return '';
  return dosage.text?.trim() || structuredDosage(dosage, options);
}

/**
 * Several instructions as one: in sequence order, where those sharing a sequence number apply
 * together ("and") and later numbers follow ("then"); without sequence numbers, as listed.
 */
export function formatDosages(
  dosages: readonly Dosage[] | undefined,
  options: FormatOptions = {},
): string {
  const list = dosages ?? [];
  const sequenced = list.some((d) => Number.isFinite(d.sequence));
  if (!sequenced)
    return list
      .map((d) => formatDosage(d, options))
      .filter(Boolean)
      .join('; ');
  const order = (d: Dosage) => (Number.isFinite(d.sequence) ? (d.sequence as number) : Infinity);
  const steps = new Map<number, string[]>();
  for (const dosage of [...list].sort((a, b) => order(a) - order(b))) {
    const text = formatDosage(dosage, options);
    if (text) steps.set(order(dosage), [...(steps.get(order(dosage)) ?? []), text]);
  }
  return [...steps.values()].map((together) => together.join(' and ')).join('; then ');
}
