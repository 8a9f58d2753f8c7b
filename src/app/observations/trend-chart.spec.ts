import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { RUNTIME_CONFIG } from '../config/runtime-config';
import { Observation } from '../fhir/fhir-types';
import { bloodPressure, heartRate } from '../../testing/fhir-fixtures';
import { TEST_CONFIG, TEST_FHIR_BASE } from '../../testing/test-config';
import { TrendChart } from './trend-chart';

describe('TrendChart', () => {
  /** Renders the chart for one code, answering its history search with `observations`. */
  async function renderTrend(
    loinc: string,
    title: string,
    observations: Observation[],
  ): Promise<HTMLElement> {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: RUNTIME_CONFIG, useValue: TEST_CONFIG },
      ],
    });
    const fixture = TestBed.createComponent(TrendChart);
    fixture.componentRef.setInput('patientId', 'pat-0001');
    fixture.componentRef.setInput('loinc', loinc);
    fixture.componentRef.setInput('title', title);
    await fixture.whenStable();
    const request = TestBed.inject(HttpTestingController).expectOne(
      (r) => r.url === `${TEST_FHIR_BASE}/Observation` && r.params.get('code') === loinc,
    );
    request.flush({
      resourceType: 'Bundle',
      entry: observations.map((resource) => ({ resource })),
    });
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  it('draws blood pressure as two series with a data table alternative', async () => {
    const el = await renderTrend('85354-9', 'Blood pressure', [
      bloodPressure,
      { ...bloodPressure, id: 'later', effectiveDateTime: '2013-01-01' },
    ]);
    const svg = el.querySelector('svg[role="img"]');
    expect(svg?.getAttribute('aria-label')).toContain(
      'Blood pressure: 2 values, latest 107/60 mmHg',
    );
    expect(el.querySelectorAll('polyline').length).toBe(2);
    expect(el.querySelector('details summary')?.textContent).toBe('Show data table');
    expect(el.querySelector('details caption')?.textContent?.trim()).toBe('Blood pressure values');
    expect(el.querySelectorAll('details tbody tr').length).toBe(2);
  });

  it('marks a value with a comparator and keeps "< 5" in its tooltip, the table and the summary', async () => {
    const belowLimit: Observation = {
      ...heartRate,
      id: 'below',
      effectiveDateTime: '2001-01-01',
      valueQuantity: { value: 5, comparator: '<', unit: '/min' },
    };
    const el = await renderTrend('8867-4', 'Heart rate', [heartRate, belowLimit]);
    const dots = [...el.querySelectorAll('circle.dot')];
    expect(dots.map((dot) => dot.classList.contains('has-comparator'))).toEqual([false, true]);
    expect(dots[1].querySelector('title')?.textContent).toBe('Jan 1, 2001: < 5');
    expect(
      [...el.querySelectorAll('details tbody td:nth-child(2)')].map((td) => td.textContent),
    ).toEqual(['44', '< 5']);
    expect(el.querySelector('svg[role="img"]')?.getAttribute('aria-label')).toBe(
      'Heart rate: 2 values, latest < 5 /min on Jan 1, 2001',
    );
    expect(el.querySelector('.legend')?.textContent).toContain('Hollow points');
  });

  it('writes the summary as the table does: one value, no machine noise', async () => {
    const noisy: Observation = {
      ...bloodPressure,
      component: bloodPressure.component?.map((part, i) => ({
        ...part,
        valueQuantity: { ...part.valueQuantity, value: i === 0 ? 112.72276142363832 : 71.00000001 },
      })),
    };
    const el = await renderTrend('85354-9', 'Blood pressure', [noisy]);
    expect(el.querySelector('svg[role="img"]')?.getAttribute('aria-label')).toBe(
      'Blood pressure: 1 value, latest 112.723/71 mmHg on Sep 17, 2012',
    );
  });
});
