import { TestBed } from '@angular/core/testing';
import { OKTA_AUTH } from '@okta/okta-angular';
import { EHR_SESSION } from '../fhir/fhir-session';
import { testEhrSession } from '../../testing/ehr-session';
import { FakeOktaAuth, fakeOktaAuth } from '../../testing/fake-okta';
import { EhrExit } from '../launch/ehr-exit';
import { PAGE_LOCATION } from './page-location';
import { SessionExit } from './session-exit';

describe('SessionExit', () => {
  let location: { replace: jasmine.Spy; reload: jasmine.Spy };

  beforeEach(() => {
    sessionStorage.clear();
    location = { replace: jasmine.createSpy('replace'), reload: jasmine.createSpy('reload') };
  });
  afterEach(() => sessionStorage.clear());

  describe('of an Okta session', () => {
    let oktaAuth: FakeOktaAuth;

    beforeEach(() => {
      oktaAuth = fakeOktaAuth();
      TestBed.configureTestingModule({
        providers: [
          { provide: OKTA_AUTH, useValue: oktaAuth },
          { provide: PAGE_LOCATION, useValue: location },
        ],
      });
    });

    it('ends the Okta session at the issuer, whose logout the page leaves for', async () => {
      const exit = TestBed.inject(SessionExit);
      expect(exit.signInStays).toBeFalse();
      expect(await exit.endAtIssuer()).toBeTrue();
      expect(oktaAuth.signOut).toHaveBeenCalledTimes(1);
      expect(oktaAuth.tokenManager.clear).not.toHaveBeenCalled();
      expect(location.replace).not.toHaveBeenCalled();
    });

    it('says so when the issuer cannot be reached, and forgets nothing yet', async () => {
      oktaAuth.signOut.and.rejectWith(new Error('issuer down'));
      expect(await TestBed.inject(SessionExit).endAtIssuer()).toBeFalse();
      expect(oktaAuth.tokenManager.clear).not.toHaveBeenCalled();
      expect(location.replace).not.toHaveBeenCalled();
    });

    it('forgets the tokens and opens the login page afresh', () => {
      TestBed.inject(SessionExit).forgetAndReload();
      expect(oktaAuth.tokenManager.clear).toHaveBeenCalled();
      expect(location.replace).toHaveBeenCalledOnceWith('/login');
    });
  });

  describe('of a session from an EHR', () => {
    let oktaAuth: Omit<FakeOktaAuth, 'tokenManager'> & {
      tokenManager: FakeOktaAuth['tokenManager'] & { getTokensSync: () => object };
      revokeAccessToken: jasmine.Spy;
      revokeRefreshToken: jasmine.Spy;
    };

    function setUp(revocationEndpoint: string | undefined) {
      const base = fakeOktaAuth();
      oktaAuth = {
        ...base,
        tokenManager: {
          ...base.tokenManager,
          getTokensSync: () => ({ accessToken: { accessToken: 'a' } }),
        },
        revokeAccessToken: jasmine.createSpy('revokeAccessToken').and.resolveTo({}),
        revokeRefreshToken: jasmine
          .createSpy('revokeRefreshToken')
          .and.rejectWith(new Error('none')),
      };
      const session = testEhrSession();
      TestBed.configureTestingModule({
        providers: [
          { provide: OKTA_AUTH, useValue: oktaAuth },
          { provide: PAGE_LOCATION, useValue: location },
          {
            provide: EHR_SESSION,
            useValue: { ...session, endpoints: { ...session.endpoints, revocationEndpoint } },
          },
        ],
      });
      sessionStorage.setItem('fhirokta.ehr-session', '{}');
      sessionStorage.setItem('fhirokta.ehr.tokens', '{}');
    }

    it('revokes at the EHR, forgets the session and its tokens, and opens sign-in; the EHR’s own sign-in stays', async () => {
      setUp('https://auth.ehr.example/revoke');
      const exit = TestBed.inject(SessionExit);
      expect(exit.signInStays).toBeTrue();
      expect(await exit.endAtIssuer()).toBeTrue();
      expect(oktaAuth.revokeAccessToken).toHaveBeenCalledOnceWith({ accessToken: 'a' });
      expect(oktaAuth.revokeRefreshToken).not.toHaveBeenCalled();
      expect(oktaAuth.signOut).not.toHaveBeenCalled();
      expect(oktaAuth.tokenManager.clear).toHaveBeenCalled();
      expect(sessionStorage.getItem('fhirokta.ehr-session')).toBeNull();
      expect(sessionStorage.getItem('fhirokta.ehr.tokens')).toBeNull();
      expect(location.replace).toHaveBeenCalledOnceWith('/login');
    });

    it('sends no revocation to an EHR that offers none', async () => {
      setUp(undefined);
      await TestBed.inject(SessionExit).endAtIssuer();
      expect(oktaAuth.revokeAccessToken).not.toHaveBeenCalled();
      expect(location.replace).toHaveBeenCalledOnceWith('/login');
    });

    it('is not overtaken by the guard when revoking the tokens ends the session mid-way', async () => {
      setUp('https://auth.ehr.example/revoke');
      const ehrExit = TestBed.inject(EhrExit);
      // What the guard does when it finds the tokens gone: it must find the page already leaving.
      oktaAuth.revokeAccessToken.and.callFake(async () => {
        ehrExit.endWithProblem({ title: 'Your session has ended', detail: 'd', advice: 'a' });
        return {};
      });
      await TestBed.inject(SessionExit).endAtIssuer();
      expect(location.replace).toHaveBeenCalledOnceWith('/login');
    });

    it('forgetting the tokens here forgets the EHR session too', () => {
      setUp(undefined);
      TestBed.inject(SessionExit).forgetAndReload();
      expect(sessionStorage.getItem('fhirokta.ehr-session')).toBeNull();
      expect(location.replace).toHaveBeenCalledWith('/login');
    });
  });
});
