import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { ActivatedRoute, convertToParamMap } from '@angular/router';
import { OKTA_AUTH } from '@okta/okta-angular';
import { authInterceptor } from '../auth/auth-interceptor';
import { RUNTIME_CONFIG } from '../config/runtime-config-token';
import { PAGE_LOCATION } from '../session/page-location';
import { TEST_CONFIG } from '../../testing/test-config';
import { until } from '../../testing/until';
import { loadEhrSession } from './ehr-session';
import { recordedLaunchProblem } from './launch-problems';
import { LaunchPage } from './launch-page';
import { PAGE_STORAGE_LASTS } from './page-storage';

const EHR = { name: 'Example EHR', iss: 'https://ehr.example/fhir', clientId: 'ehr-app' };
const SMART_CONFIGURATION = {
  issuer: 'https://auth.ehr.example',
  authorization_endpoint: 'https://auth.ehr.example/authorize',
  token_endpoint: 'https://auth.ehr.example/token',
  code_challenge_methods_supported: ['S256'],
  capabilities: ['launch-ehr', 'permission-v2'],
};

describe('LaunchPage (/launch?iss=…&launch=…)', () => {
  let location: { replace: jasmine.Spy; assign: jasmine.Spy; reload: jasmine.Spy };
  let controller: HttpTestingController;

  beforeEach(() => sessionStorage.clear());
  afterEach(() => {
    controller.verify();
    sessionStorage.clear();
  });

  async function open(
    query: Record<string, string | string[]>,
    storageLasts = true,
  ): Promise<HTMLElement> {
    location = {
      replace: jasmine.createSpy('replace'),
      assign: jasmine.createSpy('assign'),
      reload: jasmine.createSpy('reload'),
    };
    TestBed.configureTestingModule({
      providers: [
        // The real interceptor, with the configured FHIR base the same as the EHR's: no token goes.
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
        {
          provide: RUNTIME_CONFIG,
          useValue: { ...TEST_CONFIG, fhir: { baseUrl: EHR.iss }, ehrs: [EHR] },
        },
        { provide: OKTA_AUTH, useValue: { getAccessToken: () => 'okta.token.value' } },
        { provide: PAGE_LOCATION, useValue: location },
        {
          provide: ActivatedRoute,
          useValue: { snapshot: { queryParamMap: convertToParamMap(query) } },
        },
        { provide: PAGE_STORAGE_LASTS, useValue: storageLasts },
      ],
    });
    controller = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(LaunchPage);
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();
    return fixture.nativeElement as HTMLElement;
  }

  const problem = () => recordedLaunchProblem(sessionStorage);

  it('refuses an iss that is not a configured EHR, names it, and sends nothing anywhere', async () => {
    await open({ iss: 'https://ehr.example/fhir.evil.test', launch: 'l-1' });
    expect(location.replace).toHaveBeenCalledOnceWith('/launch/error');
    expect(problem()?.detail).toBe(
      'This app was opened from https://ehr.example/fhir.evil.test, which is not an EHR it is set up to trust, so nothing was sent there.',
    );
    expect(location.assign).not.toHaveBeenCalled();
    controller.expectNone(() => true);
  });

  it('refuses a launch without iss, or without launch, in words', async () => {
    await open({ launch: 'l-1' });
    expect(problem()?.detail).toContain('without the address of its FHIR server (iss)');
    TestBed.resetTestingModule();
    await open({ iss: EHR.iss });
    expect(problem()?.detail).toContain('without the id of this launch (launch)');
    controller.expectNone(() => true);
  });

  it('refuses two iss values rather than choose one', async () => {
    await open({ iss: [EHR.iss, 'https://evil.test/fhir'], launch: 'l-1' });
    expect(problem()?.title).toBe('fhirokta does not know this EHR');
    controller.expectNone(() => true);
  });

  it('reads discovery without a token, then leaves for the EHR with launch, aud and PKCE', async () => {
    await open({ iss: `${EHR.iss}/`, launch: 'l-1' });
    const discovery = controller.expectOne(`${EHR.iss}/.well-known/smart-configuration`);
    expect(discovery.request.headers.has('Authorization')).toBeFalse();
    discovery.flush(SMART_CONFIGURATION);
    await until(() => location.assign.calls.count() > 0);
    const url = new URL(location.assign.calls.mostRecent().args[0] as string);
    expect(`${url.origin}${url.pathname}`).toBe('https://auth.ehr.example/authorize');
    expect(url.searchParams.get('launch')).toBe('l-1');
    expect(url.searchParams.get('aud')).toBe(`${EHR.iss}/`);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('scope')).toBe('launch openid fhirUser user/*.rs patient/*.rs');
    const session = loadEhrSession(sessionStorage, [EHR]);
    expect(session?.launch).toBe('l-1');
    expect(url.searchParams.get('state')).toBe(session?.state ?? 'missing');
  });

  it('says so when the EHR’s discovery cannot be read, and starts nothing', async () => {
    await open({ iss: EHR.iss, launch: 'l-1' });
    controller
      .expectOne(`${EHR.iss}/.well-known/smart-configuration`)
      .flush('', { status: 404, statusText: 'Not Found' });
    // The CapabilityStatement, asked next, names no sign-in either.
    await until(() => {
      const [metadata] = controller.match(`${EHR.iss}/metadata`);
      metadata?.flush({ resourceType: 'CapabilityStatement', rest: [] });
      return metadata !== undefined;
    });
    await until(() => location.replace.calls.count() > 0);
    expect(location.replace).toHaveBeenCalledOnceWith('/launch/error');
    expect(problem()?.title).toBe('fhirokta could not reach Example EHR');
    expect(problem()?.detail).toContain('answered HTTP 404');
    expect(location.assign).not.toHaveBeenCalled();
    expect(loadEhrSession(sessionStorage, [EHR])).toBeUndefined();
  });

  it('inside a page that keeps nothing, offers the launch a window of its own, and sends nothing', async () => {
    const windowOpen = spyOn(window, 'open').and.returnValue(null);
    const el = await open({ iss: EHR.iss, launch: 'l-1' }, false);
    expect(el.querySelector('h1')?.textContent).toBe('Open fhirokta in its own window');
    expect(el.textContent).toContain('inside Example EHR’s page');
    controller.expectNone(() => true);
    (el.querySelector('button') as HTMLButtonElement).click();
    expect(windowOpen).toHaveBeenCalledOnceWith(window.location.href, '_blank', 'noopener');
    expect(location.assign).not.toHaveBeenCalled();
  });

  it('still refuses an unknown iss there', async () => {
    await open({ iss: 'https://evil.test/fhir', launch: 'l-1' }, false);
    expect(location.replace).toHaveBeenCalledOnceWith('/launch/error');
  });
});
