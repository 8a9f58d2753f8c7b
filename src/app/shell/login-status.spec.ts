import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { OKTA_AUTH, OktaAuthStateService } from '@okta/okta-angular';
import { AuthState, IDToken } from '@okta/okta-auth-js';
import { PAGE_LOCATION } from '../session/page-location';
import { SessionChannel } from '../session/session-channel';
import { SessionEndNotices } from '../session/session-end';
import { FakeOktaAuth, fakeAuthStateService, fakeOktaAuth } from '../../testing/fake-okta';
import { LoginStatus } from './login-status';

describe('LoginStatus', () => {
  // Notices live in sessionStorage, which every spec of this run shares.
  afterEach(() => sessionStorage.removeItem('fhirokta.session-end'));

  let oktaAuth: FakeOktaAuth;
  let authState: ReturnType<typeof fakeAuthStateService>;
  let location: { replace: jasmine.Spy; reload: jasmine.Spy };
  let posted: jasmine.Spy;

  beforeEach(() => {
    oktaAuth = fakeOktaAuth();
    authState = fakeAuthStateService();
    location = { replace: jasmine.createSpy('replace'), reload: jasmine.createSpy('reload') };
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: 'login', children: [] }]),
        { provide: OKTA_AUTH, useValue: oktaAuth },
        { provide: OktaAuthStateService, useValue: authState.service },
        { provide: PAGE_LOCATION, useValue: location },
      ],
    });
    posted = spyOn(TestBed.inject(SessionChannel), 'post');
  });

  function signedIn(claims: Record<string, unknown>): AuthState {
    return { isAuthenticated: true, idToken: { claims } as unknown as IDToken };
  }

  async function render() {
    const fixture = TestBed.createComponent(LoginStatus);
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  it('shows nothing while signed out', async () => {
    const el = await render();
    expect(el.querySelector('button')).toBeNull();
  });

  it("shows the signed-in user's name and a Sign out button", async () => {
    authState.authState$.next(
      signedIn({ name: 'Casey Clinician', email: 'clinician@example.com', sub: '00u1' }),
    );
    const el = await render();
    expect(el.querySelector('[role="group"]')?.getAttribute('aria-label')).toBe('Login status');
    expect(el.querySelector('[data-testid="user-name"]')?.textContent?.trim()).toBe(
      'Casey Clinician',
    );
    expect(el.querySelector('button')?.textContent?.trim()).toBe('Sign out');
  });

  it('falls back to the e-mail when there is no name', async () => {
    authState.authState$.next(signedIn({ email: 'frontdesk@example.com', sub: '00u2' }));
    const el = await render();
    expect(el.querySelector('[data-testid="user-name"]')?.textContent?.trim()).toBe(
      'frontdesk@example.com',
    );
  });

  it('signs out through okta-auth-js (revokes tokens, ends the session) and tells the other tabs', async () => {
    authState.authState$.next(signedIn({ name: 'Casey' }));
    const el = await render();
    (el.querySelector('button') as HTMLButtonElement).click();
    expect(oktaAuth.signOut).toHaveBeenCalledTimes(1);
    expect(posted).toHaveBeenCalledWith({ kind: 'signed-out', reason: 'user' });
  });

  it('still forgets local tokens and leaves the page when the sign-out call fails, and says the Okta session may remain', async () => {
    oktaAuth.signOut.and.rejectWith(new Error('network'));
    authState.authState$.next(signedIn({ name: 'Casey' }));
    const el = await render();
    (el.querySelector('button') as HTMLButtonElement).click();
    await new Promise((resolve) => setTimeout(resolve));
    expect(oktaAuth.tokenManager.clear).toHaveBeenCalled();
    expect(location.replace).toHaveBeenCalledWith('/login');
    expect(TestBed.inject(SessionEndNotices).current()?.reason).toBe('sign-out-incomplete');
  });
});
