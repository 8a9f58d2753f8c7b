import { ChangeDetectionStrategy, Component, computed, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { Observation } from '../fhir/fhir-types';
import { toObservationRow } from '../observations/observation-row';
import { openList } from './chart-queries';
import { ChartRow } from './chart-row';
import { ChartSection } from './chart-section';
import { ENCOUNTER_SECTIONS } from './sections/registry';
import { defineList } from './sections/section';

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

/** An encounter's record lists its observations first: they are no chart section of their own. */
const OBSERVATIONS = defineList({
  type: 'Observation',
  heading: 'Observations',
  what: 'observations',
  empty: 'No observations recorded in this encounter.',
  query: { _count: 200 },
  toRow: observationChartRow,
});

/** The encounter's lists: its observations, then each section's list that references an encounter. */
export const ENCOUNTER_LISTS = [
  OBSERVATIONS,
  ...ENCOUNTER_SECTIONS.flatMap(({ type, toRow, inEncounter }) =>
    inEncounter ? [{ type, toRow, ...inEncounter }] : [],
  ),
];

/** The lists of one encounter's record; created when opened, so nothing is asked for before. */
@Component({
  selector: 'app-encounter-entries',
  imports: [ChartSection],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="encounter-entries">
      @for (list of lists; track list.spec.heading) {
        <app-chart-section [level]="3" [list]="list" [paged]="false" />
      }
    </div>
  `,
})
export class EncounterEntries {
  readonly patientId = input.required<string>();
  readonly encounterId = input.required<string>();

  private readonly owner = computed(() => ({
    patient: this.patientId(),
    encounter: `Encounter/${this.encounterId()}`,
  }));

  protected readonly lists = ENCOUNTER_LISTS.map((spec) => openList(spec, this.owner));
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
