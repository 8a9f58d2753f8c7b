import { provideHttpClient } from '@angular/common/http';
import {
  HttpTestingController,
  TestRequest,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { OKTA_AUTH } from '@okta/okta-angular';
import { RUNTIME_CONFIG } from '../config/runtime-config-token';
import { CapabilityService } from '../fhir/capabilities';
import { Bundle, Condition, Resource } from '../fhir/fhir-types';
import {
  erroneousAsthma,
  hypertension,
  inpatientStay,
  lisinopril,
  lisinoprilMedication,
  noKnownAllergy,
  penicillinAllergy,
  resolvedSinusitis,
  searchset,
} from '../../testing/chart-fixtures';
import { fakeOktaAuth, jwtWithClaims } from '../../testing/fake-okta';
import { TEST_CONFIG, TEST_FHIR_BASE } from '../../testing/test-config';
import { ChartPage } from './chart-page';
import { AnySection, CHART_SECTIONS } from './sections/registry';
import { statementSearching } from '../../testing/capability-statement';

/** Every type the chart lists: each section's, and those of the lists inside it. */
const CHART_TYPES = CHART_SECTIONS.flatMap((section: AnySection) => [
  section.type,
  ...(section.also ?? []).map((list) => list.type),
]);

const PATIENT = {
  resourceType: 'Patient',
  id: 'pat-0001',
  name: [{ given: ['Peter'], family: 'Chalmers' }],
  gender: 'male',
  birthDate: '1974-12-25',
};

describe('ChartPage', () => {
  let controller: HttpTestingController;
  let harness: RouterTestingHarness;

  async function openChart(
    accessToken = 'access.token.value',
    capabilityStatement?: object,
  ): Promise<void> {
    const okta = fakeOktaAuth();
    okta.getAccessToken.and.returnValue(accessToken);
    TestBed.configureTestingModule({
      providers: [
        provideRouter(
          [
            { path: 'patients/:id', component: ChartPage },
            { path: 'patients', children: [] },
            { path: 'observations/:id', children: [] },
          ],
          withComponentInputBinding(),
        ),
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: RUNTIME_CONFIG, useValue: TEST_CONFIG },
        { provide: OKTA_AUTH, useValue: okta },
      ],
    });
    controller = TestBed.inject(HttpTestingController);
    if (capabilityStatement) {
      TestBed.inject(CapabilityService).load();
      controller.expectOne(`${TEST_FHIR_BASE}/metadata`).flush(capabilityStatement);
    }
    harness = await RouterTestingHarness.create('/patients/pat-0001');
    await harness.fixture.whenStable();
  }

  afterEach(() => controller.verify());

  const el = () => harness.routeNativeElement as HTMLElement;
  const text = () => el().textContent?.replace(/\s+/g, ' ') ?? '';
  const searchesOf = (type: string): TestRequest[] =>
    controller.match((r) => r.url === `${TEST_FHIR_BASE}/${type}`);
  const section = (heading: string) =>
    [...el().querySelectorAll('app-chart-section')].find(
      (s) => s.querySelector('h2')?.textContent?.trim() === heading,
    ) as HTMLElement | undefined;

  /** Answers the patient, the vitals and every section; `bundles` overrides a type's answer. */
  async function answerAll(bundles: Partial<Record<string, Bundle<Resource>>> = {}): Promise<void> {
    for (const request of controller.match(`${TEST_FHIR_BASE}/Patient/pat-0001`)) {
      request.flush(PATIENT);
    }
    for (const request of searchesOf('Observation')) request.flush(searchset([]));
    for (const type of CHART_TYPES) {
      for (const request of searchesOf(type)) request.flush(bundles[type] ?? searchset([]));
    }
    await harness.fixture.whenStable();
  }

  it('asks for the patient, the vitals and every section at once, each for this patient only', async () => {
    await openChart();
    const requests = controller.match((r) => r.url.startsWith(TEST_FHIR_BASE));
    const types = requests.map((r) => r.request.url.slice(TEST_FHIR_BASE.length + 1)).sort();
    expect(types).toEqual(['Observation', 'Patient/pat-0001', ...CHART_TYPES].sort());
    for (const request of requests.filter((r) => r.request.params.keys().length > 0)) {
      expect(request.request.params.get('patient')).toBe('pat-0001');
    }
    for (const request of requests)
      request.flush(request.request.url.includes('/Patient/') ? PATIENT : searchset([]));
  });

  it('lists each section with its statuses in words, and says "none" only once a list has loaded', async () => {
    await openChart();
    expect(section('Problems')?.textContent).not.toContain('No problems recorded');
    await answerAll({
      Condition: searchset([hypertension, resolvedSinusitis]),
      MedicationRequest: searchset([lisinopril], [lisinoprilMedication]),
      Encounter: searchset([inpatientStay]),
    });
    const problems = section('Problems')?.textContent ?? '';
    expect(problems).toContain('Essential hypertension');
    expect(problems).toContain('Active');
    // Active only, by default: the resolved one is counted, not shown.
    expect(problems).not.toContain('Viral sinusitis');
    expect(problems).toContain('1 not active');
    // The medication is named by the Medication its search included.
    expect(section('Medications')?.textContent).toContain('lisinopril 10 MG Oral Tablet');
    expect(section('Medications')?.textContent).toContain('10 mg by mouth once daily');
    expect(section('Recent encounters')?.textContent).toContain('Hospital admission');
    expect(section('Recent encounters')?.textContent).toContain('Ward 3');
    expect(section('Procedures')?.textContent).toContain('No procedures recorded.');
  });

  it('shows "All" on request, and entered-in-error entries only behind their toggle', async () => {
    await openChart();
    await answerAll({ Condition: searchset([hypertension, resolvedSinusitis, erroneousAsthma]) });
    const problems = section('Problems') as HTMLElement;
    expect(problems.textContent).not.toContain('Asthma');
    const all = [...problems.querySelectorAll('button')].find(
      (b) => b.textContent?.trim() === 'All',
    );
    all?.click();
    await harness.fixture.whenStable();
    expect(problems.textContent).toContain('Viral sinusitis');
    expect(problems.textContent).toContain('Resolved');
    expect(problems.textContent).not.toContain('Asthma');
    const toggle = problems.querySelector('input[type="checkbox"]') as HTMLInputElement;
    expect(toggle.closest('mat-checkbox')?.textContent).toContain('Show entered-in-error (1)');
    toggle.click();
    await harness.fixture.whenStable();
    expect(problems.textContent).toContain('Asthma');
    expect(problems.textContent).toContain('Entered in error');
  });

  it('keeps allergies in the banner, high criticality in words', async () => {
    await openChart();
    await answerAll({ AllergyIntolerance: searchset([penicillinAllergy]) });
    const line = el().querySelector('[data-testid="allergy-line"]')?.textContent ?? '';
    expect(line).toContain('Allergies:');
    expect(line).toContain('Allergy to penicillin');
    expect(line).toContain('High criticality');
  });

  it('tells a recorded "no known allergies" apart from nothing recorded', async () => {
    await openChart();
    await answerAll({ AllergyIntolerance: searchset([noKnownAllergy]) });
    expect(el().querySelector('[data-testid="allergy-line"]')?.textContent).toContain(
      'No known allergies',
    );
  });

  it('says "No allergies recorded" when nothing is, and nothing like "none" before the list loads', async () => {
    await openChart();
    const line = () => el().querySelector('[data-testid="allergy-line"]')?.textContent ?? '';
    controller.expectOne(`${TEST_FHIR_BASE}/Patient/pat-0001`).flush(PATIENT);
    await harness.fixture.whenStable();
    expect(line()).toContain('Allergies: loading');
    expect(line()).not.toMatch(/no (known )?allergies/i);
    await answerAll();
    expect(line()).toContain('No allergies recorded');
    expect(line()).not.toContain('No known allergies');
  });

  it('shows no entry of another patient in a section or the banner, and says so', async () => {
    await openChart();
    const another = { reference: `${TEST_FHIR_BASE}/Patient/pat-0002` };
    await answerAll({
      Condition: searchset([
        hypertension,
        { ...resolvedSinusitis, clinicalStatus: hypertension.clinicalStatus, subject: another },
      ]),
      AllergyIntolerance: searchset([{ ...penicillinAllergy, patient: another }]),
    });
    const problems = section('Problems')?.textContent ?? '';
    expect(problems).toContain('Essential hypertension');
    expect(problems).not.toContain('Viral sinusitis');
    expect(problems).toContain('1 entry that does not name this patient was not shown.');
    const allergies = section('Allergies and intolerances')?.textContent ?? '';
    expect(allergies).not.toContain('penicillin');
    expect(allergies).toContain('1 entry that does not name this patient was not shown.');
    // The banner never says "none" over a list the server got wrong: it points at the note.
    const line = el().querySelector('[data-testid="allergy-line"]')?.textContent ?? '';
    expect(line).not.toContain('penicillin');
    expect(line).toContain('Allergies: see the list below');
  });

  it("shows no entry of another patient in an encounter's record, and says so", async () => {
    await openChart();
    await answerAll({ Encounter: searchset([inpatientStay]) });
    const open = [...(section('Recent encounters')?.querySelectorAll('button') ?? [])].find(
      (b) => b.textContent?.trim() === 'What was recorded',
    );
    open?.click();
    await harness.fixture.whenStable();
    const inRecord = (type: string) =>
      controller.match((r) => r.url === `${TEST_FHIR_BASE}/${type}` && r.params.has('encounter'));
    const another: Condition = {
      resourceType: 'Condition',
      id: 'cond-other',
      code: { text: 'Another patient’s fracture' },
      subject: { reference: 'Patient/pat-0002' },
    };
    for (const request of inRecord('Condition')) request.flush(searchset([hypertension, another]));
    for (const type of ['Observation', 'Procedure', 'MedicationRequest'])
      for (const request of inRecord(type)) request.flush(searchset([]));
    await harness.fixture.whenStable();
    const record = el().querySelector('app-encounter-entries')?.textContent ?? '';
    expect(record).toContain('Essential hypertension');
    expect(record).not.toContain('fracture');
    expect(record).toContain('1 entry that does not name this patient was not shown.');
  });

  it("keeps every other section working when one fails, with the server's words and Retry", async () => {
    await openChart();
    controller.expectOne(`${TEST_FHIR_BASE}/Patient/pat-0001`).flush(PATIENT);
    for (const request of searchesOf('Condition')) {
      request.flush(
        {
          resourceType: 'OperationOutcome',
          issue: [
            { severity: 'error', code: 'exception', diagnostics: 'Condition index rebuilding' },
          ],
        },
        { status: 500, statusText: 'Server Error' },
      );
    }
    await answerAll({ Encounter: searchset([inpatientStay]) });
    const problems = section('Problems') as HTMLElement;
    expect(problems.querySelector('[role="alert"]')?.textContent).toContain(
      'Condition index rebuilding',
    );
    expect(section('Recent encounters')?.textContent).toContain('Hospital admission');
    expect(el().querySelector('[data-testid="allergy-line"]')?.textContent).toContain(
      'No allergies recorded',
    );
    const retry = [...problems.querySelectorAll('button')].find(
      (b) => b.textContent?.trim() === 'Retry',
    );
    retry?.click();
    searchesOf('Condition')[0]?.flush(searchset([hypertension]));
    await harness.fixture.whenStable();
    expect(problems.textContent).toContain('Essential hypertension');
  });

  it('names once what front-desk access leaves out, and asks for nothing it would refuse', async () => {
    await openChart(jwtWithClaims({ scope: 'openid user/Patient.read' }));
    controller.expectOne(`${TEST_FHIR_BASE}/Patient/pat-0001`).flush(PATIENT);
    await harness.fixture.whenStable();
    expect(controller.match(() => true)).toEqual([]);
    const note = el().querySelector('[data-testid="outside-access"]')?.textContent ?? '';
    expect(note).toContain(
      'Outside your access: problems, medications, reported medications, allergies',
    );
    expect(note).toContain('observations and vitals');
    expect(el().querySelectorAll('app-chart-section').length).toBe(0);
    expect(el().querySelector('[role="alert"]')).toBeNull();
    expect(el().querySelector('[data-testid="allergy-line"]')?.textContent).toContain(
      'Allergies: outside your access',
    );
    expect(text()).toContain('Peter Chalmers');
  });

  it('shows what the patient reports taking inside Medications, each marked as reported', async () => {
    await openChart();
    await answerAll({
      MedicationRequest: searchset([lisinopril], [lisinoprilMedication]),
      MedicationStatement: searchset([
        {
          resourceType: 'MedicationStatement',
          id: 'ms-1',
          status: 'active',
          subject: { reference: 'Patient/pat-0001' },
          medicationCodeableConcept: { text: 'Vitamin D 1000 IU' },
          effectiveDateTime: '2023-06-01',
        },
      ]),
    });
    const medications = section('Medications') as HTMLElement;
    const reported = [...medications.querySelectorAll('app-chart-section')].find(
      (s) => s.querySelector('h3')?.textContent?.trim() === 'Reported as taken',
    ) as HTMLElement;
    expect(reported.textContent).toContain('Vitamin D 1000 IU');
    expect(reported.textContent).toContain('Reported by the patient');
    expect(medications.textContent).toContain('isinopril');
  });

  it('says a section the server does not offer is not offered, not an error', async () => {
    // The FHIR server's statement lists every chart type but Goal.
    await openChart(
      'access.token.value',
      statementSearching(
        ['Patient', 'Observation', ...CHART_TYPES.filter((t) => t !== 'Goal')].map((type) => ({
          type,
        })),
      ),
    );
    await answerAll();
    expect(searchesOf('Goal')).toEqual([]);
    const goals = section('Goals') as HTMLElement;
    expect(goals.textContent).toContain('This FHIR server does not offer goals.');
    expect(goals.querySelector('[role="alert"]')).toBeNull();
  });
});
