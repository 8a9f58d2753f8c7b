import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { RUNTIME_CONFIG } from '../config/runtime-config-token';
import { TEST_CONFIG, TEST_FHIR_BASE } from '../../testing/test-config';
import { CapabilityService } from './capabilities';
import {
  FhirClient,
  bundleNotices,
  bundleResources,
  pageLink,
  serverDidNotSort,
} from './fhir-client';
import { FhirError } from './fhir-error';
import { Bundle, Observation, OperationOutcome, Patient } from './fhir-types';
import { statementSearching } from '../../testing/capability-statement';

describe('FhirClient', () => {
  let client: FhirClient;
  let controller: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: RUNTIME_CONFIG, useValue: TEST_CONFIG },
      ],
    });
    client = TestBed.inject(FhirClient);
    controller = TestBed.inject(HttpTestingController);
  });

  afterEach(() => controller.verify());

  const bundle = (links: { relation: string; url: string }[]): Bundle<Patient> => ({
    resourceType: 'Bundle',
    type: 'searchset',
    total: 120,
    link: links,
    entry: [
      { resource: { resourceType: 'Patient', id: 'p1' }, search: { mode: 'match' } },
      { resource: { resourceType: 'Patient', id: 'inc' }, search: { mode: 'include' } },
    ],
  });

  it('searches with encoded parameters, skipping empty ones and repeating arrays', () => {
    let result: Bundle<Patient> | undefined;
    client
      .search<Patient>('Patient', {
        name: 'o brien',
        gender: '',
        birthdate: ['ge1980-01-01', 'le1989-12-31'],
        _count: 20,
      })
      .subscribe((b) => (result = b));
    const request = controller.expectOne(
      (r) => r.url === `${TEST_FHIR_BASE}/Patient` && r.method === 'GET',
    );
    expect(request.request.params.get('name')).toBe('o brien');
    expect(request.request.params.has('gender')).toBeFalse();
    expect(request.request.params.getAll('birthdate')).toEqual(['ge1980-01-01', 'le1989-12-31']);
    expect(request.request.params.get('_count')).toBe('20');
    expect(request.request.headers.get('Accept')).toBe('application/fhir+json');
    request.flush(bundle([]));
    expect(result?.total).toBe(120);
    expect(bundleResources(result as Bundle<Patient>).map((p) => p.id)).toEqual(['p1']);
  });

  it('follows a next link under the FHIR base', () => {
    const next = `${TEST_FHIR_BASE}/Patient?_count=20&_offset=20`;
    let result: Bundle<Patient> | undefined;
    const link = pageLink(bundle([{ relation: 'next', url: next }]), 'next') as string;
    client.getLink<Patient>(link).subscribe((b) => (result = b));
    controller.expectOne(next).flush(bundle([]));
    expect(result?.resourceType).toBe('Bundle');
  });

  it('accepts the older "prev" relation for the previous page', () => {
    const prev = `${TEST_FHIR_BASE}/Patient?_offset=0`;
    expect(pageLink(bundle([{ relation: 'prev', url: prev }]), 'previous')).toBe(prev);
    expect(pageLink(bundle([{ relation: 'previous', url: prev }]), 'previous')).toBe(prev);
  });

  it('refuses to follow a paging link to another host, without sending any request', () => {
    let error: FhirError | undefined;
    client
      .getLink('https://fhir.example.com.evil.test/fhir/Patient?p=2')
      .subscribe({ error: (e: FhirError) => (error = e) });
    controller.expectNone(() => true);
    expect(error?.kind).toBe('unsafe-link');
  });

  it('follows relative paging links from the FHIR base, HAPI-style _getpages links included', () => {
    client.getLink('Patient?_count=20&_offset=20').subscribe();
    controller.expectOne(`${TEST_FHIR_BASE}/Patient?_count=20&_offset=20`).flush(bundle([]));
    client.getLink('?_getpages=abc&_getpagesoffset=20').subscribe();
    controller.expectOne(`${TEST_FHIR_BASE}/?_getpages=abc&_getpagesoffset=20`).flush(bundle([]));
    client.getLink(`${TEST_FHIR_BASE}?_getpages=abc&_getpagesoffset=40`).subscribe();
    controller.expectOne(`${TEST_FHIR_BASE}?_getpages=abc&_getpagesoffset=40`).flush(bundle([]));
  });

  it('refuses a relative link that climbs out of the base', () => {
    let error: FhirError | undefined;
    client.getLink('../other/Patient').subscribe({ error: (e: FhirError) => (error = e) });
    controller.expectNone(() => true);
    expect(error?.kind).toBe('unsafe-link');
  });

  it('refuses a paging link on a sibling path', () => {
    let error: FhirError | undefined;
    client
      .getLink('https://fhir.example.com/fhir-other/Patient')
      .subscribe({ error: (e: FhirError) => (error = e) });
    expect(error?.kind).toBe('unsafe-link');
  });

  it('maps a failed search to a FhirError with the OperationOutcome text', () => {
    let error: FhirError | undefined;
    client
      .search<Patient>('Patient', { gender: 'x' })
      .subscribe({ error: (e: FhirError) => (error = e) });
    controller
      .expectOne(() => true)
      .flush(
        {
          resourceType: 'OperationOutcome',
          issue: [{ diagnostics: "Invalid value for 'gender'" }],
        },
        { status: 400, statusText: 'Bad Request' },
      );
    expect(error).toEqual(jasmine.any(FhirError));
    expect(error?.detail).toBe("Invalid value for 'gender'");
  });

  it("keeps the server's notes on a search (outcome entries) instead of dropping them", () => {
    const withOutcome: Bundle = {
      resourceType: 'Bundle',
      type: 'searchset',
      entry: [
        { resource: { resourceType: 'Patient', id: 'p1' }, search: { mode: 'match' } },
        {
          resource: {
            resourceType: 'OperationOutcome',
            issue: [
              { severity: 'warning', code: 'not-supported', diagnostics: "Ignored: 'code:text'" },
              { severity: 'information', details: { text: 'Results are capped at 200' } },
              { severity: 'warning', code: 'not-supported', diagnostics: "Ignored: 'code:text'" },
            ],
          } as OperationOutcome,
          search: { mode: 'outcome' },
        },
      ],
    };
    expect(bundleNotices(withOutcome)).toEqual([
      "Ignored: 'code:text'",
      'Results are capped at 200',
    ]);
    expect(bundleResources(withOutcome).map((r) => r.id)).toEqual(['p1']);
    expect(bundleNotices(bundle([]))).toEqual([]);
  });

  it('reads one resource by id, encoding the id', () => {
    client.read<Patient>('Patient', 'a/b').subscribe();
    controller.expectOne(`${TEST_FHIR_BASE}/Patient/a%2Fb`).flush({ resourceType: 'Patient' });
  });

  describe('with the server’s capability statement read', () => {
    const statement = statementSearching([
      { type: 'Patient', searchParam: [{ name: 'name' }, { name: 'gender' }] },
    ]);
    beforeEach(() => {
      TestBed.inject(CapabilityService).load();
      controller.expectOne(`${TEST_FHIR_BASE}/metadata`).flush(statement);
    });

    it('sends no parameter the server does not list, and says so among the page’s notes', () => {
      let result: Bundle<Patient> | undefined;
      client
        .search<Patient>('Patient', { name: 'ab', birthdate: 'ge1950', _count: 20 })
        .subscribe((b) => (result = b));
      const req = controller.expectOne((r) => r.url === `${TEST_FHIR_BASE}/Patient`);
      expect(req.request.params.get('name')).toBe('ab');
      expect(req.request.params.has('birthdate')).toBeFalse();
      expect(req.request.params.get('_count')).toBe('20');
      req.flush(bundle([]));
      expect(bundleNotices(result as Bundle<Patient>)).toEqual([
        'Not sent: this FHIR server does not list birthdate for Patient searches, so the results are not narrowed by it.',
      ]);
    });

    it('does not search a type the server does not offer, and says so without a Retry to press', () => {
      let error: FhirError | undefined;
      client.search<Observation>('Observation', { patient: 'p1' }).subscribe({
        error: (e: FhirError) => (error = e),
      });
      controller.expectNone(() => true);
      expect(error?.kind).toBe('unsupported');
      expect(error?.detail).toContain('does not offer Observation search');
    });
  });

  describe('with a statement that states sorts and totals', () => {
    const statement = statementSearching([
      {
        type: 'Patient',
        searchParam: [
          { name: 'name' },
          { name: '_sort', documentation: 'Sort keys: name' },
          { name: '_total' },
        ],
      },
      { type: 'Observation', searchParam: [{ name: 'patient' }, { name: '_sort' }] },
    ]);
    beforeEach(() => {
      TestBed.inject(CapabilityService).load();
      controller.expectOne(`${TEST_FHIR_BASE}/metadata`).flush(statement);
    });
    const patientSearch = () => controller.expectOne((r) => r.url === `${TEST_FHIR_BASE}/Patient`);

    it('asks for an exact total only where the server lists _total', () => {
      client.search<Patient>('Patient', { name: 'ab' }).subscribe();
      expect(patientSearch().request.params.get('_total')).toBe('accurate');
      client.search<Observation>('Observation', { patient: 'p1' }).subscribe();
      const observations = controller.expectOne((r) => r.url === `${TEST_FHIR_BASE}/Observation`);
      expect(observations.request.params.has('_total')).toBeFalse();
    });

    it('sends a sort the server states, and drops one it does not, saying it did not sort', () => {
      let sorted: Bundle<Patient> | undefined;
      client.search<Patient>('Patient', { _sort: '-name' }).subscribe((b) => (sorted = b));
      const first = patientSearch();
      expect(first.request.params.get('_sort')).toBe('-name');
      first.flush(bundle([]));
      expect(serverDidNotSort(sorted as Bundle<Patient>)).toBeFalse();

      let unsorted: Bundle<Patient> | undefined;
      client.search<Patient>('Patient', { _sort: '-birthdate' }).subscribe((b) => (unsorted = b));
      const second = patientSearch();
      expect(second.request.params.has('_sort')).toBeFalse();
      second.flush(bundle([]));
      expect(serverDidNotSort(unsorted as Bundle<Patient>)).toBeTrue();
      expect(bundleNotices(unsorted as Bundle<Patient>)).toEqual([
        'Not sent: this FHIR server does not sort Patient searches by birthdate, so it did not sort these results.',
      ]);
    });

    it('sends a search once more without the sort the server refused, and says so', () => {
      let result: Bundle<Patient> | undefined;
      client
        .search<Patient>('Patient', { name: 'ab', _sort: 'name' })
        .subscribe((b) => (result = b));
      patientSearch().flush(
        { resourceType: 'OperationOutcome', issue: [{ diagnostics: '_sort is not supported' }] },
        { status: 400, statusText: 'Bad Request' },
      );
      const again = patientSearch();
      expect(again.request.params.has('_sort')).toBeFalse();
      expect(again.request.params.get('name')).toBe('ab');
      again.flush(bundle([]));
      expect(serverDidNotSort(result as Bundle<Patient>)).toBeTrue();
      expect(bundleNotices(result as Bundle<Patient>)).toEqual([
        'The FHIR server refused to sort this search (“_sort is not supported”), so it was sent again without a sort.',
      ]);
    });

    it('does not send a refused search again when it had no sort, nor more than once', () => {
      let error: FhirError | undefined;
      client
        .search<Patient>('Patient', { name: 'ab' })
        .subscribe({ error: (e: FhirError) => (error = e) });
      patientSearch().flush({}, { status: 400, statusText: 'Bad Request' });
      expect(error?.status).toBe(400);

      let afterRetry: FhirError | undefined;
      client
        .search<Patient>('Patient', { name: 'ab', _sort: 'name' })
        .subscribe({ error: (e: FhirError) => (afterRetry = e) });
      patientSearch().flush({}, { status: 400, statusText: 'Bad Request' });
      patientSearch().flush(
        { resourceType: 'OperationOutcome', issue: [{ diagnostics: 'name is too short' }] },
        { status: 400, statusText: 'Bad Request' },
      );
      expect(afterRetry?.detail).toBe('name is too short');
    });
  });
});

