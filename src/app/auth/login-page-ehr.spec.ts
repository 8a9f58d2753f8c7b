import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { OKTA_AUTH } from '@okta/okta-angular';
import { RUNTIME_CONFIG } from '../config/runtime-config-token';
import { EHR_SESSION } from '../fhir/fhir-session';
import { LaunchStarter } from '../launch/launch-starter';
import { recordedLaunchProblem } from '../launch/launch-problems';
import { PAGE_LOCATION } from '../session/page-location';
import { testEhrSession } from '../../testing/ehr-session';
import { FakeOktaAuth, fakeOktaAuth } from '../../testing/fake-okta';
import { TEST_CONFIG } from '../../testing/test-config';
import { LoginPage } from './login-page';

const EHRS = [
  { name: 'Example EHR', iss: 'https://ehr.example/fhir', clientId: 'ehr-app' },
  { name: 'Test EHR', iss: 'https://test.ehr.example/r4', clientId: 'fhirokta' },
];

describe('LoginPage with EHRs configured', () => {
  let oktaAuth: FakeOktaAuth;
  let start: jasmine.Spy;
  let location: { replace: jasmine.Spy; assign: jasmine.Spy; reload: jasmine.Spy };

  beforeEach(() => sessionStorage.clear());
  afterEach(() => sessionStorage.clear());

  async function render(ehrSession = false) {
    oktaAuth = fakeOktaAuth();
    start = jasmine.createSpy('start').and.resolveTo(undefined);
    location = {
      replace: jasmine.createSpy('replace'),
      assign: jasmine.createSpy('assign'),
      reload: jasmine.createSpy('reload'),
    };
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        { provide: RUNTIME_CONFIG, useValue: { ...TEST_CONFIG, ehrs: EHRS } },
        { provide: OKTA_AUTH, useValue: oktaAuth },
        { provide: LaunchStarter, useValue: { start } },
        { provide: PAGE_LOCATION, useValue: location },
        { provide: EHR_SESSION, useValue: ehrSession ? testEhrSession() : undefined },
      ],
    });
    const fixture = TestBed.createComponent(LoginPage);
    await fixture.whenStable();
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
    return { fixture, el: fixture.nativeElement as HTMLElement };
  }

  const buttons = (el: HTMLElement) =>
    [...el.querySelectorAll('button')].map((b) => b.textContent?.trim());

  it('offers "Sign in with <name>" for each EHR, beside Okta', async () => {
    const { el } = await render();
    expect(buttons(el)).toEqual([
      'Sign in with Okta',
      'Sign in with Example EHR',
      'Sign in with Test EHR',
    ]);
  });

  it('starts a standalone launch with the chosen EHR', async () => {
    const { el } = await render();
    (el.querySelectorAll('button.sign-in-ehr')[1] as HTMLButtonElement).click();
    expect(start).toHaveBeenCalledOnceWith(EHRS[1]);
    expect(oktaAuth.signInWithRedirect).not.toHaveBeenCalled();
  });

  it('explains a launch that could not start, on the launch-error page', async () => {
    const { el } = await render();
    start.and.resolveTo({ title: 'fhirokta could not reach Test EHR', detail: 'd', advice: 'a' });
    (el.querySelectorAll('button.sign-in-ehr')[1] as HTMLButtonElement).click();
    await new Promise((resolve) => setTimeout(resolve));
    expect(location.replace).toHaveBeenCalledOnceWith('/launch/error');
    expect(recordedLaunchProblem(sessionStorage)?.title).toBe('fhirokta could not reach Test EHR');
  });

  it('belongs to Okta: a tab still in an EHR session leaves it, without a silent sign-in there', async () => {
    sessionStorage.setItem('fhirokta.ehr.tokens', '{}');
    await render(true);
    expect(location.replace).toHaveBeenCalledOnceWith('/login');
    expect(sessionStorage.getItem('fhirokta.ehr.tokens')).toBeNull();
    expect(oktaAuth.token.getWithoutPrompt).not.toHaveBeenCalled();
  });
});
