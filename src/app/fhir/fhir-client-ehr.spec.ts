import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { RUNTIME_CONFIG } from '../config/runtime-config-token';
import { testEhrSession } from '../../testing/ehr-session';
import { TEST_CONFIG } from '../../testing/test-config';
import { FhirClient } from './fhir-client';
import { FhirError } from './fhir-error';
import { EHR_SESSION } from './fhir-session';
import { Patient } from './fhir-types';

describe('FhirClient in a session from an EHR', () => {
  let controller: HttpTestingController;

  function client(launched = true): FhirClient {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: RUNTIME_CONFIG, useValue: TEST_CONFIG },
        { provide: EHR_SESSION, useValue: testEhrSession({ patient: 'pat-1' }, launched) },
      ],
    });
    controller = TestBed.inject(HttpTestingController);
    return TestBed.inject(FhirClient);
  }

  afterEach(() => controller.verify());

  it('reads from the EHR’s FHIR base, not the configured one', () => {
    client().read<Patient>('Patient', 'pat-1').subscribe();
    controller.expectOne('https://ehr.example/fhir/Patient/pat-1').flush({});
  });

  it('follows paging links below the EHR’s base and refuses any other, the configured base included', () => {
    const fhir = client();
    fhir.getLink<Patient>('https://ehr.example/fhir/Patient?page=2').subscribe();
    controller.expectOne('https://ehr.example/fhir/Patient?page=2').flush({});
    let error: FhirError | undefined;
    fhir.getLink<Patient>('https://fhir.example.com/fhir/Patient?page=2').subscribe({
      error: (e: FhirError) => (error = e),
    });
    expect(error?.kind).toBe('unsafe-link');
  });

  it('says a 401 ended the session from the EHR, and that only the EHR opens another', () => {
    let error: FhirError | undefined;
    client()
      .read<Patient>('Patient', 'pat-1')
      .subscribe({ error: (e: FhirError) => (error = e) });
    controller
      .expectOne('https://ehr.example/fhir/Patient/pat-1')
      .flush({}, { status: 401, statusText: 'Unauthorized' });
    expect(error?.kind).toBe('unauthorized');
    expect(error?.advice).toBe(
      'Your session from Example EHR has ended: open fhirokta again from the EHR.',
    );
  });

  it('after a standalone sign-in with the EHR, says to sign in with it again', () => {
    let error: FhirError | undefined;
    client(false)
      .getLink<Patient>('https://ehr.example/fhir/Patient?page=2')
      .subscribe({ error: (e: FhirError) => (error = e) });
    controller
      .expectOne('https://ehr.example/fhir/Patient?page=2')
      .flush({}, { status: 401, statusText: 'Unauthorized' });
    expect(error?.advice).toBe(
      'Your session from Example EHR has ended: sign in with Example EHR again.',
    );
  });
});
