import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { AccessContext } from '../auth/access-context';
import { encounterTitle } from '../chart/sections/encounters';
import { formatDay } from '../fhir/format-datatypes';
import { EncounterEntries } from '../chart/encounter-record';
import { FhirClient } from '../fhir/fhir-client';
import { Encounter } from '../fhir/fhir-types';
import { createLoader } from '../shared/load-state';
import { LoadStateView } from '../shared/load-state-view';
import { LaunchSession } from './launch-session';

/** The launch's encounter, read, and its record open, once it is known to be this patient's. */
@Component({
  selector: 'app-launch-encounter-record',
  imports: [EncounterEntries, LoadStateView],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (encounter.data(); as found) {
      @if (belongsHere()) {
        <p class="launch-encounter-summary" data-testid="launch-encounter-summary">
          {{ summary() }}
        </p>
        <app-encounter-entries [patientId]="patientId()" [encounterId]="encounterId()" />
      } @else {
        <p role="status">
          The encounter {{ ehrName() }} had open is not this patient’s, so it is not shown.
        </p>
      }
    } @else {
      <app-load-state
        [state]="encounter.state()"
        what="the encounter"
        (retry)="encounter.retry()"
      />
    }
  `,
})
export class LaunchEncounterRecord {
  readonly patientId = input.required<string>();
  readonly encounterId = input.required<string>();
  readonly ehrName = input.required<string>();

  private readonly fhir = inject(FhirClient);
  protected readonly encounter = createLoader({
    params: this.encounterId,
    request: (id) => this.fhir.read<Encounter>('Encounter', id),
    permitted: inject(AccessContext).mayRead('Encounter'),
  });
  protected readonly belongsHere = computed(
    () => this.encounter.data()?.subject?.reference === `Patient/${this.patientId()}`,
  );
  protected readonly summary = computed(() => {
    const found = this.encounter.data();
    if (!found) return '';
    const when = formatDay(found.period?.start);
    return when ? `${encounterTitle(found)}, ${when}` : encounterTitle(found);
  });
}

/**
 * On the chart of the patient an EHR launched with: the encounter it had open, with its record open,
 * above everything else. Nothing on any other chart, nor in an Okta session.
 */
@Component({
  selector: 'app-launch-encounter',
  imports: [LaunchEncounterRecord],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (encounterId(); as encounterId) {
      <section class="launch-encounter" aria-labelledby="launch-encounter-heading">
        <h2 id="launch-encounter-heading">Encounter open in {{ ehrName }}</h2>
        <app-launch-encounter-record
          [patientId]="patientId()"
          [encounterId]="encounterId"
          [ehrName]="ehrName"
        />
      </section>
    }
  `,
})
export class LaunchEncounter {
  readonly patientId = input.required<string>();

  private readonly launch = inject(LaunchSession);
  private readonly context = this.launch.context();
  protected readonly ehrName = this.launch.ehr?.name ?? '';
  protected readonly encounterId = computed(() =>
    this.context?.patient === this.patientId() ? this.context.encounter : undefined,
  );
}