describe('FhirClient with DPoP on', () => {
  function setUp(smartConfiguration: object) {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        {
          provide: RUNTIME_CONFIG,
          useValue: { ...TEST_CONFIG, okta: { ...TEST_CONFIG.okta, dpop: true } },
        },
      ],
    });
    const controller = TestBed.inject(HttpTestingController);
    TestBed.inject(CapabilityService).load();
    controller.expectOne(`${TEST_FHIR_BASE}/metadata`).flush({
      resourceType: 'CapabilityStatement',
      rest: [{ mode: 'server', security: { service: [{ coding: [{ code: 'SMART-on-FHIR' }] }] } }],
    });
    controller
      .expectOne(`${TEST_FHIR_BASE}/.well-known/smart-configuration`)
      .flush(smartConfiguration);
    let error: FhirError | undefined;
    TestBed.inject(FhirClient)
      .read('Patient', 'p1')
      .subscribe({ error: (e: FhirError) => (error = e) });
    controller
      .expectOne(`${TEST_FHIR_BASE}/Patient/p1`)
      .flush({}, { status: 401, statusText: 'Unauthorized' });
    controller.verify();
    return error;
  }

  it('says a refused sign-in may be DPoP when the server does not advertise it', () => {
    const error = setUp({ issuer: 'https://example.okta.com/oauth2/default' });
    expect(error?.kind).toBe('unauthorized');
    expect(error?.advice).toContain('does not advertise DPoP');
  });

  it('gives the usual advice when the server advertises DPoP', () => {
    const error = setUp({ dpop_signing_alg_values_supported: ['RS256'] });
    expect(error?.advice).toBe('Your session may have ended. Sign in again.');
  });
});
