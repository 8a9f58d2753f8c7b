import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { PatientSummary } from '../fhir/patient-summary';

/** Who a chart or its observations belong to, always visible above them. */
@Component({
  selector: 'app-patient-banner',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="patient-banner" aria-label="Patient">
      <h1 class="patient-name">{{ patient().name }}</h1>
      <dl class="patient-facts">
        @for (fact of facts(); track fact.term) {
          <div>
            <dt>{{ fact.term }}</dt>
            <dd>{{ fact.value }}</dd>
          </div>
        }
      </dl>
      @if (patient().deceased) {
        <p class="deceased-marker">
          Deceased{{ patient().deceasedDate ? ' ' + patient().deceasedDate : '' }}
        </p>
      }
      <!-- What must stay in view with the patient's name: the chart puts allergies here. -->
      <ng-content />
    </section>
  `,
})
export class PatientBanner {
  readonly patient = input.required<PatientSummary>();

  protected readonly facts = computed(() => {
    const patient = this.patient();
    return [
      { term: 'Sex', value: patient.gender },
      { term: 'Age', value: patient.age },
      { term: 'Born', value: patient.birthDate },
      { term: 'MRN', value: patient.mrn },
    ];
  });
}
