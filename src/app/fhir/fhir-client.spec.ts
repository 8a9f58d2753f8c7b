import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { RUNTIME_CONFIG } from '../config/runtime-config';
import { TEST_CONFIG, TEST_FHIR_BASE } from '../../testing/test-config';
import { CapabilityService } from './capabilities';
import { FhirClient, bundleNotices, bundleResources, pageLink } from './fhir-client';
import { FhirError } from './fhir-error';
import { Bundle, Observation, OperationOutcome, Patient } from './fhir-types';

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
    const statement = {
      resourceType: 'CapabilityStatement',
      rest: [
        {
          mode: 'server',
          resource: [
            {
              type: 'Patient',
              interaction: [{ code: 'search-type' }],
              searchParam: [{ name: 'name' }, { name: 'gender' }],
            },
          ],
        },
      ],
    };
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
});
