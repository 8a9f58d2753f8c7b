import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { OKTA_AUTH } from '@okta/okta-angular';
import { RUNTIME_CONFIG } from '../config/runtime-config-token';
import { CapabilityService } from '../fhir/capabilities';
import { Bundle, Patient } from '../fhir/fhir-types';
import { fakeOktaAuth } from '../../testing/fake-okta';
import { TEST_CONFIG, TEST_FHIR_BASE } from '../../testing/test-config';
import { PatientsPage } from './patients-page';
import { statementSearching } from '../../testing/capability-statement';

const NEXT = `${TEST_FHIR_BASE}/Patient?_count=20&_offset=20`;

function patientBundle(links: { relation: string; url: string }[] = []): Bundle<Patient> {
  return {
    resourceType: 'Bundle',
    total: 120,
    link: links,
    entry: [
      {
        resource: {
          resourceType: 'Patient',
          id: 'pat-0001',
          name: [{ family: 'Chalmers', given: ['Peter'] }],
          gender: 'male',
          birthDate: '1974-12-25',
          identifier: [{ system: 'urn:oid:2.16.840.1.113883.19.5', value: 'MRN-0001' }],
        },
      },
      { resource: { resourceType: 'Patient', id: 'pat-0002' } },
    ],
  };
}

describe('PatientsPage', () => {
  let harness: RouterTestingHarness;
  let controller: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: 'patients', component: PatientsPage },
          { path: 'observations/:id', children: [] },
        ]),
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: RUNTIME_CONFIG, useValue: TEST_CONFIG },
        { provide: OKTA_AUTH, useValue: fakeOktaAuth() },
      ],
    });
    controller = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create('/patients');
  });

  afterEach(() => controller.verify());

  const text = () => (harness.routeNativeElement as HTMLElement).textContent ?? '';
  const el = () => harness.routeNativeElement as HTMLElement;
  const buttonNamed = (name: string) =>
    [...el().querySelectorAll('button')].find(
      (b) => b.textContent?.trim() === name,
    ) as HTMLButtonElement;
  const firstSearch = () => controller.expectOne((r) => r.url === `${TEST_FHIR_BASE}/Patient`);

  it('shows a loading state while the search runs', async () => {
    await harness.fixture.whenStable();
    expect(el().querySelector('[role="status"]')?.textContent).toContain('Loading patients…');
    firstSearch().flush(patientBundle());
  });

  it('lists name, gender, birth date and MRN with the total, under a "Patients" caption', async () => {
    firstSearch().flush(patientBundle([{ relation: 'next', url: NEXT }]));
    await harness.fixture.whenStable();
    expect(el().querySelector('table caption')?.textContent?.trim()).toBe('Patients');
    expect(el().querySelector('[data-testid="patient-total"]')?.textContent?.trim()).toBe(
      '120 patients',
    );
    const cells = [...el().querySelectorAll('tbody tr:first-child > *')].map((c) =>
      c.textContent?.trim(),
    );
    expect(cells[0]).toBe('Peter Chalmers');
    expect(cells[1]).toBe('Male');
    expect(cells[3]).toBe('MRN-0001');
    expect(text()).toContain('Unnamed patient');
    const link = el().querySelector('tbody a') as HTMLAnchorElement;
    expect(link.getAttribute('href')).toBe('/patients/pat-0001');
  });

  it('shows the OperationOutcome text and retries on demand', async () => {
    firstSearch().flush(
      { resourceType: 'OperationOutcome', issue: [{ diagnostics: 'Search index is rebuilding' }] },
      { status: 503, statusText: 'Unavailable' },
    );
    await harness.fixture.whenStable();
    const alert = el().querySelector('[role="alert"]');
    expect(alert?.textContent).toContain('Could not load patients');
    expect(alert?.textContent).toContain('Search index is rebuilding');
    buttonNamed('Retry').click();
    await harness.fixture.whenStable();
    firstSearch().flush(patientBundle());
    await harness.fixture.whenStable();
    expect(el().querySelector('[role="alert"]')).toBeNull();
    expect(text()).toContain('Peter Chalmers');
  });

  it('pages forward through the Bundle next link and keeps it in the URL', async () => {
    firstSearch().flush(patientBundle([{ relation: 'next', url: NEXT }]));
    await harness.fixture.whenStable();
    expect(buttonNamed('Previous page').disabled).toBeTrue();
    buttonNamed('Next page').click();
    await harness.fixture.whenStable();
    controller
      .expectOne(NEXT)
      .flush(patientBundle([{ relation: 'previous', url: `${TEST_FHIR_BASE}/Patient?_offset=0` }]));
    await harness.fixture.whenStable();
    expect(text()).toContain('Page 2');
    const url = TestBed.inject(Router).url;
    expect(url).toContain('page=2');
    expect(url).toContain('cursor=');
  });

  it("shows the server's notes on the search beside the results", async () => {
    const answer = patientBundle();
    answer.entry?.push({
      resource: {
        resourceType: 'OperationOutcome',
        issue: [{ severity: 'warning', diagnostics: "Ignored: Unknown search parameter 'name'" }],
      } as unknown as Patient,
      search: { mode: 'outcome' },
    });
    firstSearch().flush(answer);
    await harness.fixture.whenStable();
    expect(el().querySelector('.search-notices')?.textContent).toContain(
      "Ignored: Unknown search parameter 'name'",
    );
    expect(el().querySelectorAll('tbody tr').length).toBe(2);
  });

  it('says so when no patient matches', async () => {
    firstSearch().flush({ resourceType: 'Bundle', total: 0, entry: [] });
    await harness.fixture.whenStable();
    expect(text()).toContain('No patients match this search.');
    expect(text()).toContain('0 patients');
    expect(el().querySelector('.search-notices')).toBeNull();
  });
});

