import { Injectable, inject } from '@angular/core';
import { Observable, map } from 'rxjs';
import { FhirClient, bundleNotices, bundleResources, pageLink } from '../fhir/fhir-client';
import { Bundle, Patient } from '../fhir/fhir-types';
import { PatientSearch, patientSearchToFhir } from './patient-search';

export interface PatientPage {
  readonly patients: Patient[];
  readonly total: number | undefined;
  readonly nextLink: string | undefined;
  readonly previousLink: string | undefined;
  /** The server's notes on the search, e.g. a parameter it ignored. */
  readonly notices: string[];
}

function toPatientPage(bundle: Bundle<Patient>): PatientPage {
  return {
    patients: bundleResources(bundle).filter((r) => r.resourceType === 'Patient'),
    total: bundle.total,
    nextLink: pageLink(bundle, 'next'),
    previousLink: pageLink(bundle, 'previous'),
    notices: bundleNotices(bundle),
  };
}

@Injectable({ providedIn: 'root' })
export class PatientService {
  private readonly fhir = inject(FhirClient);

  /** The page a search names: its first page, or the server link it was paged to. */
  search(search: PatientSearch): Observable<PatientPage> {
    const request = search.cursor
      ? this.fhir.getLink<Patient>(search.cursor)
      : this.fhir.search<Patient>('Patient', patientSearchToFhir(search));
    return request.pipe(map(toPatientPage));
  }
}
