import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { OKTA_AUTH } from '@okta/okta-angular';
import { fakeOktaAuth } from '../../testing/fake-okta';
import { RUNTIME_CONFIG } from '../config/runtime-config-token';
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
    const { fixture, request } = await openTrend(loinc, title);
    request().flush({
      resourceType: 'Bundle',
      entry: observations.map((resource) => ({ resource })),
    });
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  /** The chart for one code, its history search not yet answered. */
  async function openTrend(loinc: string, title: string) {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        { provide: RUNTIME_CONFIG, useValue: TEST_CONFIG },
        { provide: OKTA_AUTH, useValue: fakeOktaAuth() },
      ],
    });
    const fixture = TestBed.createComponent(TrendChart);
    fixture.componentRef.setInput('patientId', 'pat-0001');
    fixture.componentRef.setInput('loinc', loinc);
    fixture.componentRef.setInput('title', title);
    await fixture.whenStable();
    const request = () =>
      TestBed.inject(HttpTestingController).expectOne(
        (r) => r.url === `${TEST_FHIR_BASE}/Observation` && r.params.get('code') === loinc,
      );
    return { fixture, request };
  }

  it("shows a failed trend's server words in the shared error panel, and Retry draws it", async () => {
    const { fixture, request } = await openTrend('8867-4', 'Heart rate');
    const el = fixture.nativeElement as HTMLElement;
    expect(el.querySelector('[role="status"]')?.textContent).toBe('Loading the trend…');
    request().flush(
      { resourceType: 'OperationOutcome', issue: [{ diagnostics: 'History unavailable' }] },
      { status: 500, statusText: 'Server Error' },
    );
    await fixture.whenStable();
    const alert = el.querySelector('.error-panel[role="alert"]');
    expect(alert?.querySelector('h2')?.textContent).toBe('Could not load the trend');
    expect(alert?.textContent).toContain('History unavailable');
    expect(el.textContent).not.toContain('No numeric values');
    const retry = [...el.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Retry');
    retry?.click();
    await fixture.whenStable();
    request().flush({ resourceType: 'Bundle', entry: [{ resource: heartRate }] });
    await fixture.whenStable();
    expect(el.querySelector('[role="alert"]')).toBeNull();
    expect(el.querySelector('svg[role="img"]')).not.toBeNull();
  });

  it('says there is nothing to chart only once the history has loaded', async () => {
    const el = await renderTrend('8867-4', 'Heart rate', []);
    expect(el.querySelector('.empty-state')?.textContent).toBe('No numeric values to chart.');
  });

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
      'Blood pressure: 1 value, latest 113/71 mmHg on Sep 17, 2012',
    );
  });
});
