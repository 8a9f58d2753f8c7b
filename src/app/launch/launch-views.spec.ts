import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component, input, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { OKTA_AUTH } from '@okta/okta-angular';
import { RUNTIME_CONFIG } from '../config/runtime-config-token';
import { EHR_SESSION } from '../fhir/fhir-session';
import { PatientSummary } from '../fhir/patient-summary';
import { PatientBanner } from '../observations/patient-banner';
import { PatientHeader, patientHeader } from '../shared/patient-header';
import { TEST_EHR, testEhrSession } from '../../testing/ehr-session';
import { TEST_CONFIG } from '../../testing/test-config';
import { saveEhrSession } from './ehr-session';
import { LaunchEncounter } from './launch-encounter';
import { LaunchErrorPage } from './launch-error-page';
import { recordLaunchProblem } from './launch-problems';

const SUMMARY: PatientSummary = {
  id: 'pat-1',
  name: 'Ada Example',
  gender: 'Female',
  birthDate: '1980-01-01',
  age: '45',
  mrn: 'MRN-1',
  deceased: false,
  deceasedDate: '',
};

@Component({
  selector: 'app-banner-host',
  imports: [PatientBanner],
  template: `<app-patient-banner [patient]="patient()"
    ><p class="kept">Allergies</p></app-patient-banner
  >`,
})
class BannerHost {
  readonly patient = input.required<PatientSummary>();
}

@Component({
  selector: 'app-observations-header-host',
  imports: [PatientHeader],
  template: `<app-patient-header [header]="header" heading="Observations" />`,
})
class ObservationsHeaderHost {
  protected readonly header = patientHeader(signal('pat-1'));
}

function withEhrSession(context: Record<string, unknown> | undefined): void {
  sessionStorage.clear();
  const session = context ? testEhrSession(context) : undefined;
  if (session) saveEhrSession(sessionStorage, session);
  TestBed.configureTestingModule({
    providers: [
      provideHttpClient(),
      provideHttpClientTesting(),
      { provide: RUNTIME_CONFIG, useValue: TEST_CONFIG },
      provideRouter([]),
      { provide: EHR_SESSION, useValue: session },
      {
        provide: OKTA_AUTH,
        useValue: { getAccessToken: () => undefined, tokenManager: { getTokensSync: () => ({}) } },
      },
    ],
  });
}

describe('the patient banner in an EHR session', () => {
  afterEach(() => sessionStorage.clear());

  function banner(patient: PatientSummary): HTMLElement {
    const fixture = TestBed.createComponent(BannerHost);
    fixture.componentRef.setInput('patient', patient);
    fixture.detectChanges();
    return fixture.nativeElement as HTMLElement;
  }

  it('is not shown for the launch patient when the EHR shows its own', () => {
    withEhrSession({ patient: 'pat-1', need_patient_banner: false });
    const el = banner(SUMMARY);
    expect(el.textContent).not.toContain('Ada Example');
    expect(el.textContent).not.toContain('MRN-1');
    expect(el.textContent).not.toContain('1980-01-01');
    expect(el.querySelector('h1')?.textContent).toBe('Patient chart');
    expect(el.querySelector('.kept')?.textContent).toBe('Allergies');
  });

  it('is shown for any other patient: the EHR’s banner names someone else', () => {
    withEhrSession({ patient: 'pat-1', need_patient_banner: false });
    const el = banner({ ...SUMMARY, id: 'pat-2' });
    expect(el.querySelector('h1')?.textContent).toBe('Ada Example');
    expect(el.textContent).toContain('MRN-1');
  });

  it('is shown when the EHR asks for it, says nothing, or there is no EHR', () => {
    for (const context of [{ patient: 'pat-1', need_patient_banner: true }, { patient: 'pat-1' }]) {
      TestBed.resetTestingModule();
      withEhrSession(context);
      expect(banner(SUMMARY).querySelector('h1')?.textContent).toBe('Ada Example');
    }
    TestBed.resetTestingModule();
    withEhrSession(undefined);
    expect(banner(SUMMARY).querySelector('h1')?.textContent).toBe('Ada Example');
  });
});

