import { Injectable, inject } from '@angular/core';
import { Observable, map } from 'rxjs';
import { FhirClient, bundleNotices, bundleResources, pageLink } from '../fhir/fhir-client';
import { Bundle, Observation } from '../fhir/fhir-types';
import { newestFirst } from '../fhir/format-observation';
import {
  NO_OBSERVATION_FILTERS,
  ObservationFilters,
  observationSearchParams,
} from './observation-filters';

export interface ObservationPage {
  readonly observations: Observation[];
  readonly total: number | undefined;
  readonly nextLink: string | undefined;
  readonly previousLink: string | undefined;
  /** The server's notes on the search, e.g. a filter it ignored. */
  readonly notices: string[];
}

function toObservationPage(bundle: Bundle<Observation>): ObservationPage {
  return {
    // Sorted here too: not every server honours _sort=-date.
    observations: newestFirst(
      bundleResources(bundle).filter((r) => r.resourceType === 'Observation'),
    ),
    total: bundle.total,
    nextLink: pageLink(bundle, 'next'),
    previousLink: pageLink(bundle, 'previous'),
    notices: bundleNotices(bundle),
  };
}

@Injectable({ providedIn: 'root' })
export class ObservationService {
  private readonly fhir = inject(FhirClient);

  /** One page of a patient's observations: the first page of the filters, or a paging link. */
  search(patientId: string, filters: ObservationFilters): Observable<ObservationPage> {
    const request = filters.cursor
      ? this.fhir.getLink<Observation>(filters.cursor)
      : this.fhir.search<Observation>('Observation', observationSearchParams(patientId, filters));
    return request.pipe(map(toObservationPage));
  }

  /** The newest vital signs, for the summary at the top of the page. */
  recentVitals(patientId: string): Observable<Observation[]> {
    const filters = { ...NO_OBSERVATION_FILTERS, category: 'vital-signs' as const };
    return this.fhir
      .search<Observation>('Observation', observationSearchParams(patientId, filters, 100))
      .pipe(map((bundle) => toObservationPage(bundle).observations));
  }

  /** Every observation of one code for a patient, oldest first, for a trend chart. */
  history(patientId: string, loinc: string): Observable<Observation[]> {
    return this.fhir
      .search<Observation>('Observation', {
        patient: patientId,
        code: loinc,
        _sort: 'date',
        _count: 200,
      })
      .pipe(map((bundle) => newestFirst(bundleResources(bundle)).reverse()));
  }
}
