// The observations page in its flowsheet view, as a clinician uses it: windows, views, trends, states.
import { provideHttpClient } from '@angular/common/http';
import {
  HttpTestingController,
  TestRequest,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { DeferBlockBehavior, DeferBlockState, TestBed } from '@angular/core/testing';
import { Router, provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { OKTA_AUTH } from '@okta/okta-angular';
import { RUNTIME_CONFIG } from '../config/runtime-config-token';
import { Bundle, Observation } from '../fhir/fhir-types';
import { fakeOktaAuth } from '../../testing/fake-okta';
import { bloodPressure, heartRate } from '../../testing/fhir-fixtures';
import { TEST_CONFIG, TEST_FHIR_BASE } from '../../testing/test-config';
import { ObservationsPage } from './observations-page';

const bundle = (observations: Observation[], next?: string): Bundle<Observation> => ({
  resourceType: 'Bundle',
  entry: observations.map((resource) => ({ resource })),
  ...(next ? { link: [{ relation: 'next', url: next }] } : {}),
});

/** A reading of pat-0001 (the fixtures come from several example patients) on a day, at nine in the morning in the browser's zone. */
const on = (observation: Observation, day: string, extra: Partial<Observation> = {}) => {
  const [year, month, date] = day.split('-').map(Number);
  const effectiveDateTime = new Date(year, month - 1, date, 9).toISOString();
  const subject = { reference: 'Patient/pat-0001' };
  return { ...observation, id: `${observation.id}-${day}`, effectiveDateTime, subject, ...extra };
};

const highHeartRate = (day: string): Observation =>
  on(heartRate, day, {
    valueQuantity: { value: 130, unit: '/min' },
    interpretation: [{ coding: [{ code: 'H' }] }],
  });

describe('ObservationsPage flowsheet', () => {
  let harness: RouterTestingHarness;
  let controller: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter(
          [{ path: 'observations/:id', component: ObservationsPage }],
          withComponentInputBinding(),
        ),
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: RUNTIME_CONFIG, useValue: TEST_CONFIG },
        { provide: OKTA_AUTH, useValue: fakeOktaAuth() },
      ],
      // The trend chart is deferred: the test renders it when the page asks for it.
      deferBlockBehavior: DeferBlockBehavior.Manual,
    });
    controller = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create('/observations/pat-0001?view=flowsheet');
    await harness.fixture.whenStable();
    controller
      .expectOne(`${TEST_FHIR_BASE}/Patient/pat-0001`)
      .flush({ resourceType: 'Patient', id: 'pat-0001' });
    vitalsSearch().flush(bundle([]));
  });

  afterEach(() => controller.verify());

  const el = () => harness.routeNativeElement as HTMLElement;
  const settle = () => harness.fixture.whenStable();
  const searches = (): TestRequest[] =>
    controller.match((r) => r.url === `${TEST_FHIR_BASE}/Observation`);
  const vitalsSearch = () =>
    controller.expectOne((r) => r.params.get('category') === 'vital-signs');
  /** The one flowsheet window search in flight (the flowsheet reads 200 at a time). */
  const windowSearch = () => {
    const [request, ...others] = searches();
    expect(others.length).withContext('one search at a time').toBe(0);
    expect(request.request.params.get('_count')).toBe('200');
    return request;
  };
  const button = (name: string) =>
    [...el().querySelectorAll('button')].find((b) => b.textContent?.trim() === name) as
      HTMLButtonElement | undefined;
  const columnHeaders = () =>
    [...el().querySelectorAll('.flowsheet-table thead th')].map((th) => th.textContent?.trim());
  const rowOf = (name: string) =>
    [...el().querySelectorAll('.flowsheet-table tbody tr')].find((tr) =>
      tr.querySelector('th[scope="row"]')?.textContent?.includes(name),
    );

  it('shows a grid of measurements by day, newest first, with flags in words', async () => {
    const request = windowSearch();
    expect(request.request.params.get('patient')).toBe('pat-0001');
    expect(request.request.params.get('_sort')).toBe('-date');
    expect(request.request.params.has('date')).toBeFalse();
    request.flush(
      bundle([
        highHeartRate('2023-05-03'),
        on(bloodPressure, '2023-05-03'),
        on(bloodPressure, '2023-05-01'),
      ]),
    );
    await settle();
    const table = el().querySelector('table.flowsheet-table');
    expect(table?.querySelector('caption')?.textContent).toContain(
      'Flowsheet by day, newest first',
    );
    expect(columnHeaders()).toEqual(['Measurement', 'May 3, 2023', 'May 1, 2023']);
    expect(table?.querySelector('th[scope="rowgroup"]')?.textContent?.trim()).toBe('Vital signs');
    const bp = rowOf('Blood pressure');
    expect(bp?.querySelector('th')?.textContent).toContain('mmHg');
    const cell = bp?.querySelector('td');
    expect(cell?.querySelector('.value')?.textContent?.trim()).toBe('107/60');
    expect(cell?.querySelector('.value')?.getAttribute('title')).toBe('As sent: 107/60 mmHg');
    const description = el().querySelector(`#${cell?.getAttribute('aria-describedby')}`);
    expect(description?.textContent?.trim()).toBe('As sent: 107/60 mmHg');
    expect(cell?.querySelector('.flag')?.textContent?.trim()).toBe('Low');
    const rate = rowOf('Heart rate');
    expect(rate?.querySelector('td .flag')?.textContent?.trim()).toBe('High');
    expect(rate?.querySelectorAll('td')[1].textContent?.trim()).toBe('Not recorded');
  });

  it('reads further pages until the window’s days are complete', async () => {
    const next = `${TEST_FHIR_BASE}/Observation?_getpages=abc&_offset=200`;
    windowSearch().flush(bundle([on(heartRate, '2023-05-03')], next));
    await settle();
    controller.expectOne(next).flush(bundle([on(heartRate, '2023-05-02')]));
    await settle();
    expect(columnHeaders()).toEqual(['Measurement', 'May 3, 2023', 'May 2, 2023']);
  });

  it('shows no reading of another patient, and says so', async () => {
    const another = { subject: { reference: 'https://fhir.example.com/fhir/Patient/pat-0002' } };
    windowSearch().flush(
      bundle([
        on(heartRate, '2023-05-03'),
        on(bloodPressure, '2023-05-03', another),
        on(heartRate, '2023-05-02', another),
      ]),
    );
    await settle();
    expect(columnHeaders()).toEqual(['Measurement', 'May 3, 2023']);
    expect(rowOf('Blood pressure')).toBeUndefined();
    expect(el().querySelector('.search-notices')?.textContent).toContain(
      '2 entries that do not name this patient were not shown.',
    );
  });

  it('pages to the older window and back to the newer one through the URL', async () => {
    const days = ['2023-05-09', '2023-05-08', '2023-05-07', '2023-05-06', '2023-05-05'];
    const more = ['2023-05-04', '2023-05-03', '2023-05-02', '2023-05-01'];
    windowSearch().flush(bundle([...days, ...more].map((day) => on(heartRate, day))));
    await settle();
    expect(columnHeaders().length).toBe(1 + 8);
    expect(button('← Newer days')?.disabled).toBeTrue();

    button('Older days →')?.click();
    await settle();
    expect(TestBed.inject(Router).url).toBe(
      '/observations/pat-0001?view=flowsheet&through=2023-05-01',
    );
    const [older, newer] = searches();
    expect(older.request.params.get('_sort')).toBe('-date');
    expect(older.request.params.getAll('date')).toEqual([
      `lt${new Date(2023, 4, 2).toISOString()}`,
    ]);
    expect(newer.request.params.get('_sort')).toBe('date');
    older.flush(bundle([on(heartRate, '2023-05-01')]));
    newer.flush(bundle(['2023-05-02', '2023-05-03'].map((day) => on(heartRate, day))));
    await settle();
    expect(columnHeaders()).toEqual(['Measurement', 'May 1, 2023']);
    expect(button('Older days →')?.disabled).toBeTrue();

    button('← Newer days')?.click();
    await settle();
    expect(TestBed.inject(Router).url).toBe('/observations/pat-0001?view=flowsheet');
    windowSearch().flush(bundle([]));
  });

  const viewChoice = (name: string) =>
    [...el().querySelectorAll<HTMLButtonElement>('.view-switch button[role="radio"]')].find(
      (button) => button.textContent?.trim() === name,
    ) as HTMLButtonElement;

  it('switches to the list and back, keeping the view in the URL', async () => {
    windowSearch().flush(bundle([on(heartRate, '2023-05-03')]));
    await settle();
    viewChoice('List').click();
    await settle();
    expect(TestBed.inject(Router).url).toBe('/observations/pat-0001');
    const list = searches();
    expect(list.map((r) => r.request.params.get('_count'))).toEqual(['50']);
    list[0].flush(bundle([on(heartRate, '2023-05-03')]));
    await settle();
    expect(el().querySelector('table caption')?.textContent?.trim()).toBe('Observations');
    expect(el().querySelector('.flowsheet-table')).toBeNull();

    viewChoice('Flowsheet').click();
    await settle();
    expect(TestBed.inject(Router).url).toBe('/observations/pat-0001?view=flowsheet');
    windowSearch().flush(bundle([]));
    await settle();
    expect(el().textContent).toContain('No observations for this patient match these filters.');
  });

  it('opens a row’s trend from its name', async () => {
    windowSearch().flush(bundle([on(bloodPressure, '2023-05-03')]));
    await settle();
    button('Blood pressure')?.click();
    await settle();
    const [trend] = await harness.fixture.getDeferBlocks();
    await trend.render(DeferBlockState.Complete);
    const history = controller.expectOne(
      (r) => r.url === `${TEST_FHIR_BASE}/Observation` && r.params.get('code') === '85354-9',
    );
    expect(history.request.params.get('_sort')).toBe('-date');
    history.flush(bundle([on(bloodPressure, '2023-05-03')]));
    await settle();
    expect(el().querySelector('.trend h3')?.textContent).toContain('Trend: Blood pressure');
  });

  it('hides entered-in-error values until the toggle shows them', async () => {
    windowSearch().flush(
      bundle([
        on(heartRate, '2023-05-03', { status: 'entered-in-error' }),
        on(heartRate, '2023-05-02'),
      ]),
    );
    await settle();
    expect(columnHeaders()).toEqual(['Measurement', 'May 2, 2023']);
    const toggle = el().querySelector('mat-checkbox input') as HTMLInputElement;
    expect(el().querySelector('mat-checkbox')?.textContent).toContain('Show entered-in-error (1)');
    toggle.click();
    await settle();
    expect(columnHeaders()).toEqual(['Measurement', 'May 3, 2023', 'May 2, 2023']);
    expect(rowOf('Heart rate')?.querySelector('td .status-note')?.textContent?.trim()).toBe(
      'Entered in error',
    );
  });

  it('shows the server’s error with Retry, and never "no observations"', async () => {
    windowSearch().flush(
      { resourceType: 'OperationOutcome', issue: [{ diagnostics: 'Observation store offline' }] },
      { status: 500, statusText: 'Server Error' },
    );
    await settle();
    const alert = el().querySelector('[role="alert"]');
    expect(alert?.textContent).toContain('Could not load the flowsheet');
    expect(alert?.textContent).toContain('Observation store offline');
    expect(el().textContent).not.toContain('No observations');
    button('Retry')?.click();
    await settle();
    windowSearch().flush(bundle([on(heartRate, '2023-05-03')]));
    await settle();
    expect(el().querySelector('[role="alert"]')).toBeNull();
    expect(rowOf('Heart rate')).toBeDefined();
  });

  it('says observations are outside the user’s access on 403, without an error', async () => {
    windowSearch().flush(
      { resourceType: 'OperationOutcome', issue: [] },
      { status: 403, statusText: 'Forbidden' },
    );
    await settle();
    expect(el().textContent).toContain('Observations are outside your access.');
    expect(el().querySelector('[role="alert"]')).toBeNull();
    expect(el().querySelector('.flowsheet-table')).toBeNull();
    expect(el().textContent).not.toContain('No observations');
  });
});