describe('the patient header of a page in an EHR session', () => {
  afterEach(() => sessionStorage.clear());

  it('without the app’s banner, heads the page with its own name', () => {
    withEhrSession({ patient: 'pat-1', need_patient_banner: false });
    const fixture = TestBed.createComponent(ObservationsHeaderHost);
    fixture.detectChanges();
    TestBed.inject(HttpTestingController)
      .expectOne(`${TEST_EHR.iss}/Patient/pat-1`)
      .flush({ resourceType: 'Patient', id: 'pat-1', name: [{ text: 'Ada Example' }] });
    fixture.detectChanges();
    const el = fixture.nativeElement as HTMLElement;
    expect(el.querySelector('h1')?.textContent).toBe('Observations');
    expect(el.textContent).not.toContain('Ada Example');
  });
});

describe('the encounter the EHR had open', () => {
  let controller: HttpTestingController;
  afterEach(() => {
    controller.verify();
    sessionStorage.clear();
  });

  function chartOf(patientId: string) {
    controller = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(LaunchEncounter);
    fixture.componentRef.setInput('patientId', patientId);
    fixture.detectChanges();
    return fixture;
  }

  it('is open on the launch patient’s chart, once it is known to be theirs', async () => {
    withEhrSession({ patient: 'pat-1', encounter: 'enc-9' });
    const fixture = chartOf('pat-1');
    controller.expectOne('https://ehr.example/fhir/Encounter/enc-9').flush({
      resourceType: 'Encounter',
      id: 'enc-9',
      status: 'finished',
      subject: { reference: 'Patient/pat-1' },
      class: { code: 'AMB', display: 'Ambulatory' },
      period: { start: '2024-03-01T10:00:00Z' },
    });
    fixture.detectChanges();
    const el = fixture.nativeElement as HTMLElement;
    expect(el.querySelector('h2')?.textContent).toBe('Encounter open in Example EHR');
    expect(el.querySelector('[data-testid="launch-encounter-summary"]')?.textContent).toContain(
      'Ambulatory',
    );
    // Its record is open: the lists of what was recorded in it are being read.
    const lists = controller.match((r) => r.url.startsWith('https://ehr.example/fhir/'));
    expect(lists.map((r) => r.request.params.get('encounter'))).toContain('Encounter/enc-9');
    for (const list of lists) list.flush({ resourceType: 'Bundle', type: 'searchset' });
  });

  it('is not shown when the encounter belongs to someone else', () => {
    withEhrSession({ patient: 'pat-1', encounter: 'enc-9' });
    const fixture = chartOf('pat-1');
    controller.expectOne('https://ehr.example/fhir/Encounter/enc-9').flush({
      resourceType: 'Encounter',
      id: 'enc-9',
      subject: { reference: 'Patient/pat-2' },
    });
    fixture.detectChanges();
    expect((fixture.nativeElement as HTMLElement).textContent).toContain('is not this patient’s');
  });

  it('is not read on another patient’s chart, nor without an encounter', () => {
    withEhrSession({ patient: 'pat-1', encounter: 'enc-9' });
    expect((chartOf('pat-2').nativeElement as HTMLElement).textContent?.trim()).toBe('');
    TestBed.resetTestingModule();
    withEhrSession({ patient: 'pat-1' });
    expect((chartOf('pat-1').nativeElement as HTMLElement).textContent?.trim()).toBe('');
  });
});

describe('the launch-error page', () => {
  afterEach(() => sessionStorage.clear());

  it('says what happened and what to do, and starts nothing', () => {
    recordLaunchProblem(sessionStorage, { title: 'T', detail: 'D', advice: 'A' });
    const fixture = TestBed.createComponent(LaunchErrorPage);
    fixture.detectChanges();
    const el = fixture.nativeElement as HTMLElement;
    expect(el.querySelector('h1')?.textContent).toBe('T');
    expect(el.textContent).toContain('D');
    expect(el.textContent).toContain('A');
    expect(el.querySelector('a')?.getAttribute('href')).toBe('/login');
  });

  it('says there is nothing to report when nothing failed', () => {
    sessionStorage.clear();
    const fixture = TestBed.createComponent(LaunchErrorPage);
    fixture.detectChanges();
    expect((fixture.nativeElement as HTMLElement).querySelector('h1')?.textContent).toBe(
      'Nothing to report',
    );
  });
});
