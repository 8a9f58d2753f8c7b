// Test doubles for okta-auth-js (spies, so they need jasmine: only specs may import this folder).
import { AuthState } from '@okta/okta-auth-js';
import { BehaviorSubject } from 'rxjs';

/** An unsigned access token with these claims: enough for code that reads scopes and the patient. */
export function jwtWithClaims(claims: object): string {
  const encode = (value: object) => btoa(JSON.stringify(value)).replace(/=+$/, '');
  return `${encode({ alg: 'RS256' })}.${encode(claims)}.signature`;
}

/** The parts of OktaAuth the components touch, as spies. */
export function fakeOktaAuth() {
  return {
    getAccessToken: jasmine.createSpy('getAccessToken').and.returnValue('access.token.value'),
    isAuthenticated: jasmine.createSpy('isAuthenticated').and.resolveTo(false),
    signInWithRedirect: jasmine.createSpy('signInWithRedirect').and.resolveTo(undefined),
    signOut: jasmine.createSpy('signOut').and.resolveTo(true),
    setOriginalUri: jasmine.createSpy('setOriginalUri'),
    handleLoginRedirect: jasmine.createSpy('handleLoginRedirect').and.resolveTo(undefined),
    tokenManager: { clear: jasmine.createSpy('clear') },
    // No Okta session by default: the hidden-iframe sign-in answers login_required.
    token: {
      getWithoutPrompt: jasmine
        .createSpy('getWithoutPrompt')
        .and.rejectWith(
          Object.assign(new Error('login_required'), { errorCode: 'login_required' }),
        ),
    },
  };
}

export type FakeOktaAuth = ReturnType<typeof fakeOktaAuth>;

/** Stands in for OktaAuthStateService: a stream of AuthState the test controls. */
export function fakeAuthStateService(initial: AuthState = { isAuthenticated: false }) {
  const authState$ = new BehaviorSubject<AuthState>(initial);
  return { authState$, service: { authState$: authState$.asObservable() } };
}
