import { OktaCallbackComponent } from '@okta/okta-angular';
import { routes } from './app.routes';
import { ownRecordGuard } from './auth/access-context';
import { authGuard } from './auth/auth-guard';

describe('route table', () => {
  const byPath = (path: string) => routes.find((route) => route.path === path);

  it('has exactly the fixed routes', () => {
    expect(routes.map((route) => route.path)).toEqual([
      'login/callback',
      'login',
      'patients',
      'patients/:id',
      'observations/:id',
      'token',
      '',
      '**',
    ]);
  });

  it('handles the Okta callback with OktaCallbackComponent', () => {
    expect(byPath('login/callback')?.component).toBe(OktaCallbackComponent);
  });

  it('guards the data pages and the token inspector', () => {
    for (const path of ['patients', 'patients/:id', 'observations/:id', 'token']) {
      expect(byPath(path)?.canActivate).toContain(authGuard);
    }
    for (const path of ['patients', 'patients/:id', 'observations/:id']) {
      expect(byPath(path)?.canActivate).toContain(ownRecordGuard);
    }
    expect(byPath('login')?.canActivate).toBeUndefined();
  });

  it('sends the root and unknown paths to the patient list', () => {
    expect(byPath('')?.redirectTo).toBe('patients');
    expect(byPath('**')?.redirectTo).toBe('patients');
  });
});
