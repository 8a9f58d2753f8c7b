import { clinicalStatus, qualified } from '../../fhir/chart-status';
import { AllergyIntolerance } from '../../fhir/fhir-types';
import { formatAnnotations, formatOnset } from '../../fhir/format-clinical';
import {
  formatCodeableConcept,
  formatCodeableConcepts,
  formatDay,
  hasCoding,
} from '../../fhir/format-datatypes';
import { formatReference } from '../../fhir/format-reference';
import { InterpretationFlag } from '../../fhir/interpretation';
import { lookupTable } from '../../fhir/lookup-table';
import { LoadState } from '../../shared/load-state';
import { SectionPage } from '../chart-queries';
import { ChartRow, chartRow, dated, details, timeOf, titled } from '../chart-row';
import { RowContext, defineSection } from './section';

const CRITICALITY = lookupTable([
  ['high', 'high criticality'],
  ['unable-to-assess', 'criticality not assessable'],
]);

/** Clinical status with its criticality when high or not assessable: "Active, high criticality". */
export function allergyStatus(allergy: AllergyIntolerance) {
  const base = clinicalStatus(allergy);
  if (base.group === 'entered-in-error') return base;
  return qualified(base, [CRITICALITY.get(allergy.criticality ?? '') ?? '']);
}

const SNOMED = 'http://snomed.info/sct';
/** No known allergy, drug allergy, food allergy, environmental allergy. */
const NO_KNOWN_ALLERGY_CODES = ['716186003', '409137002', '429625007', '428607008'];
const NO_KNOWN_ALLERGY_TEXT =
  /^(nka|nkda|nkfa|no known (drug |food |environmental |medication )?allerg(y|ies))\.?$/i;

/**
 * A recorded "no known allergy" that still stands: a negation a clinician can rely on, unlike an
 * empty list, which only says nothing was recorded. A refuted, inactive or erroneous one is none.
 */
export function isNoKnownAllergy(allergy: AllergyIntolerance): boolean {
  const code = allergy.code;
  const negation =
    NO_KNOWN_ALLERGY_CODES.some((c) => hasCoding(code, SNOMED, c)) ||
    NO_KNOWN_ALLERGY_TEXT.test(code?.text?.trim() ?? '');
  const group = clinicalStatus(allergy).group;
  return negation && group !== 'inactive' && group !== 'entered-in-error';
}

const HIGH_CRITICALITY: InterpretationFlag = {
  code: 'criticality-high',
  label: 'High criticality',
  severity: 'critical',
};
const SEVERE_REACTION: InterpretationFlag = {
  code: 'reaction-severe',
  label: 'Severe reaction',
  severity: 'critical',
};

export function allergyRow(allergy: AllergyIntolerance, context: RowContext): ChartRow {
  const onset = formatOnset(allergy);
  const reactions = (allergy.reaction ?? [])
    .map((reaction) => {
      const signs =
        formatCodeableConcepts(reaction.manifestation) || reaction.description?.trim() || '';
      return signs && reaction.severity ? `${signs} (${reaction.severity})` : signs;
    })
    .filter(Boolean)
    .join('; ');
  const kind = [allergy.category?.join(', '), allergy.type].filter(Boolean).join(' ');
  return chartRow(allergy, {
    title: titled(formatCodeableConcept(allergy.code), 'Unnamed allergy or intolerance'),
    status: allergyStatus(allergy),
    when: onset ? `Onset ${onset}` : dated('Recorded', formatDay(allergy.recordedDate)),
    time: timeOf(allergy.onsetDateTime, allergy.recordedDate),
    flags: [
      ...(allergy.criticality === 'high' ? [HIGH_CRITICALITY] : []),
      ...(allergy.reaction?.some((r) => r.severity === 'severe') ? [SEVERE_REACTION] : []),
    ],
    details: details(
      ['Reaction', reactions],
      ['Kind', kind],
      ['Criticality', allergy.criticality === 'unable-to-assess' ? 'Unable to assess' : ''],
      ['Last occurrence', formatDay(allergy.lastOccurrence)],
      [
        'Recorded by',
        formatReference(allergy.recorder ?? allergy.asserter, {
          referrer: allergy,
          resolved: context.resolved,
        }),
      ],
      ['Notes', formatAnnotations(allergy.note)],
    ),
  });
}

export const allergiesSection = defineSection({
  type: 'AllergyIntolerance',
  heading: 'Allergies and intolerances',
  what: 'allergies',
  empty: 'No allergies recorded. This is not the same as no known allergies: ask the patient.',
  filterable: true,
  query: { _count: 50 },
  toRow: allergyRow,
});

/**
 * What the banner says about allergies, always in words. "No known allergies" is a recorded negation;
 * "No allergies recorded" is the absence of any record; neither is ever said while the list is
 * loading, failed, withheld, or only partly read.
 */
export interface AllergySummary {
  readonly text: string;
  /** Active allergies, high criticality first, for the banner's list. */
  readonly allergies: readonly { readonly name: string; readonly highCriticality: boolean }[];
  /** True when the clinician must look further (an error, another page): never a quiet "none". */
  readonly incomplete: boolean;
}

export function summariseAllergies(
  state: LoadState<SectionPage<AllergyIntolerance>>,
): AllergySummary {
  switch (state.status) {
    case 'loading':
      return { text: 'Allergies: loading…', allergies: [], incomplete: true };
    case 'not-permitted':
      return { text: 'Allergies: outside your access', allergies: [], incomplete: true };
    case 'error':
      return {
        text:
          state.error.kind === 'unsupported'
            ? 'Allergies: not offered by this FHIR server'
            : 'Allergies: could not be loaded (see Allergies below)',
        allergies: [],
        incomplete: true,
      };
    case 'loaded':
      return loadedSummary(state.data);
  }
}

function loadedSummary(page: SectionPage<AllergyIntolerance>): AllergySummary {
  const current = page.resources.filter((a) => allergyStatus(a).group !== 'entered-in-error');
  const negations = current.filter(isNoKnownAllergy);
  const allergies = current
    .filter((a) => !isNoKnownAllergy(a) && allergyStatus(a).group !== 'inactive')
    .map((a) => ({
      name: formatCodeableConcept(a.code) || 'Unnamed allergy',
      highCriticality: a.criticality === 'high',
    }))
    .sort((a, b) => Number(b.highCriticality) - Number(a.highCriticality));
  const more = page.nextLink !== undefined;
  // The server answered with another patient's entries too: what it sent for this one is in doubt.
  const doubtful = page.notThePatients > 0;
  if (allergies.length > 0) {
    return {
      text: more ? 'Allergies (more on the next page below):' : 'Allergies:',
      allergies,
      incomplete: more || doubtful,
    };
  }
  if (more || doubtful)
    return { text: 'Allergies: see the list below', allergies: [], incomplete: true };
  if (negations.length > 0) return { text: 'No known allergies', allergies: [], incomplete: false };
  if (current.length > 0)
    return { text: 'No active allergies (inactive ones below)', allergies: [], incomplete: false };
  return { text: 'No allergies recorded', allergies: [], incomplete: false };
}
