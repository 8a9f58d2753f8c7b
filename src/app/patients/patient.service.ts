import { Injectable, inject } from '@angular/core';
import { Observable, map } from 'rxjs';
import { FhirClient } from '../fhir/fhir-client';
import { Patient } from '../fhir/fhir-types';
import { SearchPage, toSearchPage } from '../fhir/search-page';
import { PatientSearch, patientSearchToFhir } from './patient-search';

@Injectable({ providedIn: 'root' })
export class PatientService {
  private readonly fhir = inject(FhirClient);

  /** The page a search names: its first page, or the server link it was paged to. */
  search(search: PatientSearch): Observable<SearchPage<Patient>> {
    const request = search.cursor
      ? this.fhir.getLink<Patient>(search.cursor)
      : this.fhir.search<Patient>('Patient', patientSearchToFhir(search));
    return request.pipe(map((bundle) => toSearchPage(bundle, 'Patient')));
  }
}
