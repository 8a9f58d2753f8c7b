import { Injectable, inject } from '@angular/core';
import { Observable, map } from 'rxjs';
import { FhirClient, bundleResources } from '../fhir/fhir-client';
import { Bundle, Observation } from '../fhir/fhir-types';
import { newestFirst } from '../fhir/format-observation';
import { SearchPage, toSearchPage } from '../fhir/search-page';
import {
  NO_OBSERVATION_FILTERS,
  ObservationFilters,
  observationSearchParams,
} from './observation-filters';

function toObservationPage(bundle: Bundle<Observation>): SearchPage<Observation> {
  const page = toSearchPage(bundle, 'Observation');
  // Sorted here too: not every server honours _sort=-date.
  return { ...page, resources: newestFirst(page.resources) };
}

@Injectable({ providedIn: 'root' })
export class ObservationService {
  private readonly fhir = inject(FhirClient);

  /** One page of a patient's observations: the first page of the filters, or a paging link. */
  search(patientId: string, filters: ObservationFilters): Observable<SearchPage<Observation>> {
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
      .pipe(map((bundle) => toObservationPage(bundle).resources));
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
