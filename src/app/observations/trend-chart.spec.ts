import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { RUNTIME_CONFIG } from '../config/runtime-config';
import { bloodPressure } from '../testing/fhir-fixtures';
import { TEST_CONFIG, TEST_FHIR_BASE } from '../testing/test-config';
import { TrendChart } from './trend-chart';

describe('TrendChart', () => {
  it('draws blood pressure as two series with a data table alternative', async () => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: RUNTIME_CONFIG, useValue: TEST_CONFIG },
      ],
    });
    const fixture = TestBed.createComponent(TrendChart);
    fixture.componentRef.setInput('patientId', 'pat-0001');
    fixture.componentRef.setInput('loinc', '85354-9');
    fixture.componentRef.setInput('title', 'Blood pressure');
    await fixture.whenStable();
    const request = TestBed.inject(HttpTestingController).expectOne(
      (r) => r.url === `${TEST_FHIR_BASE}/Observation` && r.params.get('code') === '85354-9',
    );
    request.flush({
      resourceType: 'Bundle',
      entry: [
        { resource: bloodPressure },
        { resource: { ...bloodPressure, id: 'later', effectiveDateTime: '2013-01-01' } },
      ],
    });
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const svg = el.querySelector('svg[role="img"]');
    expect(svg?.getAttribute('aria-label')).toContain(
      'Blood pressure: 2 values, latest 107/60 mmHg',
    );
    expect(el.querySelectorAll('polyline').length).toBe(2);
    expect(el.querySelector('details summary')?.textContent).toBe('Show data table');
    expect(el.querySelector('details caption')?.textContent?.trim()).toBe('Blood pressure values');
    expect(el.querySelectorAll('details tbody tr').length).toBe(2);
  });
});
