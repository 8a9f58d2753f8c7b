import { TestBed } from '@angular/core/testing';
import { OKTA_AUTH, OktaAuthStateService } from '@okta/okta-angular';
import { Subject } from 'rxjs';
import { RUNTIME_CONFIG } from '../config/runtime-config-token';
import { FakeOktaAuth, fakeAuthStateService, fakeOktaAuth } from '../../testing/fake-okta';
import { TEST_CONFIG } from '../../testing/test-config';
import { PAGE_LOCATION } from './page-location';
import { SessionChannel, SessionMessage } from './session-channel';
import { SessionWatch } from './session-watch';
import { SignOut } from './sign-out';

describe('SessionWatch', () => {
  const start = new Date('2026-12-01T09:00:00Z');
  let oktaAuth: FakeOktaAuth;
  let authState: ReturnType<typeof fakeAuthStateService>;
  let fromOtherTabs: Subject<SessionMessage>;
  let posted: SessionMessage[];
  let signOut: { everywhere: jasmine.Spy; endHere: jasmine.Spy };
  let location: { replace: jasmine.Spy; reload: jasmine.Spy };

  function setUp(session = { idleMinutes: 2, warningSeconds: 30 }): SessionWatch {
    oktaAuth = fakeOktaAuth();
    authState = fakeAuthStateService({ isAuthenticated: true });
    fromOtherTabs = new Subject();
    posted = [];
    signOut = {
      everywhere: jasmine.createSpy('everywhere').and.resolveTo(undefined),
      endHere: jasmine.createSpy('endHere'),
    };
    location = { replace: jasmine.createSpy('replace'), reload: jasmine.createSpy('reload') };
    TestBed.configureTestingModule({
      providers: [
        { provide: RUNTIME_CONFIG, useValue: { ...TEST_CONFIG, session } },
        { provide: OKTA_AUTH, useValue: oktaAuth },
        { provide: OktaAuthStateService, useValue: authState.service },
        {
          provide: SessionChannel,
          useValue: { messages: fromOtherTabs, post: (m: SessionMessage) => posted.push(m) },
        },
        { provide: SignOut, useValue: signOut },
        { provide: PAGE_LOCATION, useValue: location },
      ],
    });
    const watch = TestBed.inject(SessionWatch);
    watch.start();
    return watch;
  }

  const seconds = (n: number) => jasmine.clock().tick(n * 1000);
  const type = () => document.dispatchEvent(new KeyboardEvent('keydown', { key: 'a' }));

  beforeEach(() => {
    sessionStorage.removeItem('fhirokta.tab-id');
    jasmine.clock().install();
    jasmine.clock().mockDate(start);
  });
  afterEach(() => {
    TestBed.inject(SessionWatch).ngOnDestroy();
    jasmine.clock().uninstall();
  });

  it('warns before the limit with a countdown, then signs every tab out at the limit', () => {
    const watch = setUp();
    seconds(89);
    expect(watch.phase()).toEqual({ kind: 'active' });
    seconds(1);
    expect(watch.phase()).toEqual({ kind: 'warning', secondsLeft: 30 });
    seconds(20);
    expect(watch.phase()).toEqual({ kind: 'warning', secondsLeft: 10 });
    expect(signOut.everywhere).not.toHaveBeenCalled();
    seconds(10);
    expect(signOut.everywhere).toHaveBeenCalledOnceWith('idle');
    seconds(60);
    expect(signOut.everywhere).toHaveBeenCalledTimes(1);
  });

  it('keyboard and pointer activity restart the clock and close the warning', () => {
    const watch = setUp();
    seconds(100);
    expect(watch.phase().kind).toBe('warning');
    type();
    expect(watch.phase()).toEqual({ kind: 'active' });
    seconds(80);
    document.dispatchEvent(new PointerEvent('pointerdown'));
    seconds(80);
    expect(watch.phase()).toEqual({ kind: 'active' });
    expect(signOut.everywhere).not.toHaveBeenCalled();
  });

  it('activity in another tab counts here too, and activity here is shared, at most every 5 s', () => {
    const watch = setUp();
    seconds(100);
    fromOtherTabs.next({ kind: 'activity', at: Date.now() });
    expect(watch.phase()).toEqual({ kind: 'active' });
    seconds(100);
    expect(signOut.everywhere).not.toHaveBeenCalled();
    type();
    type();
    seconds(6);
    type();
    expect(posted.filter((m) => m.kind === 'activity').length).toBe(2);
  });

  it('"Stay signed in" tells every tab at once', () => {
    const watch = setUp();
    type();
    seconds(100);
    watch.staySignedIn();
    expect(watch.phase()).toEqual({ kind: 'active' });
    expect(posted.at(-1)).toEqual({ kind: 'activity', at: Date.now() });
  });

  it('never warns or signs out with idle sign-out turned off', () => {
    const watch = setUp({ idleMinutes: 0, warningSeconds: 60 });
    seconds(24 * 3600);
    expect(watch.phase()).toEqual({ kind: 'active' });
    expect(signOut.everywhere).not.toHaveBeenCalled();
  });

  it('counts nothing while signed out', () => {
    const watch = setUp();
    authState.authState$.next({ isAuthenticated: false });
    seconds(600);
    expect(watch.phase()).toEqual({ kind: 'active' });
    expect(signOut.everywhere).not.toHaveBeenCalled();
  });

  it('a sign-out in another tab ends this one at once, saying which kind it was', () => {
    setUp();
    fromOtherTabs.next({ kind: 'signed-out', reason: 'user' });
    expect(signOut.endHere).toHaveBeenCalledWith('signed-out-elsewhere');
    fromOtherTabs.next({ kind: 'signed-out', reason: 'idle' });
    expect(signOut.endHere).toHaveBeenCalledWith('idle');
  });

  it('a duplicated tab (same tab id) drops its copied tokens and reloads; the original keeps its own', () => {
    sessionStorage.setItem('fhirokta.tab-id', 'tab-1');
    setUp();
    expect(posted[0]).toEqual({ kind: 'tab-hello', tabId: 'tab-1' });
    fromOtherTabs.next({ kind: 'tab-hello', tabId: 'tab-1' });
    expect(posted.at(-1)).toEqual({ kind: 'tab-taken', tabId: 'tab-1' });
    expect(oktaAuth.tokenManager.clear).not.toHaveBeenCalled();
    fromOtherTabs.next({ kind: 'tab-taken', tabId: 'tab-1' });
    expect(oktaAuth.tokenManager.clear).toHaveBeenCalled();
    expect(location.reload).toHaveBeenCalled();
    expect(sessionStorage.getItem('fhirokta.tab-id')).not.toBe('tab-1');
  });

  it('a page restored from the back-forward cache without a session is reloaded, never shown', () => {
    setUp();
    oktaAuth.getAccessToken.and.returnValue(undefined);
    window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
    expect(location.reload).toHaveBeenCalled();
  });
});
