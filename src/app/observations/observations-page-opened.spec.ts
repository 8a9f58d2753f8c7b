// The page as a link opens it: by a user whose token has no Observation scope, and with filters it cannot use.
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { OKTA_AUTH } from '@okta/okta-angular';
import { fakeOktaAuth } from '../../testing/fake-okta';
import { TEST_CONFIG, TEST_FHIR_BASE } from '../../testing/test-config';
import { RUNTIME_CONFIG } from '../config/runtime-config-token';
import { ObservationsPage } from './observations-page';

/** The page as a link opens it, for a user whose session is `oktaAuth`. */
async function openAt(oktaAuth: ReturnType<typeof fakeOktaAuth>, url: string) {
  TestBed.configureTestingModule({
    providers: [
      provideRouter(
        [{ path: 'observations/:id', component: ObservationsPage }],
        withComponentInputBinding(),
      ),
      provideHttpClient(),
      provideHttpClientTesting(),
      { provide: RUNTIME_CONFIG, useValue: TEST_CONFIG },
      { provide: OKTA_AUTH, useValue: oktaAuth },
    ],
  });
  const controller = TestBed.inject(HttpTestingController);
  const harness = await RouterTestingHarness.create(url);
  return { controller, harness };
}

describe('ObservationsPage for a user without an Observation scope', () => {
  it('shows the access note and sends no observation request', async () => {
    const encode = (value: object) => btoa(JSON.stringify(value)).replace(/=+$/, '');
    const patientOnly = `${encode({ alg: 'RS256' })}.${encode({ scope: 'openid user/Patient.read' })}.sig`;
    const oktaAuth = fakeOktaAuth();
    oktaAuth.getAccessToken.and.returnValue(patientOnly);
    const { controller, harness } = await openAt(oktaAuth, '/observations/pat-0001');
    await harness.fixture.whenStable();
    controller
      .expectOne(`${TEST_FHIR_BASE}/Patient/pat-0001`)
      .flush({ resourceType: 'Patient', id: 'pat-0001' });
    expect(controller.match(() => true).map((r) => r.request.urlWithParams)).toEqual([]);
    await harness.fixture.whenStable();
    const el = harness.routeNativeElement as HTMLElement;
    expect(el.textContent).toContain('Observations are outside your access.');
    expect(el.querySelector('[role="alert"]')).toBeNull();
    expect(el.querySelector('form[aria-label="Observation filters"]')).toBeNull();
    controller.verify();
  });
});

describe('ObservationsPage opened from a link with filters it cannot use', () => {
  it('says which, and filters by the rest', async () => {
    const { controller, harness } = await openAt(
      fakeOktaAuth(),
      '/observations/pat-0001?category=laboratory&from=2020-13-45&category_typo=x',
    );
    await harness.fixture.whenStable();
    controller
      .expectOne(`${TEST_FHIR_BASE}/Patient/pat-0001`)
      .flush({ resourceType: 'Patient', id: 'pat-0001' });
    const searches = controller.match((r) => r.url === `${TEST_FHIR_BASE}/Observation`);
    const page = searches.find((r) => r.request.params.get('category') === 'laboratory');
    expect(page?.request.params.has('date')).toBeFalse();
    for (const search of searches) search.flush({ resourceType: 'Bundle', total: 0, entry: [] });
    await harness.fixture.whenStable();
    const note = (harness.routeNativeElement as HTMLElement).querySelector('.ignored-params');
    expect(note?.textContent?.trim()).toBe(
      'Not understood in this link, so not applied: from, category_typo.',
    );
    controller.verify();
  });
});
