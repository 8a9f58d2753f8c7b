import { TestBed } from '@angular/core/testing';
import { OktaAuthStateService } from '@okta/okta-angular';
import { Subject } from 'rxjs';
import { RUNTIME_CONFIG } from '../config/runtime-config-token';
import { fakeAuthStateService } from '../../testing/fake-okta';
import { TEST_CONFIG } from '../../testing/test-config';
import { SessionChannel, SessionMessage } from './session-channel';
import { IdleSignOut } from './idle-sign-out';
import { SignOut } from './sign-out';

describe('IdleSignOut', () => {
  const start = new Date('2026-12-01T09:00:00Z');
  let authState: ReturnType<typeof fakeAuthStateService>;
  let fromOtherTabs: Subject<SessionMessage>;
  let posted: SessionMessage[];
  let signOut: { everywhere: jasmine.Spy };

  function setUp(session = { idleMinutes: 2, warningSeconds: 30 }): IdleSignOut {
    authState = fakeAuthStateService({ isAuthenticated: true });
    fromOtherTabs = new Subject();
    posted = [];
    signOut = { everywhere: jasmine.createSpy('everywhere').and.resolveTo(undefined) };
    TestBed.configureTestingModule({
      providers: [
        { provide: RUNTIME_CONFIG, useValue: { ...TEST_CONFIG, session } },
        { provide: OktaAuthStateService, useValue: authState.service },
        {
          provide: SessionChannel,
          useValue: { messages: fromOtherTabs, post: (m: SessionMessage) => posted.push(m) },
        },
        { provide: SignOut, useValue: signOut },
      ],
    });
    const idle = TestBed.inject(IdleSignOut);
    idle.start();
    return idle;
  }

  const seconds = (n: number) => jasmine.clock().tick(n * 1000);
  const type = () => document.dispatchEvent(new KeyboardEvent('keydown', { key: 'a' }));

  beforeEach(() => {
    jasmine.clock().install();
    jasmine.clock().mockDate(start);
  });
  afterEach(() => {
    TestBed.inject(IdleSignOut).ngOnDestroy();
    jasmine.clock().uninstall();
  });

  it('warns before the limit with a countdown, then signs every tab out at the limit', () => {
    const idle = setUp();
    seconds(89);
    expect(idle.phase()).toEqual({ kind: 'active' });
    seconds(1);
    expect(idle.phase()).toEqual({ kind: 'warning', secondsLeft: 30 });
    seconds(20);
    expect(idle.phase()).toEqual({ kind: 'warning', secondsLeft: 10 });
    expect(signOut.everywhere).not.toHaveBeenCalled();
    seconds(10);
    expect(signOut.everywhere).toHaveBeenCalledOnceWith('idle');
    seconds(60);
    expect(signOut.everywhere).toHaveBeenCalledTimes(1);
  });

  it('keyboard and pointer activity restart the clock and close the warning', () => {
    const idle = setUp();
    seconds(100);
    expect(idle.phase().kind).toBe('warning');
    type();
    expect(idle.phase()).toEqual({ kind: 'active' });
    seconds(80);
    document.dispatchEvent(new PointerEvent('pointerdown'));
    seconds(80);
    expect(idle.phase()).toEqual({ kind: 'active' });
    expect(signOut.everywhere).not.toHaveBeenCalled();
  });

  it('activity in another tab counts here too, and activity here is shared, at most every 5 s', () => {
    const idle = setUp();
    seconds(100);
    fromOtherTabs.next({ kind: 'activity', at: Date.now() });
    expect(idle.phase()).toEqual({ kind: 'active' });
    seconds(100);
    expect(signOut.everywhere).not.toHaveBeenCalled();
    type();
    type();
    seconds(6);
    type();
    expect(posted.filter((m) => m.kind === 'activity').length).toBe(2);
  });

  it('"Stay signed in" tells every tab at once', () => {
    const idle = setUp();
    type();
    seconds(100);
    idle.staySignedIn();
    expect(idle.phase()).toEqual({ kind: 'active' });
    expect(posted.at(-1)).toEqual({ kind: 'activity', at: Date.now() });
  });

  it('never warns or signs out with idle sign-out turned off', () => {
    const idle = setUp({ idleMinutes: 0, warningSeconds: 60 });
    seconds(24 * 3600);
    expect(idle.phase()).toEqual({ kind: 'active' });
    expect(signOut.everywhere).not.toHaveBeenCalled();
  });

  it('counts nothing while signed out', () => {
    const idle = setUp();
    authState.authState$.next({ isAuthenticated: false });
    seconds(600);
    expect(idle.phase()).toEqual({ kind: 'active' });
    expect(signOut.everywhere).not.toHaveBeenCalled();
  });

  it('publishes when every tab signs out, moved by activity, and nothing while signed out', () => {
    const idle = setUp();
    expect(idle.idleDeadline()).toBe(start.getTime() + 120_000);
    seconds(30);
    type();
    expect(idle.idleDeadline()).toBe(start.getTime() + 150_000);
    authState.authState$.next({ isAuthenticated: false });
    expect(idle.idleDeadline()).toBeUndefined();
  });
});
