import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { OKTA_AUTH } from '@okta/okta-angular';
import { Subject } from 'rxjs';
import { FakeOktaAuth, fakeOktaAuth } from '../../testing/fake-okta';
import { IdleSignOut } from './idle-sign-out';
import { OtherTabs } from './other-tabs';
import { PAGE_LOCATION } from './page-location';
import { SessionChannel, SessionMessage } from './session-channel';
import { SignOut } from './sign-out';

describe('OtherTabs', () => {
  let oktaAuth: FakeOktaAuth;
  let fromOtherTabs: Subject<SessionMessage>;
  let posted: SessionMessage[];
  let endHere: jasmine.Spy;
  let reload: jasmine.Spy;
  const idleDeadline = signal<number | undefined>(undefined);

  function setUp(): void {
    oktaAuth = fakeOktaAuth();
    fromOtherTabs = new Subject();
    posted = [];
    endHere = jasmine.createSpy('endHere');
    reload = jasmine.createSpy('reload');
    idleDeadline.set(undefined);
    TestBed.configureTestingModule({
      providers: [
        { provide: OKTA_AUTH, useValue: oktaAuth },
        {
          provide: SessionChannel,
          useValue: { messages: fromOtherTabs, post: (m: SessionMessage) => posted.push(m) },
        },
        { provide: SignOut, useValue: { endHere } },
        { provide: IdleSignOut, useValue: { idleDeadline } },
        { provide: PAGE_LOCATION, useValue: { reload } },
      ],
    });
    TestBed.inject(OtherTabs).start();
  }

  beforeEach(() => sessionStorage.removeItem('fhirokta.tab-id'));
  afterEach(() => sessionStorage.removeItem('fhirokta.tab-id'));

  it('a sign-out in another tab ends this one at once, saying which kind it was', () => {
    setUp();
    fromOtherTabs.next({ kind: 'signed-out', reason: 'user' });
    expect(endHere).toHaveBeenCalledWith('signed-out-elsewhere');
    fromOtherTabs.next({ kind: 'signed-out', reason: 'idle' });
    expect(endHere).toHaveBeenCalledWith('idle');
  });

  it('a sign-out in another tab ends a session whose token is gone while its idle clock counts', () => {
    setUp();
    oktaAuth.getAccessToken.and.returnValue(undefined);
    idleDeadline.set(Date.now() + 60_000);
    fromOtherTabs.next({ kind: 'signed-out', reason: 'user' });
    expect(endHere).toHaveBeenCalledOnceWith('signed-out-elsewhere');
  });

  it('a tab without a session (the login page) stays as it is when another tab signs out', () => {
    setUp();
    oktaAuth.getAccessToken.and.returnValue(undefined);
    fromOtherTabs.next({ kind: 'signed-out', reason: 'user' });
    expect(endHere).not.toHaveBeenCalled();
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
    expect(reload).toHaveBeenCalled();
    expect(sessionStorage.getItem('fhirokta.tab-id')).not.toBe('tab-1');
  });

  it('another tab’s id is no concern of this one', () => {
    sessionStorage.setItem('fhirokta.tab-id', 'tab-1');
    setUp();
    fromOtherTabs.next({ kind: 'tab-hello', tabId: 'tab-2' });
    fromOtherTabs.next({ kind: 'tab-taken', tabId: 'tab-2' });
    expect(posted).toEqual([{ kind: 'tab-hello', tabId: 'tab-1' }]);
    expect(oktaAuth.tokenManager.clear).not.toHaveBeenCalled();
    expect(reload).not.toHaveBeenCalled();
  });
});
