import { TestBed } from '@angular/core/testing';
import {
  ActivatedRouteSnapshot,
  RouterStateSnapshot,
  UrlTree,
  convertToParamMap,
  provideRouter,
} from '@angular/router';
import { OKTA_AUTH } from '@okta/okta-angular';
import { jwtWithClaims } from '../../testing/fake-okta';
import { AccessContext, ownRecordGuard } from './access-context';

describe('patient-bound access', () => {
  let token: string | undefined;

  beforeEach(() => {
    token = undefined;
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        { provide: OKTA_AUTH, useValue: { getAccessToken: () => token } },
      ],
    });
  });

  function runGuard(id?: string): boolean | UrlTree {
    const route = { paramMap: convertToParamMap(id ? { id } : {}) } as ActivatedRouteSnapshot;
    return TestBed.runInInjectionContext(() => ownRecordGuard(route, {} as RouterStateSnapshot)) as
      boolean | UrlTree;
  }

  it('reads the patient claim of a patient-bound user', () => {
    token = jwtWithClaims({ patient: 'pat-0001' });
    expect(TestBed.inject(AccessContext).boundPatientId()).toBe('pat-0001');
  });

  it('knows whether the granted SMART scopes read a resource type', () => {
    const access = TestBed.inject(AccessContext);
    token = jwtWithClaims({ scope: 'openid user/Patient.read' });
    expect(access.mayRead('Patient')).toBeTrue();
    expect(access.mayRead('Observation')).toBeFalse();
    token = jwtWithClaims({ scope: 'openid patient/*.read' });
    expect(access.mayRead('Observation')).toBeTrue();
    token = 'opaque';
    expect(access.mayRead('Observation')).toBeTrue();
  });

  it('lets clinicians browse every patient', () => {
    token = jwtWithClaims({ scope: 'user/*.read' });
    expect(runGuard()).toBeTrue();
    expect(runGuard('pat-0042')).toBeTrue();
  });

  it("sends a patient-bound user from the list, or another patient's page, to their own record", () => {
    token = jwtWithClaims({ patient: 'pat-0001' });
    expect(String(runGuard())).toBe('/patients/pat-0001');
    expect(String(runGuard('pat-0042'))).toBe('/patients/pat-0001');
    expect(runGuard('pat-0001')).toBeTrue();
  });

  it('lets the auth guard handle a signed-out user', () => {
    expect(runGuard()).toBeTrue();
  });
});