describe('PatientsPage restored from a shared URL', () => {
  /** The page as a shared link opens it: a fresh router at `url`. */
  async function openAt(url: string) {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: 'patients', component: PatientsPage }]),
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: RUNTIME_CONFIG, useValue: TEST_CONFIG },
        { provide: OKTA_AUTH, useValue: fakeOktaAuth() },
      ],
    });
    const controller = TestBed.inject(HttpTestingController);
    const harness = await RouterTestingHarness.create(url);
    return { controller, harness };
  }

  it('runs the search the URL describes', async () => {
    const { controller, harness } = await openAt(
      '/patients?name=chal&gender=male&sort=-birthdate&count=10',
    );
    await harness.fixture.whenStable();
    const request = controller.expectOne((r) => r.url === `${TEST_FHIR_BASE}/Patient`);
    expect(request.request.params.get('name')).toBe('chal');
    expect(request.request.params.get('gender')).toBe('male');
    expect(request.request.params.get('_sort')).toBe('-birthdate');
    expect(request.request.params.get('_count')).toBe('10');
    request.flush(patientBundle());
    await harness.fixture.whenStable();
    const el = harness.routeNativeElement as HTMLElement;
    expect((el.querySelector('input[name="name"]') as HTMLInputElement).value).toBe('chal');
    const birthHeader = [...el.querySelectorAll('thead th')].find(
      (th) => th.textContent?.trim() === 'Birth date',
    );
    expect(birthHeader?.getAttribute('aria-sort')).toBe('descending');
    expect(el.querySelector('.ignored-params')).toBeNull();
    controller.verify();
  });

  it('says which parts of the link it could not use, and searches without them', async () => {
    const { controller, harness } = await openAt(
      '/patients?name=chal&birthdate=19x&count=7000&colour=blue',
    );
    await harness.fixture.whenStable();
    const request = controller.expectOne((r) => r.url === `${TEST_FHIR_BASE}/Patient`);
    expect(request.request.params.get('name')).toBe('chal');
    expect(request.request.params.has('birthdate')).toBeFalse();
    expect(request.request.params.get('_count')).toBe('20');
    request.flush(patientBundle());
    await harness.fixture.whenStable();
    const note = (harness.routeNativeElement as HTMLElement).querySelector('.ignored-params');
    expect(note?.getAttribute('role')).toBe('status');
    expect(note?.textContent?.trim()).toBe(
      'Not understood in this link, so not applied: birthdate, count, colour.',
    );
    controller.verify();
  });

  it('resumes at a saved page through its server link, and refuses a foreign link', async () => {
    const { controller, harness } = await openAt(
      `/patients?page=3&cursor=${encodeURIComponent('https://evil.test/fhir/Patient?page=3')}`,
    );
    await harness.fixture.whenStable();
    controller.expectNone(() => true);
    const el = harness.routeNativeElement as HTMLElement;
    expect(el.querySelector('[role="alert"]')?.textContent).toContain(
      'outside this session’s FHIR base',
    );
    controller.verify();
  });
});

