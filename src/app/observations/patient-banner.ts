import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { PatientSummary } from '../fhir/patient-summary';
import { LaunchSession } from '../launch/launch-session';
import { Fact, FactList } from '../shared/fact-list';

/**
 * Who a chart or its observations belong to, always visible above them; unless the EHR that launched the
 * app shows its own banner for this patient (`need_patient_banner: false`): then only a heading, and
 * what must stay in view (allergies).
 */
@Component({
  selector: 'app-patient-banner',
  imports: [FactList],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section [class.patient-banner]="shown()" [attr.aria-label]="shown() ? 'Patient' : null">
      @if (shown()) {
        <h1 class="patient-name">{{ patient().name }}</h1>
        <dl app-fact-list class="patient-facts" layout="inline" [facts]="facts()"></dl>
        @if (patient().deceased) {
          <p class="deceased-marker">
            Deceased{{ patient().deceasedDate ? ' ' + patient().deceasedDate : '' }}
          </p>
        }
      } @else {
        <h1 data-testid="page-heading">{{ heading() }}</h1>
      }
      <!-- What must stay in view with the patient's name: the chart puts allergies here. -->
      <ng-content />
    </section>
  `,
})
export class PatientBanner {
  readonly patient = input.required<PatientSummary>();
  /** The page's heading when the EHR shows the banner instead. */
  readonly heading = input('Patient chart');

  private readonly launch = inject(LaunchSession);
  protected readonly shown = computed(() => this.launch.showsBannerFor(this.patient().id));

  protected readonly facts = computed((): Fact[] => {
    const patient = this.patient();
    return [
      { term: 'Sex', value: patient.gender },
      { term: 'Age', value: patient.age },
      { term: 'Born', value: patient.birthDate },
      { term: 'MRN', value: patient.mrn },
    ];
  });
}
