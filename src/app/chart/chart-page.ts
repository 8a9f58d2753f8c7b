import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { AccessContext } from '../auth/access-context';
import { AllergyIntolerance } from '../fhir/fhir-types';
import { LatestVitalsPanel } from '../observations/latest-vitals-panel';
import { ObservationService } from '../observations/observation.service';
import { LoadState, createLoader } from '../shared/load-state';
import { PatientHeader, patientHeader } from '../shared/patient-header';
import { OpenList, SectionPage, openList } from './chart-queries';
import { ChartSection } from './chart-section';
import { EncounterRecord } from './encounter-record';
import { LaunchEncounter } from '../launch/launch-encounter';
import { summariseAllergies } from './sections/allergies';
import { AnySection, CHART_SECTIONS } from './sections/registry';

const permitted = (list: OpenList): boolean => list.loader.state().status !== 'not-permitted';

/**
 * A patient's chart: the banner with allergies always in view, then every section, each loading in
 * parallel with its own states, so one failing never blanks the others. Sections outside the user's
 * access are named once, not each shown as an error; nothing is requested that would end in a 403.
 */
@Component({
  selector: 'app-chart-page',
  imports: [
    RouterLink,
    ChartSection,
    EncounterRecord,
    LatestVitalsPanel,
    LaunchEncounter,
    PatientHeader,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './chart-page.html',
  styleUrl: './chart-page.scss',
})
export class ChartPage {
  /** The patient id, bound from the route's `:id`. */
  readonly id = input.required<string>();

  private readonly observations = inject(ObservationService);
  private readonly access = inject(AccessContext);

  protected readonly observationsAllowed = this.access.mayRead('Observation');

  protected readonly header = patientHeader(this.id);

  protected readonly vitals = createLoader({
    params: this.id,
    request: (id) => this.observations.recentVitals(id),
    permitted: this.observationsAllowed,
  });

  private readonly owner = computed(() => ({ patient: this.id() }));
  /** Each section's list, and the lists inside it. */
  private readonly sections = CHART_SECTIONS.map((spec: AnySection) => ({
    ...openList(spec, this.owner),
    also: (spec.also ?? []).map((list) => openList(list, this.owner)),
  }));
  /** The sections the user's access includes, in chart order, with the lists inside them it includes. */
  protected readonly shownSections = this.sections
    .map((section) => ({ ...section, also: section.also.filter(permitted) }))
    .filter((section) => permitted(section) || section.also.length > 0);
  /** What the user's access leaves out, named once above the chart. */
  protected readonly outsideAccess = [
    ...this.sections
      .flatMap((section) => [section, ...section.also])
      .filter((list) => !permitted(list))
      .map((list) => list.spec.what),
    ...(this.observationsAllowed ? [] : ['observations and vitals']),
  ];

  private readonly allergySection = this.sections.find((s) => s.spec.type === 'AllergyIntolerance');
  /** The banner's allergy line; the section's loader is the AllergyIntolerance one by its spec. */
  protected readonly allergies = computed(() =>
    summariseAllergies(
      (this.allergySection?.loader.state() ?? { status: 'loading' }) as LoadState<
        SectionPage<AllergyIntolerance>
      >,
    ),
  );
}
