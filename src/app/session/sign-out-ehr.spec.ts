import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { OKTA_AUTH } from '@okta/okta-angular';
import { EHR_SESSION } from '../fhir/fhir-session';
import { testEhrSession } from '../../testing/ehr-session';
import { FakeOktaAuth, fakeOktaAuth } from '../../testing/fake-okta';
import { PAGE_LOCATION } from './page-location';
import { SessionChannel } from './session-channel';
import { SessionEndNotices } from './session-end';
import { EhrExit } from '../launch/ehr-exit';
import { SignOut } from './sign-out';

describe('SignOut in a session from an EHR', () => {
  let oktaAuth: Omit<FakeOktaAuth, 'tokenManager'> & {
    tokenManager: FakeOktaAuth['tokenManager'] & { getTokensSync: () => object };
    revokeAccessToken: jasmine.Spy;
    revokeRefreshToken: jasmine.Spy;
  };
  let location: { replace: jasmine.Spy; reload: jasmine.Spy };
  let posted: jasmine.Spy;

  function setUp(revocationEndpoint: string | undefined) {
    sessionStorage.clear();
    const base = fakeOktaAuth();
    oktaAuth = {
      ...base,
      tokenManager: {
        ...base.tokenManager,
        getTokensSync: () => ({ accessToken: { accessToken: 'a' } }),
      },
      revokeAccessToken: jasmine.createSpy('revokeAccessToken').and.resolveTo({}),
      revokeRefreshToken: jasmine.createSpy('revokeRefreshToken').and.rejectWith(new Error('none')),
    };
    location = { replace: jasmine.createSpy('replace'), reload: jasmine.createSpy('reload') };
    const session = testEhrSession();
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        { provide: OKTA_AUTH, useValue: oktaAuth },
        { provide: PAGE_LOCATION, useValue: location },
        {
          provide: EHR_SESSION,
          useValue: { ...session, endpoints: { ...session.endpoints, revocationEndpoint } },
        },
      ],
    });
    posted = spyOn(TestBed.inject(SessionChannel), 'post');
    sessionStorage.setItem('fhirokta.ehr-session', '{}');
    sessionStorage.setItem('fhirokta.ehr.tokens', '{}');
  }

  afterEach(() => sessionStorage.clear());

  it('revokes at the EHR, forgets the session and its tokens, tells the other tabs, and opens sign-in', async () => {
    setUp('https://auth.ehr.example/revoke');
    await TestBed.inject(SignOut).everywhere('user');
    expect(posted).toHaveBeenCalledWith({ kind: 'signed-out', reason: 'user' });
    expect(oktaAuth.revokeAccessToken).toHaveBeenCalledOnceWith({ accessToken: 'a' });
    expect(oktaAuth.revokeRefreshToken).not.toHaveBeenCalled();
    expect(oktaAuth.signOut).not.toHaveBeenCalled();
    expect(oktaAuth.tokenManager.clear).toHaveBeenCalled();
    expect(sessionStorage.getItem('fhirokta.ehr-session')).toBeNull();
    expect(sessionStorage.getItem('fhirokta.ehr.tokens')).toBeNull();
    expect(location.replace).toHaveBeenCalledOnceWith('/login');
    // The sign-in page says so and waits, rather than sign in again on a session that lives on.
    expect(TestBed.inject(SessionEndNotices).current()?.reason).toBe('signed-out-of-ehr');
  });

  it('sends no revocation to an EHR that offers none', async () => {
    setUp(undefined);
    await TestBed.inject(SignOut).everywhere('idle');
    expect(oktaAuth.revokeAccessToken).not.toHaveBeenCalled();
    expect(location.replace).toHaveBeenCalledOnceWith('/login');
  });

  it('is not overtaken by the guard when revoking the tokens ends the session mid-way', async () => {
    setUp('https://auth.ehr.example/revoke');
    const exit = TestBed.inject(EhrExit);
    // What the guard does when it finds the tokens gone: it must find the page already leaving.
    oktaAuth.revokeAccessToken.and.callFake(async () => {
      exit.endWithProblem({ title: 'Your session has ended', detail: 'd', advice: 'a' });
      return {};
    });
    await TestBed.inject(SignOut).everywhere('user');
    expect(location.replace).toHaveBeenCalledOnceWith('/login');
  });

  it('another tab’s sign-out forgets the EHR session here too', () => {
    setUp(undefined);
    TestBed.inject(SignOut).endHere('signed-out-elsewhere');
    expect(sessionStorage.getItem('fhirokta.ehr-session')).toBeNull();
    expect(location.replace).toHaveBeenCalledWith('/login');
  });
});
