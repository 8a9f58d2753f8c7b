import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  linkedSignal,
} from '@angular/core';
import { RouterLink } from '@angular/router';
import { AccessContext } from '../auth/access-context';
import { FHIR_SESSION } from '../fhir/fhir-session';
import { AllergyIntolerance, Resource } from '../fhir/fhir-types';
import { LatestVitalsPanel } from '../observations/latest-vitals-panel';
import { ObservationService } from '../observations/observation.service';
import { PatientBanner } from '../observations/patient-banner';
import { PageTurn } from '../shared/bundle-pager';
import { LoadState, Loader, createLoader } from '../shared/load-state';
import { LoadStateView } from '../shared/load-state-view';
import { patientHeader } from '../shared/patient-header';
import { summariseAllergies } from './allergy-summary';
import { SectionPage, ChartQueries } from './chart-queries';
import { ChartRow } from './chart-row';
import { ChartSection } from './chart-section';
import { CHART_SECTIONS, SectionSpec } from './chart-sections';
import { RowContext, pageRows } from './chart-rows';
import { EncounterRecord } from './encounter-record';
import { LaunchEncounter } from '../launch/launch-encounter';

/** A section as the page binds it: its spec, its loader, the page it is on, its rows. */
interface OpenSection {
  readonly spec: SectionSpec;
  readonly loader: Loader<SectionPage<Resource>>;
  readonly turn: (turn: PageTurn) => void;
  readonly page: () => number;
  readonly rows: () => readonly ChartRow[] | undefined;
}

const FIRST_PAGE: PageTurn = { page: 1, cursor: '' };

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
    LoadStateView,
    PatientBanner,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './chart-page.html',
  styleUrl: './chart-page.scss',
})
export class ChartPage {
  /** The patient id, bound from the route's `:id`. */
  readonly id = input.required<string>();

  private readonly queries = inject(ChartQueries);
  private readonly observations = inject(ObservationService);
  private readonly access = inject(AccessContext);
  private readonly fhirBase = inject(FHIR_SESSION).baseUrl;

  protected readonly observationsAllowed = this.access.mayRead('Observation');

  protected readonly header = patientHeader(this.id);

  protected readonly vitals = createLoader({
    params: this.id,
    request: (id) => this.observations.recentVitals(id),
    permitted: this.observationsAllowed,
  });

  private readonly sections = CHART_SECTIONS.map((spec) => this.open(spec));
  /** The sections the user's access includes, in chart order. */
  protected readonly shownSections = this.sections.filter(
    (s) => s.loader.state().status !== 'not-permitted',
  );
  /** What the user's access leaves out, named once above the chart. */
  protected readonly outsideAccess = [
    ...this.sections
      .filter((s) => s.loader.state().status === 'not-permitted')
      .map((s) => s.spec.what),
    ...(this.observationsAllowed ? [] : ['observations and vitals']),
  ];
  protected readonly encounters = this.sections.find((s) => s.spec.type === 'Encounter');

  private readonly allergySection = this.sections.find((s) => s.spec.type === 'AllergyIntolerance');
  /** The banner's allergy line; the section's loader is the AllergyIntolerance one by its spec. */
  protected readonly allergies = computed(() =>
    summariseAllergies(
      (this.allergySection?.loader.state() ?? { status: 'loading' }) as LoadState<
        SectionPage<AllergyIntolerance>
      >,
    ),
  );

  /** One section's loader and paging; called from a field initialiser, in the injection context. */
  private open(spec: SectionSpec): OpenSection {
    // Back to the first page whenever the patient changes.
    const turn = linkedSignal({ source: this.id, computation: () => FIRST_PAGE });
    const loader = createLoader({
      params: () => ({ id: this.id(), cursor: turn().cursor }),
      request: ({ id, cursor }) => this.queries.section(spec.type, id, cursor),
      permitted: this.access.mayRead(spec.type),
    }) as Loader<SectionPage<Resource>>;
    const rows = computed(() => {
      const page = loader.data();
      return (
        page &&
        pageRows(page, spec.toRow as (r: Resource, c: RowContext) => ChartRow, this.fhirBase)
      );
    });
    return { spec, loader, rows, turn: (t) => turn.set(t), page: () => turn().page };
  }
}
