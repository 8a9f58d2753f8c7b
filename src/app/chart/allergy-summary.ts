import { isNoKnownAllergy } from '../fhir/chart-status';
import { AllergyIntolerance } from '../fhir/fhir-types';
import { formatCodeableConcept } from '../fhir/format-datatypes';
import { LoadState } from '../shared/load-state';
import { SectionPage } from './chart-queries';
import { statusOf } from '../fhir/chart-status';

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
  const current = page.resources.filter((a) => statusOf(a).group !== 'entered-in-error');
  const negations = current.filter(isNoKnownAllergy);
  const allergies = current
    .filter((a) => !isNoKnownAllergy(a) && statusOf(a).group !== 'inactive')
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