describe('PatientsPage on a server that sorts by name only', () => {
  const statement = statementSearching([
    {
      type: 'Patient',
      searchParam: [
        { name: 'name' },
        { name: 'gender' },
        { name: '_sort', documentation: 'Sort keys: name | _id' },
      ],
    },
  ]);
  const patient = (id: string, birthDate?: string): Patient => ({
    resourceType: 'Patient',
    id,
    name: [{ text: `Patient ${id}` }],
    ...(birthDate ? { birthDate } : {}),
  });

  async function openAt(url: string) {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: 'patients', component: PatientsPage }]),
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: RUNTIME_CONFIG, useValue: TEST_CONFIG },
        { provide: OKTA_AUTH, useValue: fakeOktaAuth() },
      ],
    });
    const controller = TestBed.inject(HttpTestingController);
    TestBed.inject(CapabilityService).load();
    controller.expectOne(`${TEST_FHIR_BASE}/metadata`).flush(statement);
    const harness = await RouterTestingHarness.create(url);
    await harness.fixture.whenStable();
    const search = controller.expectOne((r) => r.url === `${TEST_FHIR_BASE}/Patient`);
    return { controller, harness, search, el: harness.routeNativeElement as HTMLElement };
  }

  it('offers the birth-date sorts disabled, saying why, and does not send one from a link', async () => {
    const { controller, harness, search, el } = await openAt('/patients?sort=-birthdate');
    expect(search.request.params.has('_sort')).toBeFalse();
    search.flush({
      resourceType: 'Bundle',
      link: [{ relation: 'next', url: `${TEST_FHIR_BASE}/Patient?_offset=20` }],
      entry: [{ resource: patient('a', '1950-01-01') }, { resource: patient('b', '1990-01-01') }],
    });
    await harness.fixture.whenStable();
    const option = (value: string) =>
      el.querySelector(`select[name="sort"] option[value="${value}"]`) as HTMLOptionElement;
    expect(option('-birthdate').disabled).toBeTrue();
    expect(option('name').disabled).toBeFalse();
    expect(el.textContent).toContain(
      'Not offered by this FHIR server: Birth date (oldest first), Birth date (newest first).',
    );
    expect(el.querySelector('.search-unsorted')?.textContent?.trim()).toBe(
      "These results are in the server's order, not sorted as asked.",
    );
    const names = [...el.querySelectorAll('tbody th')].map((th) => th.textContent?.trim());
    expect(names).toEqual(['Patient a', 'Patient b']);
    const birthHeader = [...el.querySelectorAll('thead th')].find(
      (th) => th.textContent?.trim() === 'Birth date',
    );
    expect(birthHeader?.getAttribute('aria-sort')).toBeNull();
    controller.verify();
  });

  it('sorts a whole result here when the server did not, and says so', async () => {
    const { controller, harness, search, el } = await openAt('/patients?sort=-birthdate');
    search.flush({
      resourceType: 'Bundle',
      total: 3,
      entry: [
        { resource: patient('a', '1950-01-01') },
        { resource: patient('b') },
        { resource: patient('c', '1990-01-01') },
      ],
    });
    await harness.fixture.whenStable();
    const names = [...el.querySelectorAll('tbody th')].map((th) => th.textContent?.trim());
    expect(names).toEqual(['Patient c', 'Patient a', 'Patient b']);
    expect(el.querySelector('.search-unsorted')?.textContent).toContain('Sorted by the app');
    controller.verify();
  });

  it('sends the sort the server offers, and says nothing about the order', async () => {
    const { controller, harness, search, el } = await openAt('/patients?sort=name');
    expect(search.request.params.get('_sort')).toBe('name');
    expect(search.request.params.has('_total')).toBeFalse();
    search.flush({ resourceType: 'Bundle', total: 1, entry: [{ resource: patient('a') }] });
    await harness.fixture.whenStable();
    expect(el.querySelector('.search-unsorted')).toBeNull();
    controller.verify();
  });
});
