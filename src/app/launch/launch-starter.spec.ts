import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { PAGE_LOCATION } from '../session/page-location';
import { until } from '../../testing/until';
import { loadEhrSession } from './ehr-session';
import { LaunchStarter } from './launch-starter';

const EHR = { name: 'Test EHR', iss: 'https://ehr.example/r4', clientId: 'fhirokta' };

describe('LaunchStarter, a standalone sign-in with an EHR', () => {
  let controller: HttpTestingController;
  let assign: jasmine.Spy;

  beforeEach(() => {
    sessionStorage.clear();
    assign = jasmine.createSpy('assign');
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: PAGE_LOCATION, useValue: { assign, replace: jasmine.createSpy('replace') } },
      ],
    });
    controller = TestBed.inject(HttpTestingController);
  });
  afterEach(() => {
    controller.verify();
    sessionStorage.clear();
  });

  it('finds an older EHR through its CapabilityStatement and asks it to pick the patient', async () => {
    const started = TestBed.inject(LaunchStarter).start(EHR);
    controller
      .expectOne(`${EHR.iss}/.well-known/smart-configuration`)
      .flush('', { status: 404, statusText: 'Not Found' });
    await until(() => {
      const [metadata] = controller.match(`${EHR.iss}/metadata`);
      metadata?.flush({
        resourceType: 'CapabilityStatement',
        rest: [
          {
            mode: 'server',
            security: {
              extension: [
                {
                  url: 'http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris',
                  extension: [
                    { url: 'authorize', valueUri: 'https://ehr.example/auth/authorize' },
                    { url: 'token', valueUri: 'https://ehr.example/auth/token' },
                  ],
                },
              ],
            },
          },
        ],
      });
      return metadata !== undefined;
    });
    expect(await started).toBeUndefined();
    const url = new URL(assign.calls.mostRecent().args[0] as string);
    expect(`${url.origin}${url.pathname}`).toBe('https://ehr.example/auth/authorize');
    expect(url.searchParams.get('scope')).toBe(
      'launch/patient openid fhirUser user/*.read patient/*.read',
    );
    expect(url.searchParams.get('aud')).toBe(EHR.iss);
    expect(url.searchParams.has('launch')).toBeFalse();
    expect(loadEhrSession(sessionStorage, [EHR])?.launch).toBeUndefined();
  });

  it('does not work around a SMART configuration without S256', async () => {
    const started = TestBed.inject(LaunchStarter).start(EHR);
    controller.expectOne(`${EHR.iss}/.well-known/smart-configuration`).flush({
      authorization_endpoint: 'https://ehr.example/auth/authorize',
      token_endpoint: 'https://ehr.example/auth/token',
      code_challenge_methods_supported: ['plain'],
    });
    const problem = await started;
    expect(problem?.detail).toContain('does not offer PKCE with S256');
    expect(problem?.advice).toContain('Sign in with Test EHR again from the sign-in page.');
    expect(assign).not.toHaveBeenCalled();
  });

  it('does not ask an EHR that does no OpenID Connect for an ID token it would not send', async () => {
    const started = TestBed.inject(LaunchStarter).start(EHR, { launch: 'l-1', iss: EHR.iss });
    controller.expectOne(`${EHR.iss}/.well-known/smart-configuration`).flush({
      authorization_endpoint: 'https://ehr.example/auth/authorize',
      token_endpoint: 'https://ehr.example/auth/token',
      code_challenge_methods_supported: ['S256'],
      capabilities: ['launch-ehr', 'permission-v2'],
    });
    expect(await started).toBeUndefined();
    const url = new URL(assign.calls.mostRecent().args[0] as string);
    expect(url.searchParams.get('scope')).toBe('launch user/*.rs patient/*.rs');
  });

  it('asks one that does (sso-openid-connect, or an issuer) for openid and fhirUser', async () => {
    const started = TestBed.inject(LaunchStarter).start(EHR, { launch: 'l-1', iss: EHR.iss });
    controller.expectOne(`${EHR.iss}/.well-known/smart-configuration`).flush({
      authorization_endpoint: 'https://ehr.example/auth/authorize',
      token_endpoint: 'https://ehr.example/auth/token',
      code_challenge_methods_supported: ['S256'],
      capabilities: ['launch-ehr', 'sso-openid-connect'],
    });
    expect(await started).toBeUndefined();
    const url = new URL(assign.calls.mostRecent().args[0] as string);
    expect(url.searchParams.get('scope')).toBe('launch openid fhirUser user/*.read patient/*.read');
  });
});
