import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { OktaAuthStateService } from '@okta/okta-angular';
import { AccessToken, IDToken } from '@okta/okta-auth-js';
import { RUNTIME_CONFIG } from '../config/runtime-config-token';
import { fakeAuthStateService } from '../../testing/fake-okta';
import { TEST_CONFIG, TEST_FHIR_BASE } from '../../testing/test-config';
import { IdleSignOut } from '../session/idle-sign-out';
import { TokenInspector } from './token-inspector';

const encode = (value: object) => btoa(JSON.stringify(value)).replace(/=+$/, '');
const jwt = (claims: object) => `${encode({ alg: 'RS256', kid: 'k1' })}.${encode(claims)}.sig`;

describe('TokenInspector', () => {
  it('decodes both tokens locally and checks what the FHIR server needs', async () => {
    const now = Math.floor(Date.now() / 1000);
    const authState = fakeAuthStateService({
      isAuthenticated: true,
      accessToken: {
        accessToken: jwt({
          aud: TEST_FHIR_BASE,
          scope: 'openid user/Patient.read',
          client_id: '0oatestclient',
          exp: now + 300,
        }),
      } as AccessToken,
      idToken: { idToken: jwt({ name: 'Casey', exp: now + 300 }) } as IDToken,
    });
    TestBed.configureTestingModule({
      providers: [
        { provide: RUNTIME_CONFIG, useValue: TEST_CONFIG },
        { provide: OktaAuthStateService, useValue: authState.service },
        { provide: IdleSignOut, useValue: { idleDeadline: signal(Date.now() + 600_000) } },
      ],
    });
    const fixture = TestBed.createComponent(TokenInspector);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    expect(el.querySelector('h1')?.textContent).toBe('Token inspector');
    expect(el.querySelector('[data-testid="access-expiry"]')?.textContent).toMatch(
      /^expires in 4 min 5\d s|^expires in 5 min 0 s/,
    );
    const problems = [...el.querySelectorAll('.token-checks li[data-ok="false"]')];
    expect(problems.length).toBe(1);
    expect(problems[0]?.textContent).toMatch(/Problem:\s+token scopes read Observation/);
    expect(el.querySelectorAll('.token-checks li[data-ok="true"]').length).toBe(6);
    expect(el.querySelector('[data-testid="session-ends"]')?.textContent).toMatch(
      /every tab signs out in (9 min 5\d s|10 min [01] s)/,
    );
    expect(el.querySelector('[data-testid="session-renews"]')?.textContent).toContain(
      'hidden iframe',
    );
    const regions = [...el.querySelectorAll('pre[role="region"]')];
    expect(regions.map((region) => region.getAttribute('aria-label'))).toEqual([
      'Access token header',
      'Access token claims',
      'ID token header',
      'ID token claims',
    ]);
    expect(el.querySelector('[aria-label="Access token header"]')?.textContent).toContain(
      '"kid": "k1"',
    );
    expect(el.querySelector('[aria-label="Access token claims"]')?.textContent).toContain(
      '"client_id": "0oatestclient"',
    );
    expect(el.querySelector('[aria-label="ID token header"]')?.textContent).toContain(
      '"alg": "RS256"',
    );
    expect(el.querySelector('[aria-label="ID token claims"]')?.textContent).toContain(
      '"name": "Casey"',
    );
    fixture.destroy();
  });
});
