import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { AccessContext } from '../auth/access-context';
import { FhirClient } from '../fhir/fhir-client';
import { Patient } from '../fhir/fhir-types';
import { toPatientSummary } from '../fhir/patient-summary';
import { PatientBanner } from '../observations/patient-banner';
import { createLoader } from './load-state';
import { LoadStateView } from './load-state-view';
import { PatientListMemory } from './patient-list-memory';

/**
 * What every page about one patient shows above its content: the patient, read once, as the banner
 * shows them; whether the server has them at all; and the way back to the list the user came from
 * (patient-bound users have none). Call it in an injection context, as createLoader.
 */
export function patientHeader(id: () => string) {
  const fhir = inject(FhirClient);
  const router = inject(Router);
  const listMemory = inject(PatientListMemory);
  const patient = createLoader({
    params: id,
    request: (patientId) => fhir.read<Patient>('Patient', patientId),
  });
  return {
    patient,
    summary: computed(() => {
      const read = patient.data();
      return read && toPatientSummary(read);
    }),
    /** A patient the server does not have has nothing else to show. */
    missing: computed(() => {
      const state = patient.state();
      return state.status === 'error' && state.error.kind === 'not-found';
    }),
    canBrowsePatients: !inject(AccessContext).boundPatientId(),
    /** Back to the same search and page the user came from. */
    backLink: computed(() => router.parseUrl(listMemory.lastListUrl())),
  };
}

/**
 * What the pages about one patient show first, from their patientHeader(): the way back to the
 * list, then the banner, or while the patient is not read yet (or cannot be), a heading and why.
 * Content inside it stays in the banner with the name (the chart's allergies).
 */
@Component({
  selector: 'app-patient-header',
  imports: [RouterLink, LoadStateView, PatientBanner],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let shown = header();
    @if (shown.canBrowsePatients) {
      <a class="back-link" [routerLink]="shown.backLink()">← Back to patients</a>
    }
    @if (shown.summary(); as patient) {
      <app-patient-banner [patient]="patient" [heading]="heading()"
        ><ng-content
      /></app-patient-banner>
    } @else {
      <h1>Patient</h1>
      <app-load-state
        [state]="shown.patient.state()"
        what="the patient"
        (retry)="shown.patient.retry()"
      />
    }
  `,
})
export class PatientHeader {
  readonly header = input.required<ReturnType<typeof patientHeader>>();
  /** The page's heading where the EHR shows the patient banner instead (PatientBanner). */
  readonly heading = input('Patient chart');
}
