import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Injector } from '@angular/core';
import { Router, provideRouter } from '@angular/router';
import { OKTA_AUTH, OktaAuthStateService } from '@okta/okta-angular';
import { AccessToken, OktaAuth } from '@okta/okta-auth-js';
import { RUNTIME_CONFIG } from '../config/runtime-config-token';
import { FhirError } from '../fhir/fhir-error';
import { EHR_SESSION } from '../fhir/fhir-session';
import { saveEhrSession } from '../launch/ehr-session';
import { recordedLaunchProblem } from '../launch/launch-problems';
import { PAGE_LOCATION } from '../session/page-location';
import { IdleSignOut } from '../session/idle-sign-out';
import { ErrorPanel } from '../shared/error-panel';
import { testEhrSession } from '../../testing/ehr-session';
import { fakeAuthStateService, fakeOktaAuth, jwtWithClaims } from '../../testing/fake-okta';
import { TEST_CONFIG } from '../../testing/test-config';
import { AccessContext } from './access-context';
import { onAuthRequired } from './okta-setup';
import { TokenInspector } from './token-inspector';

describe('in a session from an EHR', () => {
  let token: string | undefined;
  let storedScopes: string[];
  let location: { replace: jasmine.Spy; assign: jasmine.Spy; reload: jasmine.Spy };

  function setUp(context: Record<string, unknown> = { patient: 'pat-1' }, launched = true) {
    sessionStorage.clear();
    const session = testEhrSession(context, launched);
    saveEhrSession(sessionStorage, session);
    location = {
      replace: jasmine.createSpy('replace'),
      assign: jasmine.createSpy('assign'),
      reload: jasmine.createSpy('reload'),
    };
    const oktaAuth = {
      ...fakeOktaAuth(),
      getAccessToken: () => token,
      tokenManager: {
        clear: jasmine.createSpy('clear'),
        getTokensSync: () => ({ accessToken: { scopes: storedScopes } }),
      },
    };
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        { provide: RUNTIME_CONFIG, useValue: TEST_CONFIG },
        { provide: EHR_SESSION, useValue: session },
        { provide: OKTA_AUTH, useValue: oktaAuth },
        { provide: PAGE_LOCATION, useValue: location },
      ],
    });
  }

  beforeEach(() => {
    token = undefined;
    storedScopes = [];
  });
  afterEach(() => sessionStorage.clear());

  describe('AccessContext', () => {
    it('binds the user to the launch patient when only patient-level scopes were granted', () => {
      setUp();
      token = 'opaque';
      storedScopes = ['launch', 'openid', 'patient/*.rs'];
      expect(TestBed.inject(AccessContext).boundPatientId()).toBe('pat-1');
    });

    it('lets a user with user-level scopes browse other patients', () => {
      setUp();
      token = jwtWithClaims({ scope: 'launch patient/*.rs user/*.rs' });
      expect(TestBed.inject(AccessContext).boundPatientId()).toBeUndefined();
    });

    it('reads the granted scopes from the token response when the token is opaque', () => {
      setUp();
      token = 'opaque';
      storedScopes = ['patient/Patient.rs', 'patient/Condition.rs'];
      const access = TestBed.inject(AccessContext);
      expect(access.mayRead('Condition')).toBeTrue();
      expect(access.mayRead('Observation')).toBeFalse();
    });
  });

  describe('the guard, finding the session gone', () => {
    it('says the session from the EHR ended, ends it here, and starts no sign-in', () => {
      setUp();
      const navigate = spyOn(TestBed.inject(Router), 'navigate');
      onAuthRequired({} as OktaAuth, TestBed.inject(Injector));
      expect(location.replace).toHaveBeenCalledOnceWith('/launch/error');
      expect(recordedLaunchProblem(sessionStorage)?.detail).toBe(
        'Your session from Example EHR has ended: open fhirokta again from the EHR.',
      );
      expect(sessionStorage.getItem('fhirokta.ehr-session')).toBeNull();
      expect(navigate).not.toHaveBeenCalled();
    });
  });

  describe('the error panel on a 401', () => {
    const unauthorized = new FhirError('unauthorized', 'Token expired', 'Your session from …', 401);

    async function render() {
      const fixture = TestBed.createComponent(ErrorPanel);
      fixture.componentRef.setInput('error', unauthorized);
      await fixture.whenStable();
      return fixture.nativeElement as HTMLElement;
    }

    it('offers no sign-in in a session the EHR launched: only the EHR can open another', async () => {
      setUp();
      const el = await render();
      expect(el.textContent).not.toContain('Sign in again');
    });

    it('after a standalone sign-in with the EHR, leaves the EHR session for the sign-in page', async () => {
      setUp({ patient: 'pat-1' }, false);
      const el = await render();
      const button = [...el.querySelectorAll('button')].find(
        (b) => b.textContent?.trim() === 'Sign in again',
      );
      button?.click();
      expect(location.replace).toHaveBeenCalledOnceWith('/login');
      expect(sessionStorage.getItem('fhirokta.ehr-session')).toBeNull();
    });
  });

  describe('the token inspector', () => {
    it('shows the EHR and its launch context instead of the FHIR server checks', async () => {
      setUp({ patient: 'pat-1', encounter: 'enc-2', need_patient_banner: false, tenant: 7 });
      const authState = fakeAuthStateService({
        isAuthenticated: true,
        accessToken: {
          accessToken: 'opaque-token',
          scopes: ['launch', 'patient/*.rs'],
        } as unknown as AccessToken,
      });
      TestBed.overrideProvider(OktaAuthStateService, { useValue: authState.service });
      TestBed.overrideProvider(IdleSignOut, { useValue: { idleDeadline: signal(undefined) } });
      const fixture = TestBed.createComponent(TokenInspector);
      await fixture.whenStable();
      const el = fixture.nativeElement as HTMLElement;
      expect(el.querySelector('[data-testid="ehr-session"]')?.textContent).toContain('Example EHR');
      const context = el.querySelector('[data-testid="launch-context"]')?.textContent ?? '';
      expect(context).toContain('pat-1');
      expect(context).toContain('enc-2');
      expect(context).toContain('shown by the EHR');
      expect(el.querySelector('[data-testid="launch-context-ignored"]')?.textContent).toContain(
        'tenant (not a short text)',
      );
      expect(el.querySelector('.token-checks')).toBeNull();
      expect(el.textContent).toContain('opaque (not a JWT)');
      expect(el.textContent).toContain('patient/*.rs');
      expect(el.querySelector('[data-testid="session-renews"]')?.textContent).toContain(
        'Does not renew (Example EHR granted no refresh token)',
      );
    });
  });
});
