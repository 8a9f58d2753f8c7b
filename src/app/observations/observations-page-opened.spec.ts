// The page as a link opens it: by a user whose token has no Observation scope, with filters it cannot
// use, and with a server that answers with no entry naming this patient.
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { OKTA_AUTH } from '@okta/okta-angular';
import { heartRate } from '../../testing/fhir-fixtures';
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

describe('ObservationsPage opened from a link whose page link is not for this patient', () => {
  const ownSearch = `${TEST_FHIR_BASE}/Observation?patient=pat-0001&_count=50&_offset=50`;
  const foreignLinks = {
    'another patient': `${TEST_FHIR_BASE}/Observation?patient=pat-0002&_count=50&_offset=50`,
    'another patient by subject': `${TEST_FHIR_BASE}/Observation?subject=Patient/pat-0002&_offset=50`,
    'this patient and another, repeated': `${ownSearch}&patient=pat-0002`,
    'this patient or another': `${TEST_FHIR_BASE}/Observation?patient=pat-0001,pat-0002`,
    'another patient, encoded': `${TEST_FHIR_BASE}/Observation?pati%65nt=pat%2D0002&_offset=50`,
    'no patient at all': `${TEST_FHIR_BASE}/Observation?code=8867-4&_offset=50`,
    'another resource type': `${TEST_FHIR_BASE}/Condition?patient=pat-0001&_offset=50`,
    'another base on the same host': `https://fhir.example.com/other/Observation?patient=pat-0001`,
  };

  for (const [what, cursor] of Object.entries(foreignLinks)) {
    it(`refuses it (${what}), says so, and starts from the first page`, async () => {
      const { controller, harness } = await openAt(
        fakeOktaAuth(),
        `/observations/pat-0001?cursor=${encodeURIComponent(cursor)}&page=3`,
      );
      await harness.fixture.whenStable();
      controller
        .expectOne(`${TEST_FHIR_BASE}/Patient/pat-0001`)
        .flush({ resourceType: 'Patient', id: 'pat-0001' });
      const sent = controller.match((r) => r.url.startsWith(TEST_FHIR_BASE));
      expect(sent.map((r) => r.request.urlWithParams)).not.toContain(cursor);
      for (const request of sent) {
        expect(request.request.url).toBe(`${TEST_FHIR_BASE}/Observation`);
        expect(request.request.params.getAll('patient')).toEqual(['pat-0001']);
        expect(request.request.params.has('_offset')).toBeFalse();
        request.flush({ resourceType: 'Bundle', total: 0, entry: [] });
      }
      await harness.fixture.whenStable();
      const el = harness.routeNativeElement as HTMLElement;
      expect(el.querySelector('.refused-link')?.textContent?.replace(/\s+/g, ' ').trim()).toBe(
        "The page link in this address is not one of this patient's observation searches, so it was not opened: the list starts from the first page.",
      );
      expect(el.querySelector('.pager .page-number')?.textContent).toBe('Page 1');
      controller.verify();
    });
  }

  it("follows a page link of this patient's own observations", async () => {
    const { controller, harness } = await openAt(
      fakeOktaAuth(),
      `/observations/pat-0001?cursor=${encodeURIComponent(ownSearch)}&page=2`,
    );
    await harness.fixture.whenStable();
    controller
      .expectOne(`${TEST_FHIR_BASE}/Patient/pat-0001`)
      .flush({ resourceType: 'Patient', id: 'pat-0001' });
    controller.expectOne(ownSearch).flush({ resourceType: 'Bundle', total: 60, entry: [] });
    controller
      .expectOne((r) => r.params.get('category') === 'vital-signs')
      .flush({ resourceType: 'Bundle', entry: [] });
    await harness.fixture.whenStable();
    const el = harness.routeNativeElement as HTMLElement;
    expect(el.querySelector('.refused-link')).toBeNull();
    expect(el.querySelector('.pager .page-number')?.textContent).toBe('Page 2');
    controller.verify();
  });
});

describe('ObservationsPage when every entry the server sent names another patient', () => {
  const another = (id: string) => ({
    ...heartRate,
    id,
    subject: { reference: 'Patient/pat-0002' },
  });
  const foreignOnly = {
    resourceType: 'Bundle',
    total: 2,
    entry: [{ resource: another('o-1') }, { resource: another('o-2') }],
  };

  for (const [view, url] of [
    ['list', '/observations/pat-0001'],
    ['flowsheet', '/observations/pat-0001?view=flowsheet'],
  ]) {
    it(`says in the ${view} that nothing could be shown, never that none match`, async () => {
      const { controller, harness } = await openAt(fakeOktaAuth(), url);
      await harness.fixture.whenStable();
      controller
        .expectOne(`${TEST_FHIR_BASE}/Patient/pat-0001`)
        .flush({ resourceType: 'Patient', id: 'pat-0001' });
      for (const request of controller.match((r) => r.url === `${TEST_FHIR_BASE}/Observation`)) {
        const vitals = request.request.params.get('category') === 'vital-signs';
        request.flush(vitals ? { resourceType: 'Bundle', entry: [] } : foreignOnly);
      }
      await harness.fixture.whenStable();
      const shown = (harness.routeNativeElement as HTMLElement).querySelector(
        view === 'list' ? '.observations' : 'app-observation-flowsheet',
      );
      const text = shown?.textContent?.replace(/\s+/g, ' ') ?? '';
      expect(text).toContain('2 entries that do not name this patient were not shown.');
      expect(text).toContain(
        'Nothing recorded for this patient could be shown: 2 entries did not name this patient.',
      );
      expect(text).not.toMatch(/No observations .*match these filters/);
      controller.verify();
    });
  }
});
