import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { OKTA_AUTH } from '@okta/okta-angular';
import { RUNTIME_CONFIG } from '../config/runtime-config-token';
import { TEST_CONFIG } from '../../testing/test-config';
import { authInterceptor } from './auth-interceptor';

describe('authInterceptor', () => {
  let token: string | undefined;
  let http: HttpClient;
  let controller: HttpTestingController;

  beforeEach(() => {
    token = 'header.payload.signature';
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
        { provide: RUNTIME_CONFIG, useValue: TEST_CONFIG },
        { provide: OKTA_AUTH, useValue: { getAccessToken: () => token } },
      ],
    });
    http = TestBed.inject(HttpClient);
    controller = TestBed.inject(HttpTestingController);
  });

  afterEach(() => controller.verify());

  function authorizationFor(url: string): string | null {
    http.get(url).subscribe();
    const request = controller.expectOne(() => true);
    const header = request.request.headers.get('Authorization');
    request.flush({});
    return header;
  }

  it('sends the token to the FHIR base itself', () => {
    expect(authorizationFor('https://fhir.example.com/fhir')).toBe(
      'Bearer header.payload.signature',
    );
  });

  it('sends the token to resources below the FHIR base', () => {
    expect(authorizationFor('https://fhir.example.com/fhir/Patient?name=smith')).toBe(
      'Bearer header.payload.signature',
    );
  });

  it('sends no token to a look-alike host that starts with the FHIR host', () => {
    expect(authorizationFor('https://fhir.example.com.evil.test/fhir/Patient')).toBeNull();
  });

  it('sends no token to a sibling path that starts with the base path', () => {
    expect(authorizationFor('https://fhir.example.com/fhir-other/Patient')).toBeNull();
  });

  it('sends no token when the base appears only in the query string', () => {
    expect(
      authorizationFor('https://evil.test/steal?next=https://fhir.example.com/fhir/Patient'),
    ).toBeNull();
  });

  it('sends no token to the issuer or any other origin', () => {
    expect(authorizationFor('https://example.okta.com/oauth2/default/v1/userinfo')).toBeNull();
    expect(authorizationFor('http://fhir.example.com/fhir/Patient')).toBeNull();
  });

  it('sends no Authorization header at all when there is no token (never "Bearer undefined")', () => {
    token = undefined;
    expect(authorizationFor('https://fhir.example.com/fhir/Patient')).toBeNull();
  });
});

describe('authInterceptor on 401 (session renewal)', () => {
  let http: HttpClient;
  let controller: HttpTestingController;
  let renew: jasmine.Spy;
  let token: string;

  beforeEach(() => {
    token = 'old.token.value';
    renew = jasmine.createSpy('renew').and.callFake(async () => {
      token = 'new.token.value';
      return { accessToken: token };
    });
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
        { provide: RUNTIME_CONFIG, useValue: TEST_CONFIG },
        {
          provide: OKTA_AUTH,
          useValue: { getAccessToken: () => token, tokenManager: { renew } },
        },
      ],
    });
    http = TestBed.inject(HttpClient);
    controller = TestBed.inject(HttpTestingController);
  });

  afterEach(() => controller.verify());

  const unauthorized = { status: 401, statusText: 'Unauthorized' };
  const settle = () => new Promise((resolve) => setTimeout(resolve));

  it('renews the token once and retries once with the new token', async () => {
    let body: unknown;
    http.get('https://fhir.example.com/fhir/Patient').subscribe((b) => (body = b));
    controller.expectOne(() => true).flush(null, unauthorized);
    await settle();
    const retry = controller.expectOne(() => true);
    expect(retry.request.headers.get('Authorization')).toBe('Bearer new.token.value');
    retry.flush({ ok: true });
    expect(renew).toHaveBeenCalledOnceWith('accessToken');
    expect(body).toEqual({ ok: true });
  });

  it('gives up after one retry, so the page can say the session ended', async () => {
    let status = 0;
    http
      .get('https://fhir.example.com/fhir/Patient')
      .subscribe({ error: (e: { status: number }) => (status = e.status) });
    controller.expectOne(() => true).flush(null, unauthorized);
    await settle();
    controller.expectOne(() => true).flush(null, unauthorized);
    expect(renew).toHaveBeenCalledTimes(1);
    expect(status).toBe(401);
  });

  it('passes the 401 on when renewal fails', async () => {
    renew.and.rejectWith(new Error('login_required'));
    let status = 0;
    http
      .get('https://fhir.example.com/fhir/Patient')
      .subscribe({ error: (e: { status: number }) => (status = e.status) });
    controller.expectOne(() => true).flush(null, unauthorized);
    await settle();
    expect(status).toBe(401);
  });

  it('does not renew for a 401 from another server', () => {
    http.get('https://other.test/api').subscribe({ error: () => undefined });
    controller.expectOne(() => true).flush(null, unauthorized);
    expect(renew).not.toHaveBeenCalled();
  });
});

