import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { OKTA_AUTH } from '@okta/okta-angular';
import { firstValueFrom } from 'rxjs';
import { ListOwner, openList, ChartQueries } from '../chart/chart-queries';
import { notesSection } from '../chart/sections/notes';
import { problemsSection } from '../chart/sections/problems';
import { RUNTIME_CONFIG } from '../config/runtime-config-token';
import { EHR_SESSION } from '../fhir/fhir-session';
import { Bundle, Condition, DocumentReference, Observation } from '../fhir/fhir-types';
import { NO_OBSERVATION_FILTERS } from '../observations/observation-filters';
import { ObservationService } from '../observations/observation.service';
import { TrendReader } from '../observations/trend-reader';
import { TEST_EHR, testEhrSession } from '../../testing/ehr-session';
import { jwtWithClaims } from '../../testing/fake-okta';
import { heartRate } from '../../testing/fhir-fixtures';
import { TEST_CONFIG, TEST_FHIR_BASE } from '../../testing/test-config';

// The records of a session the EHR launched are the EHR's: every check of whose a row is, and of
// where a paging link or an attachment leads, is made against the EHR's FHIR base (its iss).
const EHR_PATIENT = `${TEST_EHR.iss}/Patient/pat-1`;
const CONFIGURED_PATIENT = `${TEST_FHIR_BASE}/Patient/pat-1`;

function searchset<T extends Observation | Condition | DocumentReference>(
  resources: T[],
): Bundle<T> {
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    total: resources.length,
    entry: resources.map((resource) => ({ resource, search: { mode: 'match' } })),
  };
}

const observationOf = (id: string, subject: string): Observation => ({
  ...heartRate,
  id,
  subject: { reference: subject },
});
const ehrAndConfigured = searchset([
  observationOf('ehr', EHR_PATIENT),
  observationOf('configured', CONFIGURED_PATIENT),
]);

describe('Reads in a session from an EHR', () => {
  let controller: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: RUNTIME_CONFIG, useValue: TEST_CONFIG },
        { provide: EHR_SESSION, useValue: testEhrSession({ patient: 'pat-1' }) },
        {
          provide: OKTA_AUTH,
          useValue: { getAccessToken: () => jwtWithClaims({ scope: 'launch patient/*.rs' }) },
        },
      ],
    });
    controller = TestBed.inject(HttpTestingController);
  });

  afterEach(() => controller.verify());

  /** Answers the one request under the EHR's base with `bundle`. */
  function answer(bundle: Bundle) {
    controller.expectOne((request) => request.url.startsWith(`${TEST_EHR.iss}/`)).flush(bundle);
  }

  it('a chart list shows the rows the EHR names as the patient’s, not those of the configured server', async () => {
    const owner: ListOwner = { patient: 'pat-1' };
    const page = firstValueFrom(TestBed.inject(ChartQueries).list(problemsSection, owner));
    const condition = (id: string, subject: string): Condition => ({
      resourceType: 'Condition',
      id,
      subject: { reference: subject },
    });
    answer(searchset([condition('ehr', EHR_PATIENT), condition('configured', CONFIGURED_PATIENT)]));
    const read = await page;
    expect(read.resources.map((r) => r.id)).toEqual(['ehr']);
    expect(read.notThePatients).toBe(1);
  });

  it('a note’s attachment stored on the EHR’s FHIR server is a link there', () => {
    const notes = TestBed.runInInjectionContext(() =>
      openList(notesSection, () => ({ patient: 'pat-1' })),
    );
    TestBed.tick();
    const note: DocumentReference = {
      resourceType: 'DocumentReference',
      id: 'note-1',
      status: 'current',
      subject: { reference: 'Patient/pat-1' },
      content: [
        { attachment: { url: `${TEST_EHR.iss}/Binary/1`, contentType: 'application/pdf' } },
      ],
    };
    answer(searchset([note]));
    const view = notes.rows()?.[0]?.attachments[0]?.view;
    expect(view?.kind === 'link' && view.where).toBe('fhir-server');
  });

  it('the observations page keeps the EHR’s rows of the patient and follows its paging links only', async () => {
    const observations = TestBed.inject(ObservationService);
    const page = firstValueFrom(observations.search('pat-1', NO_OBSERVATION_FILTERS));
    answer(ehrAndConfigured);
    expect((await page).resources.map((r) => r.id)).toEqual(['ehr']);
    expect(observations.mayFollow(`${TEST_EHR.iss}/Observation?patient=pat-1&page=2`, 'pat-1'))
      .withContext('a search of the patient on the EHR')
      .toBeTrue();
    expect(observations.mayFollow(`${TEST_FHIR_BASE}/Observation?patient=pat-1&page=2`, 'pat-1'))
      .withContext('a search on the configured server')
      .toBeFalse();
  });

  it('the latest vitals are the EHR’s readings of the patient', async () => {
    const vitals = firstValueFrom(TestBed.inject(ObservationService).recentVitals('pat-1'));
    answer(ehrAndConfigured);
    expect((await vitals).resources.map((r) => r.id)).toEqual(['ehr']);
  });

  it('a flowsheet window holds the EHR’s readings of the patient', async () => {
    const window = firstValueFrom(
      TestBed.inject(ObservationService).flowsheetWindow('pat-1', NO_OBSERVATION_FILTERS),
    );
    answer(ehrAndConfigured);
    expect((await window).observations.map((r) => r.id)).toEqual(['ehr']);
  });

  it('a trend is drawn from the EHR’s readings of the patient', async () => {
    const trend = firstValueFrom(TestBed.inject(TrendReader).read('pat-1', '8867-4'));
    answer(ehrAndConfigured);
    expect((await trend).observations.map((r) => r.id)).toEqual(['ehr']);
  });
});
