import { TestBed } from '@angular/core/testing';
import { CanMatchFn, Route, UrlSegment } from '@angular/router';
import { OktaCallbackComponent } from '@okta/okta-angular';
import { routes } from './app.routes';
import { ownRecordGuard } from './auth/access-context';
import { authGuard } from './auth/auth-guard';
import { EHR_SESSION } from './fhir/fhir-session';
import { EhrSession } from './launch/ehr-session';

describe('route table', () => {
  const byPath = (path: string) => routes.find((route) => route.path === path);

  it('has exactly the fixed routes', () => {
    expect(routes.map((route) => route.path)).toEqual([
      'login/callback',
      'login/callback',
      'launch',
      'launch/error',
      'login',
      'patients',
      'patients/:id',
      'observations/:id',
      'token',
      '',
      '**',
    ]);
  });

  it('handles the callback of an EHR session itself, and any other with OktaCallbackComponent', () => {
    const [ehrCallback, oktaCallback] = routes.filter((route) => route.path === 'login/callback');
    const matches = (session: EhrSession | undefined) => {
      TestBed.resetTestingModule();
      TestBed.configureTestingModule({ providers: [{ provide: EHR_SESSION, useValue: session }] });
      const guard = ehrCallback?.canMatch?.[0] as CanMatchFn;
      return TestBed.runInInjectionContext(() => guard(ehrCallback as Route, [] as UrlSegment[]));
    };
    expect(matches({} as EhrSession)).toBeTrue();
    expect(matches(undefined)).toBeFalse();
    expect(oktaCallback?.component).toBe(OktaCallbackComponent);
  });

  it('lets anyone reach the launch and launch-error pages', () => {
    expect(byPath('launch')?.canActivate).toBeUndefined();
    expect(byPath('launch/error')?.canActivate).toBeUndefined();
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
