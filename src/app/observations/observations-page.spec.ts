import { provideHttpClient } from '@angular/common/http';
import {
  HttpTestingController,
  TestRequest,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { OKTA_AUTH } from '@okta/okta-angular';
import { RUNTIME_CONFIG } from '../config/runtime-config-token';
import { Bundle, Observation } from '../fhir/fhir-types';
import { fakeOktaAuth } from '../../testing/fake-okta';
import {
  baseExcess,
  bloodPressure,
  heartRate,
  temperatureEnteredInError,
} from '../../testing/fhir-fixtures';
import { TEST_CONFIG, TEST_FHIR_BASE } from '../../testing/test-config';
import { ObservationsPage } from './observations-page';

/** The fixtures come from several example patients: here they are all pat-0001's. */
const ofThePatient = (observation: Observation): Observation => ({
  ...observation,
  subject: { reference: 'Patient/pat-0001' },
});
const ofAnotherPatient = (observation: Observation): Observation => ({
  ...observation,
  id: `${observation.id}-other`,
  subject: { reference: 'Patient/pat-0002' },
});

function observationBundle(
  observations: Observation[],
  others: Observation[] = [],
): Bundle<Observation> {
  return {
    resourceType: 'Bundle',
    total: observations.length + others.length,
    entry: [...observations.map(ofThePatient), ...others].map((resource) => ({ resource })),
  };
}

describe('ObservationsPage', () => {
  let harness: RouterTestingHarness;
  let controller: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter(
          [
            { path: 'observations/:id', component: ObservationsPage },
            { path: 'patients', children: [] },
          ],
          withComponentInputBinding(),
        ),
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: RUNTIME_CONFIG, useValue: TEST_CONFIG },
        { provide: OKTA_AUTH, useValue: fakeOktaAuth() },
      ],
    });
    controller = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create('/observations/pat-0001');
    await harness.fixture.whenStable();
  });

  afterEach(() => controller.verify());

  const el = () => harness.routeNativeElement as HTMLElement;
  const text = () => el().textContent ?? '';
  const patientRequest = () => controller.expectOne(`${TEST_FHIR_BASE}/Patient/pat-0001`);
  const observationRequests = (): TestRequest[] =>
    controller.match((r) => r.url === `${TEST_FHIR_BASE}/Observation`);
  const pageRequest = (requests: TestRequest[]) =>
    requests.find((r) => !r.request.params.has('category')) as TestRequest;
  const vitalsRequest = (requests: TestRequest[]) =>
    requests.find((r) => r.request.params.get('category') === 'vital-signs') as TestRequest;

  function answerAll(observations: Observation[], requests = observationRequests()): void {
    patientRequest().flush({
      resourceType: 'Patient',
      id: 'pat-0001',
      name: [{ given: ['Peter'], family: 'Chalmers' }],
      gender: 'male',
      birthDate: '1974-12-25',
    });
    pageRequest(requests).flush(observationBundle(observations));
    vitalsRequest(requests).flush(observationBundle([bloodPressure, heartRate]));
  }

  it("asks the server for the patient's observations, newest first", () => {
    const requests = observationRequests();
    const page = pageRequest(requests);
    expect(page.request.params.get('patient')).toBe('pat-0001');
    expect(page.request.params.get('_sort')).toBe('-date');
    answerAll([], requests);
  });

  it('shows loading states while data arrives', () => {
    expect(text()).toContain('Loading the patient…');
    expect(text()).toContain('Loading latest vitals…');
    expect(text()).toContain('Loading observations…');
    expect(
      [...el().querySelectorAll('[role="progressbar"]')].map((bar) =>
        bar.getAttribute('aria-label'),
      ),
    ).toEqual(['Loading the patient', 'Loading latest vitals', 'Loading observations']);
    answerAll([]);
  });

  it('shows the banner, latest vitals, and observations grouped by category', async () => {
    answerAll([heartRate, baseExcess, temperatureEnteredInError]);
    await harness.fixture.whenStable();
    expect(el().querySelector('.patient-banner h1')?.textContent).toContain('Peter Chalmers');
    expect(el().querySelector('.latest-vitals')?.textContent).toContain('107/60 mmHg');
    expect(el().querySelectorAll('table').length).toBe(1);
    expect(el().querySelector('table caption')?.textContent?.trim()).toBe('Observations');
    const groups = [...el().querySelectorAll('th[scope="rowgroup"]')].map((c) =>
      c.textContent?.trim(),
    );
    expect(groups).toEqual(['Vital signs', 'Other']);
    expect(text()).toContain('44 beats/minute');
    expect(text()).toContain('High');
    expect(text()).not.toContain('Entered in error');
    expect(text()).toContain('Show entered-in-error (1)');
    expect(el().querySelector('[data-testid="observation-total"]')?.textContent?.trim()).toBe(
      '3 observations',
    );
  });

  it("shows the server's notes on the search beside the results, e.g. a filter it ignored", async () => {
    const answer = observationBundle([heartRate]);
    answer.entry?.push({
      resource: {
        resourceType: 'OperationOutcome',
        issue: [
          {
            severity: 'warning',
            diagnostics: "Ignored: Search parameter 'code:text' not supported",
          },
        ],
      } as unknown as Observation,
      search: { mode: 'outcome' },
    });
    patientRequest().flush({ resourceType: 'Patient', id: 'pat-0001' });
    const requests = observationRequests();
    pageRequest(requests).flush(answer);
    vitalsRequest(requests).flush(observationBundle([]));
    await harness.fixture.whenStable();
    const notes = el().querySelector('.observations .search-notices');
    expect(notes?.getAttribute('role')).toBe('status');
    expect(notes?.textContent).toContain("Ignored: Search parameter 'code:text' not supported");
    expect(text()).toContain('44 beats/minute');
  });

  it('shows no observation of another patient in the list or the latest vitals, and says so', async () => {
    patientRequest().flush({ resourceType: 'Patient', id: 'pat-0001' });
    const requests = observationRequests();
    pageRequest(requests).flush(observationBundle([heartRate], [ofAnotherPatient(baseExcess)]));
    vitalsRequest(requests).flush(
      observationBundle([], [ofAnotherPatient(bloodPressure), ofAnotherPatient(heartRate)]),
    );
    await harness.fixture.whenStable();
    const list = el().querySelector('.observations') as HTMLElement;
    expect(list.textContent).toContain('44 beats/minute');
    expect(list.querySelectorAll('tbody tr:not(.group-header)').length).toBe(1);
    expect(list.querySelector('.search-notices')?.textContent).toContain(
      '1 entry that does not name this patient was not shown.',
    );
    // The server counted the entry it sent: its total is not this patient's count.
    expect(list.querySelector('[data-testid="observation-total"]')?.textContent?.trim()).toBe(
      "2 observations; the server's count includes 1 entry that does not name this patient",
    );
    const vitals = el().querySelector('.latest-vitals') as HTMLElement;
    expect(vitals.textContent).not.toContain('107/60');
    expect(vitals.textContent).toContain('2 entries that do not name this patient were not shown.');
    expect(vitals.textContent).not.toContain('No vital signs on record for this patient.');
  });

  it("says the server's total counts entries not naming the patient, as seen on this page", async () => {
    const first = observationBundle([heartRate], [ofAnotherPatient(baseExcess)]);
    first.total = 120;
    first.link = [
      { relation: 'next', url: `${TEST_FHIR_BASE}/Observation?patient=pat-0001&_offset=50` },
    ];
    patientRequest().flush({ resourceType: 'Patient', id: 'pat-0001' });
    const requests = observationRequests();
    pageRequest(requests).flush(first);
    vitalsRequest(requests).flush(observationBundle([]));
    await harness.fixture.whenStable();
    expect(el().querySelector('[data-testid="observation-total"]')?.textContent?.trim()).toBe(
      "120 observations; the server's count includes entries that do not name this patient (1 on this page)",
    );
  });

  it('follows an opaque page link the server gave for this patient, as HAPI sends them', async () => {
    const next = `${TEST_FHIR_BASE}?_getpages=abc&_getpagesoffset=50`;
    const first = observationBundle([heartRate]);
    first.link = [{ relation: 'next', url: next }];
    patientRequest().flush({ resourceType: 'Patient', id: 'pat-0001' });
    const requests = observationRequests();
    pageRequest(requests).flush(first);
    vitalsRequest(requests).flush(observationBundle([]));
    await harness.fixture.whenStable();
    const nextButton = [...el().querySelectorAll('button')].find(
      (b) => b.textContent?.trim() === 'Next page',
    );
    nextButton?.click();
    await harness.fixture.whenStable();
    controller.expectOne(next).flush(observationBundle([baseExcess]));
    await harness.fixture.whenStable();
    expect(el().querySelector('.refused-link')).toBeNull();
    expect(el().querySelector('.pager .page-number')?.textContent).toBe('Page 2');
    expect(text()).toContain('Base excess');
  });

  it('shows the OperationOutcome text and retries only what failed', async () => {
    patientRequest().flush({ resourceType: 'Patient', id: 'pat-0001' });
    const requests = observationRequests();
    vitalsRequest(requests).flush(observationBundle([heartRate]));
    pageRequest(requests).flush(
      { resourceType: 'OperationOutcome', issue: [{ diagnostics: 'Observation store offline' }] },
      { status: 500, statusText: 'Server Error' },
    );
    await harness.fixture.whenStable();
    const alert = el().querySelector('[role="alert"]');
    expect(alert?.textContent).toContain('Could not load observations');
    expect(alert?.textContent).toContain('Observation store offline');
    expect(text()).not.toContain('No observations for this patient');
    const retry = [...el().querySelectorAll('button')].find(
      (b) => b.textContent?.trim() === 'Retry',
    );
    retry?.click();
    await harness.fixture.whenStable();
    const again = observationRequests();
    expect(again.length).toBe(1);
    pageRequest(again).flush(observationBundle([heartRate]));
    await harness.fixture.whenStable();
    expect(el().querySelector('[role="alert"]')).toBeNull();
    expect(el().querySelector('.observations')?.textContent).toContain('44 beats/minute');
  });

  it('says the latest vitals could not be loaded, rather than showing none', async () => {
    patientRequest().flush({ resourceType: 'Patient', id: 'pat-0001' });
    const requests = observationRequests();
    pageRequest(requests).flush(observationBundle([heartRate]));
    vitalsRequest(requests).flush(
      { resourceType: 'OperationOutcome', issue: [{ diagnostics: 'Vitals index rebuilding' }] },
      { status: 503, statusText: 'Unavailable' },
    );
    await harness.fixture.whenStable();
    const vitals = el().querySelector('.latest-vitals');
    expect(vitals?.querySelector('[role="alert"]')?.textContent).toContain(
      'Could not load latest vitals',
    );
    expect(vitals?.textContent).toContain('Vitals index rebuilding');
    expect(vitals?.textContent).not.toContain('No vital signs');
  });

  it('says so when the patient has no vital signs on record', async () => {
    patientRequest().flush({ resourceType: 'Patient', id: 'pat-0001' });
    const requests = observationRequests();
    pageRequest(requests).flush(observationBundle([]));
    vitalsRequest(requests).flush(observationBundle([]));
    await harness.fixture.whenStable();
    expect(el().querySelector('.latest-vitals')?.textContent).toContain(
      'No vital signs on record for this patient.',
    );
  });

  it('for a patient the server does not have, says so and shows no observations to filter', async () => {
    patientRequest().flush(
      {
        resourceType: 'OperationOutcome',
        issue: [{ diagnostics: 'Patient/pat-0001 is not known' }],
      },
      { status: 404, statusText: 'Not Found' },
    );
    for (const request of observationRequests()) request.flush(observationBundle([]));
    await harness.fixture.whenStable();
    const alert = el().querySelector('[role="alert"]');
    expect(alert?.textContent).toContain('Could not load the patient');
    expect(alert?.textContent).toContain('Patient/pat-0001 is not known');
    expect(el().querySelector('a.back-link')?.textContent).toContain('Back to patients');
    expect(el().querySelector('section.observations')).toBeNull();
    expect(text()).not.toContain('No observations for this patient');
  });

  it("says observations are outside the user's access on 403, without an error", async () => {
    patientRequest().flush({ resourceType: 'Patient', id: 'pat-0001' });
    for (const request of observationRequests()) {
      request.flush(
        { resourceType: 'OperationOutcome', issue: [] },
        { status: 403, statusText: 'Forbidden' },
      );
    }
    await harness.fixture.whenStable();
    expect(text()).toContain('Observations are outside your access.');
    expect(el().querySelector('[role="alert"]')).toBeNull();
    expect(el().querySelector('.latest-vitals')).toBeNull();
    expect(el().querySelector('form[aria-label="Observation filters"]')).toBeNull();
    expect(text()).not.toContain('No observations');
  });

  it("says in words when the patient is outside the user's access (403), not as an error", async () => {
    patientRequest().flush(
      { resourceType: 'OperationOutcome', issue: [] },
      { status: 403, statusText: 'Forbidden' },
    );
    for (const request of observationRequests()) request.flush(observationBundle([]));
    await harness.fixture.whenStable();
    expect(el().querySelector('h1')?.textContent).toBe('Patient');
    expect(text()).toContain('Your access does not include the patient.');
    expect(el().querySelector('[role="alert"]')).toBeNull();
  });

  it('has a back link to the patient list', async () => {
    answerAll([]);
    await harness.fixture.whenStable();
    const back = el().querySelector('a.back-link') as HTMLAnchorElement;
    expect(back.textContent).toContain('Back to patients');
    expect(back.getAttribute('href')).toBe('/patients');
    expect(text()).toContain('No observations for this patient match these filters.');
  });
});
