import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { RUNTIME_CONFIG } from '../config/runtime-config-token';
import { TEST_CONFIG, TEST_FHIR_BASE } from '../../testing/test-config';
import { RetryStatus, retryInterceptor } from './retry-interceptor';

describe('retryInterceptor', () => {
  let http: HttpClient;
  let backend: HttpTestingController;
  const url = `${TEST_FHIR_BASE}/Patient?name=ab`;

  beforeEach(() => {
    jasmine.clock().install();
    jasmine.clock().mockDate(new Date('2026-12-01T12:00:00Z'));
    TestBed.configureTestingModule({
      providers: [
        { provide: RUNTIME_CONFIG, useValue: TEST_CONFIG },
        provideHttpClient(withInterceptors([retryInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpClient);
    backend = TestBed.inject(HttpTestingController);
  });
  afterEach(() => {
    backend.verify();
    jasmine.clock().uninstall();
  });

  function get(target = url) {
    const result: { body?: unknown; status?: number } = {};
    http.get(target).subscribe({
      next: (body) => (result.body = body),
      error: (e: { status: number }) => (result.status = e.status),
    });
    return result;
  }

  it('waits out a 429 for its Retry-After, says so meanwhile, and retries once', () => {
    const result = get();
    backend
      .expectOne(url)
      .flush({}, { status: 429, statusText: 'Too Many', headers: { 'Retry-After': '3' } });
    const status = TestBed.inject(RetryStatus);
    expect(status.current()).toEqual({ waitMs: 3000, reason: 'rate-limited' });
    jasmine.clock().tick(2999);
    backend.expectNone(url);
    jasmine.clock().tick(1);
    backend.expectOne(url).flush({ resourceType: 'Bundle' });
    expect(result.body).toEqual({ resourceType: 'Bundle' });
    expect(status.current()).toBeUndefined();
  });

  it('retries a 503 once after a short backoff, then lets the second failure through', () => {
    const result = get();
    backend.expectOne(url).flush({}, { status: 503, statusText: 'Unavailable' });
    jasmine.clock().tick(1000);
    backend.expectOne(url).flush({}, { status: 503, statusText: 'Unavailable' });
    jasmine.clock().tick(60_000);
    backend.expectNone(url);
    expect(result.status).toBe(503);
  });

  it('does not wait for a Retry-After beyond the bound', () => {
    const result = get();
    backend
      .expectOne(url)
      .flush({}, { status: 429, statusText: 'Too Many', headers: { 'Retry-After': '120' } });
    expect(result.status).toBe(429);
    jasmine.clock().tick(130_000);
    backend.expectNone(url);
  });

  it('never retries a write, another server, or an error a wait does not fix', () => {
    const posted: { status?: number } = {};
    http
      .post(TEST_FHIR_BASE, {})
      .subscribe({ error: (e: { status: number }) => (posted.status = e.status) });
    backend.expectOne(TEST_FHIR_BASE).flush({}, { status: 503, statusText: 'Unavailable' });
    expect(posted.status).toBe(503);
    const other = get('https://elsewhere.example/fhir/Patient');
    backend
      .expectOne('https://elsewhere.example/fhir/Patient')
      .flush({}, { status: 503, statusText: 'x' });
    expect(other.status).toBe(503);
    const notFound = get();
    backend.expectOne(url).flush({}, { status: 404, statusText: 'Not Found' });
    expect(notFound.status).toBe(404);
    jasmine.clock().tick(30_000);
    backend.expectNone(() => true);
  });
});
