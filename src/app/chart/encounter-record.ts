import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { AccessContext } from '../auth/access-context';
import { FHIR_SESSION } from '../fhir/fhir-session';
import { Condition, MedicationRequest, Observation, Procedure } from '../fhir/fhir-types';
import { toObservationRow } from '../observations/observation-row';
import { createLoader } from '../shared/load-state';
import { SectionPage, ChartQueries } from './chart-queries';
import { ChartRow } from './chart-row';
import { ChartSection } from './chart-section';
import { RowContext, conditionRow, medicationRow, pageRows, procedureRow } from './chart-rows';

/** An observation as a chart row: its value is the title's companion, its status in words. */
function observationChartRow(observation: Observation): ChartRow {
  const shown = toObservationRow(observation);
  return {
    id: shown.id,
    title: `${shown.code}: ${shown.value}`,
    status: {
      label: shown.statusNote || 'Final',
      group: shown.status === 'entered-in-error' ? 'entered-in-error' : 'active',
    },
    when: shown.date,
    time: shown.time,
    details: [],
    flags: shown.flags,
    results: [],
    attachments: [],
  };
}

/** The lists of one encounter's record; created when opened, so nothing is asked for before. */
@Component({
  selector: 'app-encounter-entries',
  imports: [ChartSection],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="encounter-entries">
      @for (list of lists; track list.heading) {
        <app-chart-section
          [level]="3"
          [heading]="list.heading"
          [what]="list.what"
          [state]="list.loader.state()"
          [rows]="list.rows()"
          [empty]="list.empty"
          [notices]="list.loader.data()?.notices ?? []"
          (retry)="list.loader.retry()"
        />
      }
    </div>
  `,
})
export class EncounterEntries {
  readonly patientId = input.required<string>();
  readonly encounterId = input.required<string>();

  private readonly queries = inject(ChartQueries);
  private readonly access = inject(AccessContext);
  private readonly fhirBase = inject(FHIR_SESSION).baseUrl;
  private readonly ids = computed(() => ({
    patient: this.patientId(),
    encounter: this.encounterId(),
  }));

  private rowsOf<T extends Observation | Condition | Procedure | MedicationRequest>(
    loader: { data: () => SectionPage<T> | undefined },
    toRow: (resource: T, context: RowContext) => ChartRow,
  ) {
    return computed(() => {
      const page = loader.data();
      return page && pageRows(page, toRow, this.fhirBase);
    });
  }

  private readonly observations = createLoader({
    params: this.ids,
    request: ({ patient, encounter }) =>
      this.queries.inEncounter('Observation', patient, encounter),
    permitted: this.access.mayRead('Observation'),
  });
  private readonly conditions = createLoader({
    params: this.ids,
    request: ({ patient, encounter }) => this.queries.inEncounter('Condition', patient, encounter),
    permitted: this.access.mayRead('Condition'),
  });
  private readonly procedures = createLoader({
    params: this.ids,
    request: ({ patient, encounter }) => this.queries.inEncounter('Procedure', patient, encounter),
    permitted: this.access.mayRead('Procedure'),
  });
  private readonly medications = createLoader({
    params: this.ids,
    request: ({ patient, encounter }) =>
      this.queries.inEncounter('MedicationRequest', patient, encounter),
    permitted: this.access.mayRead('MedicationRequest'),
  });

  protected readonly lists = [
    {
      heading: 'Observations',
      what: 'observations',
      empty: 'No observations recorded in this encounter.',
      loader: this.observations,
      rows: this.rowsOf(this.observations, observationChartRow),
    },
    {
      heading: 'Problems',
      what: 'problems',
      empty: 'No problems recorded in this encounter.',
      loader: this.conditions,
      rows: this.rowsOf(this.conditions, conditionRow),
    },
    {
      heading: 'Procedures',
      what: 'procedures',
      empty: 'No procedures recorded in this encounter.',
      loader: this.procedures,
      rows: this.rowsOf(this.procedures, procedureRow),
    },
    {
      heading: 'Prescriptions',
      what: 'prescriptions',
      empty: 'No prescriptions written in this encounter.',
      loader: this.medications,
      rows: this.rowsOf(this.medications, medicationRow),
    },
  ];
}

/**
 * What was recorded in one encounter, asked for only when the clinician opens it: the observations,
 * problems, procedures and prescriptions that reference it, each with its own states.
 */
@Component({
  selector: 'app-encounter-record',
  imports: [MatButtonModule, EncounterEntries],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <button
      mat-button
      type="button"
      [attr.aria-expanded]="open()"
      [attr.aria-controls]="'record-' + encounterId()"
      (click)="open.set(!open())"
    >
      {{ open() ? 'Hide what was recorded' : 'What was recorded' }}
    </button>
    @if (open()) {
      <app-encounter-entries
        [id]="'record-' + encounterId()"
        [patientId]="patientId()"
        [encounterId]="encounterId()"
      />
    }
  `,
})
export class EncounterRecord {
  readonly patientId = input.required<string>();
  readonly encounterId = input.required<string>();
  protected readonly open = signal(false);
}
