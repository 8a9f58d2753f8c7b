import { HttpClient, HttpContext, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { OKTA_AUTH } from '@okta/okta-angular';
import { firstValueFrom } from 'rxjs';
import { RUNTIME_CONFIG } from '../config/runtime-config-token';
import { EHR_SESSION } from '../fhir/fhir-session';
import { testEhrSession } from '../../testing/ehr-session';
import { TEST_CONFIG } from '../../testing/test-config';
import { WITHOUT_TOKEN, authInterceptor } from './auth-interceptor';

describe('authInterceptor in a session launched by an EHR', () => {
  let http: HttpClient;
  let controller: HttpTestingController;
  let renew: jasmine.Spy;

  beforeEach(() => {
    renew = jasmine.createSpy('renew').and.rejectWith(new Error('no refresh token'));
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
        {
          provide: RUNTIME_CONFIG,
          useValue: {
            ...TEST_CONFIG,
            okta: { ...TEST_CONFIG.okta, dpop: true },
            fhir: { ...TEST_CONFIG.fhir, apiKey: 'public-key' },
          },
        },
        { provide: EHR_SESSION, useValue: testEhrSession() },
        {
          provide: OKTA_AUTH,
          useValue: { getAccessToken: () => 'ehr.token.value', tokenManager: { renew } },
        },
      ],
    });
    http = TestBed.inject(HttpClient);
    controller = TestBed.inject(HttpTestingController);
  });

  afterEach(() => controller.verify());

  function headersFor(url: string, context?: HttpContext) {
    http.get(url, { context }).subscribe();
    const request = controller.expectOne(url);
    const headers = request.request.headers;
    request.flush({});
    return {
      authorization: headers.get('Authorization'),
      dpop: headers.get('DPoP'),
      apiKey: headers.get('x-api-key'),
    };
  }

  it('sends the EHR’s token, as Bearer, to the EHR’s FHIR base and below', () => {
    for (const url of ['https://ehr.example/fhir', 'https://ehr.example/fhir/Patient/pat-0001']) {
      expect(headersFor(url)).toEqual({
        authorization: 'Bearer ehr.token.value',
        dpop: null,
        apiKey: null,
      });
    }
  });

  it('never sends it, nor the configured API key, to the configured FHIR base', () => {
    expect(headersFor('https://fhir.example.com/fhir/Patient')).toEqual({
      authorization: null,
      dpop: null,
      apiKey: null,
    });
  });

  it('never sends it to the EHR’s authorization server or a look-alike of its FHIR base', () => {
    for (const url of [
      'https://auth.ehr.example/token',
      'https://ehr.example/fhir.evil.test/Patient',
      'https://ehr.example/fhir-other',
      'https://ehr.example.evil.test/fhir/Patient',
    ]) {
      expect(headersFor(url).authorization).withContext(url).toBeNull();
    }
  });

  it('sends no token with a request marked public, even to the FHIR base', () => {
    const context = new HttpContext().set(WITHOUT_TOKEN, true);
    const url = 'https://ehr.example/fhir/.well-known/smart-configuration';
    expect(headersFor(url, context).authorization).toBeNull();
  });

  it('on a 401 tries one renewal, and lets the 401 through when it is refused', async () => {
    const url = 'https://ehr.example/fhir/Patient';
    const result = firstValueFrom(http.get(url)).catch((error: { status: number }) => error.status);
    controller.expectOne(url).flush({}, { status: 401, statusText: 'Unauthorized' });
    expect(await result).toBe(401);
    expect(renew).toHaveBeenCalledTimes(1);
  });
});
