import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { PatientSummary } from '../fhir/patient-summary';

/** Who these observations belong to, always visible above them. */
@Component({
  selector: 'app-patient-banner',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="patient-banner" aria-label="Patient">
      <h1 class="patient-name">{{ patient().name }}</h1>
      <dl class="patient-facts">
        <div>
          <dt>Sex</dt>
          <dd>{{ patient().gender }}</dd>
        </div>
        <div>
          <dt>Age</dt>
          <dd>{{ patient().age }}</dd>
        </div>
        <div>
          <dt>Born</dt>
          <dd>{{ patient().birthDate }}</dd>
        </div>
        <div>
          <dt>MRN</dt>
          <dd>{{ patient().mrn }}</dd>
        </div>
      </dl>
      @if (patient().deceased) {
        <p class="deceased-marker">
          Deceased{{ patient().deceasedDate ? ' ' + patient().deceasedDate : '' }}
        </p>
      }
    </section>
  `,
})
export class PatientBanner {
  readonly patient = input.required<PatientSummary>();
}
