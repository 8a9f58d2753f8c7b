import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { OKTA_AUTH } from '@okta/okta-angular';
import { FakeOktaAuth, fakeOktaAuth } from '../../testing/fake-okta';
import { PAGE_LOCATION } from './page-location';
import { SessionChannel } from './session-channel';
import { SessionEndNotice, SessionEndNotices } from './session-end';
import { SessionExit } from './session-exit';
import { SignOut } from './sign-out';

describe('SignOut', () => {
  // Notices live in sessionStorage, which every spec of this run shares.
  afterEach(() => sessionStorage.removeItem('fhirokta.session-end'));

  let oktaAuth: FakeOktaAuth;
  let location: { replace: jasmine.Spy; reload: jasmine.Spy };
  let posted: jasmine.Spy;
  let url: jasmine.Spy;

  beforeEach(() => {
    oktaAuth = fakeOktaAuth();
    location = { replace: jasmine.createSpy('replace'), reload: jasmine.createSpy('reload') };
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        { provide: OKTA_AUTH, useValue: oktaAuth },
        { provide: PAGE_LOCATION, useValue: location },
      ],
    });
    posted = spyOn(TestBed.inject(SessionChannel), 'post');
    url = spyOnProperty(TestBed.inject(Router), 'url').and.returnValue('/observations/pat-0001');
  });

  it('an idle sign-out tells the other tabs, ends the Okta session and leaves a notice with the way back', async () => {
    await TestBed.inject(SignOut).everywhere('idle');
    expect(posted).toHaveBeenCalledWith({ kind: 'signed-out', reason: 'idle' });
    expect(oktaAuth.signOut).toHaveBeenCalledTimes(1);
    expect(TestBed.inject(SessionEndNotices).current()).toEqual({
      reason: 'idle',
      returnPath: '/observations/pat-0001',
    });
  });

  it('signs out once, however often it is asked', async () => {
    const signOut = TestBed.inject(SignOut);
    await Promise.all([signOut.everywhere('idle'), signOut.everywhere('user')]);
    signOut.endHere('signed-out-elsewhere');
    expect(oktaAuth.signOut).toHaveBeenCalledTimes(1);
    expect(location.replace).not.toHaveBeenCalled();
  });

  it('another tab’s sign-out forgets this tab’s tokens without revoking them again, and reloads on the login page', () => {
    TestBed.inject(SignOut).endHere('signed-out-elsewhere');
    expect(oktaAuth.tokenManager.clear).toHaveBeenCalled();
    expect(oktaAuth.signOut).not.toHaveBeenCalled();
    expect(location.replace).toHaveBeenCalledWith('/login');
    expect(TestBed.inject(SessionEndNotices).current()?.reason).toBe('signed-out-elsewhere');
  });

  it('keeps no search terms past any sign-out: idle, another tab’s, one that could not reach Okta', async () => {
    url.and.returnValue('/patients?name=Ann&birthdate=1970-01-01&page=2');
    // A fresh SignOut for each path: one signs out only once.
    const signOut = () => TestBed.runInInjectionContext(() => new SignOut());
    const stored = () => sessionStorage.getItem('fhirokta.session-end') ?? '';
    const notices = TestBed.inject(SessionEndNotices);

    await signOut().everywhere('idle');
    expect(stored()).not.toMatch(/Ann|1970/);
    expect(notices.current()?.returnPath).toBe('/patients');

    sessionStorage.removeItem('fhirokta.session-end');
    oktaAuth.signOut.and.rejectWith(new Error('issuer down'));
    await signOut().everywhere('user');
    expect(stored()).not.toMatch(/Ann|1970/);
    expect(notices.current()).toEqual({ reason: 'sign-out-incomplete', returnPath: '/patients' });

    sessionStorage.removeItem('fhirokta.session-end');
    signOut().endHere('ended-elsewhere');
    expect(stored()).not.toMatch(/Ann|1970/);
    expect(notices.current()).toEqual({ reason: 'ended-elsewhere', returnPath: '/patients' });
  });
});

describe('SignOut in a session from an EHR', () => {
  afterEach(() => sessionStorage.removeItem('fhirokta.session-end'));

  let exit: { signInStays: boolean; endAtIssuer: jasmine.Spy; forgetAndReload: jasmine.Spy };
  let posted: jasmine.Spy;

  beforeEach(() => {
    exit = {
      signInStays: true,
      endAtIssuer: jasmine.createSpy('endAtIssuer').and.resolveTo(true),
      forgetAndReload: jasmine.createSpy('forgetAndReload'),
    };
    TestBed.configureTestingModule({
      providers: [provideRouter([]), { provide: SessionExit, useValue: exit }],
    });
    posted = spyOn(TestBed.inject(SessionChannel), 'post');
    spyOnProperty(TestBed.inject(Router), 'url').and.returnValue('/patients/pat-0001');
  });

  it('tells the other tabs, and says on the sign-in page, before leaving, that the EHR’s own sign-in stays', async () => {
    const notices = TestBed.inject(SessionEndNotices);
    let noticeAsItLeaves: SessionEndNotice | undefined;
    exit.endAtIssuer.and.callFake(async () => {
      noticeAsItLeaves = notices.current();
      return true;
    });
    await TestBed.inject(SignOut).everywhere('user');
    expect(posted).toHaveBeenCalledWith({ kind: 'signed-out', reason: 'user' });
    // The sign-in page says so and waits, rather than sign in again on a session that lives on.
    expect(noticeAsItLeaves).toEqual({ reason: 'signed-out-of-ehr', returnPath: '/patients' });
    expect(exit.forgetAndReload).not.toHaveBeenCalled();
  });

  it('an idle sign-out says it was idle, with the way back', async () => {
    await TestBed.inject(SignOut).everywhere('idle');
    expect(exit.endAtIssuer).toHaveBeenCalledTimes(1);
    expect(TestBed.inject(SessionEndNotices).current()).toEqual({
      reason: 'idle',
      returnPath: '/patients/pat-0001',
    });
  });
});