describe('authInterceptor with DPoP', () => {
  let http: HttpClient;
  let controller: HttpTestingController;
  let proofFor: jasmine.Spy;

  beforeEach(() => {
    proofFor = jasmine
      .createSpy('getDPoPAuthorizationHeaders')
      .and.resolveTo({ Authorization: 'DPoP bound.token.value', Dpop: 'proof.jwt' });
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
        {
          provide: RUNTIME_CONFIG,
          useValue: { ...TEST_CONFIG, okta: { ...TEST_CONFIG.okta, dpop: true } },
        },
        {
          provide: OKTA_AUTH,
          useValue: {
            getAccessToken: () => 'bound.token.value',
            getDPoPAuthorizationHeaders: proofFor,
          },
        },
      ],
    });
    http = TestBed.inject(HttpClient);
    controller = TestBed.inject(HttpTestingController);
  });

  afterEach(() => controller.verify());

  it('sends Authorization: DPoP and a proof whose htu has no query', async () => {
    http.get('https://fhir.example.com/fhir/Patient', { params: { name: 'x' } }).subscribe();
    await new Promise((resolve) => setTimeout(resolve));
    const request = controller.expectOne(() => true);
    expect(request.request.headers.get('Authorization')).toBe('DPoP bound.token.value');
    expect(request.request.headers.get('DPoP')).toBe('proof.jwt');
    expect(proofFor).toHaveBeenCalledWith({
      url: 'https://fhir.example.com/fhir/Patient',
      method: 'GET',
    });
    request.flush({});
  });

  it('sends neither header nor proof to another host', () => {
    http.get('https://fhir.example.com.evil.test/fhir/Patient').subscribe();
    const request = controller.expectOne(() => true);
    expect(request.request.headers.has('Authorization')).toBeFalse();
    expect(request.request.headers.has('DPoP')).toBeFalse();
    expect(proofFor).not.toHaveBeenCalled();
    request.flush({});
  });
});

describe('authInterceptor with a FHIR API key', () => {
  let http: HttpClient;
  let controller: HttpTestingController;

  function setUp(apiKey: string | undefined, dpop = false): void {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
        {
          provide: RUNTIME_CONFIG,
          useValue: {
            ...TEST_CONFIG,
            okta: { ...TEST_CONFIG.okta, dpop },
            fhir: { ...TEST_CONFIG.fhir, ...(apiKey ? { apiKey } : {}) },
          },
        },
        {
          provide: OKTA_AUTH,
          useValue: {
            getAccessToken: () => 'header.payload.signature',
            getDPoPAuthorizationHeaders: async () => ({ Authorization: 'DPoP t', Dpop: 'p' }),
          },
        },
      ],
    });
    http = TestBed.inject(HttpClient);
    controller = TestBed.inject(HttpTestingController);
  }

  afterEach(() => controller.verify());

  function headersFor(url: string) {
    http.get(url).subscribe();
    const request = controller.expectOne(() => true);
    request.flush({});
    return request.request.headers;
  }

  it('sends x-api-key and the token to the FHIR base and below it', () => {
    setUp('public-key-123');
    for (const url of ['https://fhir.example.com/fhir', 'https://fhir.example.com/fhir/Patient']) {
      const headers = headersFor(url);
      expect(headers.get('x-api-key')).withContext(url).toBe('public-key-123');
      expect(headers.get('Authorization')).withContext(url).toBe('Bearer header.payload.signature');
    }
  });

  it('never sends x-api-key to the issuer, look-alikes, siblings or another scheme', () => {
    setUp('public-key-123');
    for (const url of [
      'https://example.okta.com/oauth2/default/v1/token',
      'https://fhir.example.com.evil.test/fhir/Patient',
      'https://fhir.example.com/fhir-other/Patient',
      'http://fhir.example.com/fhir/Patient',
      'https://evil.test/steal?next=https://fhir.example.com/fhir/Patient',
    ]) {
      expect(headersFor(url).has('x-api-key')).withContext(url).toBeFalse();
    }
  });

  it('sends no x-api-key when no key is configured', () => {
    setUp(undefined);
    const headers = headersFor('https://fhir.example.com/fhir/Patient');
    expect(headers.has('x-api-key')).toBeFalse();
    expect(headers.get('Authorization')).toBe('Bearer header.payload.signature');
  });

  it('sends x-api-key alongside a DPoP-bound token', async () => {
    setUp('public-key-123', true);
    http.get('https://fhir.example.com/fhir/Patient').subscribe();
    await new Promise((resolve) => setTimeout(resolve));
    const request = controller.expectOne(() => true);
    expect(request.request.headers.get('x-api-key')).toBe('public-key-123');
    expect(request.request.headers.get('Authorization')).toBe('DPoP t');
    request.flush({});
  });
});
