import { AbatementX, Age, Annotation, OnsetX, Range } from './fhir-types';
import { FormatOptions, formatDateTime, formatNumber, formatPeriod } from './format-datatypes';
import { ReferenceContext, formatReference } from './format-reference';
import { formatDuration, timeUnitCode } from './format-timing';

/** An age as said aloud: years go without their unit ("45"), younger ages keep it ("6 months"). */
function ageWords(age: Age | undefined): string {
  if (timeUnitCode(age) === 'a') return formatNumber(age?.value);
  return formatDuration(age);
}

/** "at age 45", "at age 6 months". */
export function formatAge(age: Age | undefined): string {
  const words = ageWords(age);
  return words ? `at age ${words}` : '';
}

/** "between ages 30 and 40", "from age 30", "before age 40". */
export function formatAgeRange(range: Range | undefined): string {
  const low = ageWords(range?.low);
  const high = ageWords(range?.high);
  if (low && high) return `between ages ${low} and ${high}`;
  if (low) return `from age ${low}`;
  if (high) return `before age ${high}`;
  return '';
}

/**
 * onset[x] or abatement[x] in words, by its prefix: a date (partial dates stay partial), an age, a
 * period, an age range or the sender's text.
 */
function formatTimeChoice(
  resource: (OnsetX & AbatementX) | undefined,
  prefix: 'onset' | 'abatement',
  options: FormatOptions,
): string {
  if (!resource) return '';
  return (
    formatDateTime(resource[`${prefix}DateTime`], options) ||
    formatAge(resource[`${prefix}Age`]) ||
    formatPeriod(resource[`${prefix}Period`], options) ||
    formatAgeRange(resource[`${prefix}Range`]) ||
    resource[`${prefix}String`]?.trim() ||
    ''
  );
}

/**
 * onset[x] of a Condition or AllergyIntolerance in words; '' when absent: the caller says "Onset
 * unknown".
 */
export function formatOnset(resource: OnsetX | undefined, options: FormatOptions = {}): string {
  return formatTimeChoice(resource, 'onset', options);
}

/** abatement[x] in the same words as onset[x]; R3's abatementBoolean is not R4 and is ignored. */
export function formatAbatement(
  resource: AbatementX | undefined,
  options: FormatOptions = {},
): string {
  return formatTimeChoice(resource, 'abatement', options);
}

/**
 * A note with who wrote it and when: "Text — Dr. Ada Lovelace, Mar 1, 2020"; '' without text. The
 * context (the resource holding the note, included resources) names an author given by reference.
 */
export function formatAnnotation(
  note: Annotation | undefined,
  options: FormatOptions = {},
  context: ReferenceContext = {},
): string {
  const text = note?.text?.trim();
  if (!text) return '';
  const author = note?.authorString?.trim() || formatReference(note?.authorReference, context);
  const byline = [author, formatDateTime(note?.time, options)].filter(Boolean).join(', ');
  return byline ? `${text} — ${byline}` : text;
}

/** Several notes, each with its byline, separated by a middle dot; empty notes are left out. */
export function formatAnnotations(list: readonly Annotation[] | undefined): string {
  return (list ?? [])
    .map((note) => formatAnnotation(note))
    .filter(Boolean)
    .join(' · ');
}
