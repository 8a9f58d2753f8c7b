import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { OKTA_AUTH, OktaAuthStateService } from '@okta/okta-angular';
import { AuthState, IDToken } from '@okta/okta-auth-js';
import { FakeOktaAuth, fakeAuthStateService, fakeOktaAuth } from '../testing/fake-okta.spec';
import { LoginStatus } from './login-status';

describe('LoginStatus', () => {
  let oktaAuth: FakeOktaAuth;
  let authState: ReturnType<typeof fakeAuthStateService>;

  beforeEach(() => {
    oktaAuth = fakeOktaAuth();
    authState = fakeAuthStateService();
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: 'login', children: [] }]),
        { provide: OKTA_AUTH, useValue: oktaAuth },
        { provide: OktaAuthStateService, useValue: authState.service },
      ],
    });
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

  it('signs out through okta-auth-js (revokes tokens, ends the session)', async () => {
    authState.authState$.next(signedIn({ name: 'Casey' }));
    const el = await render();
    (el.querySelector('button') as HTMLButtonElement).click();
    expect(oktaAuth.signOut).toHaveBeenCalledTimes(1);
  });

  it('still forgets local tokens when the sign-out call fails', async () => {
    oktaAuth.signOut.and.rejectWith(new Error('network'));
    authState.authState$.next(signedIn({ name: 'Casey' }));
    const el = await render();
    (el.querySelector('button') as HTMLButtonElement).click();
    await new Promise((resolve) => setTimeout(resolve));
    expect(oktaAuth.tokenManager.clear).toHaveBeenCalled();
  });
});
