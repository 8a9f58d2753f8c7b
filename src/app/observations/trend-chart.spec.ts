import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ApplicationRef } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { OKTA_AUTH } from '@okta/okta-angular';
import { fakeOktaAuth } from '../../testing/fake-okta';
import { RUNTIME_CONFIG } from '../config/runtime-config-token';
import { Observation } from '../fhir/fhir-types';
import { bloodPressure, heartRate } from '../../testing/fhir-fixtures';
import { TEST_CONFIG, TEST_FHIR_BASE } from '../../testing/test-config';
import { readingsUpTo, serveObservations } from '../../testing/observation-server';
import { TrendChart } from './trend-chart';

describe('TrendChart', () => {
  /**
   * Renders the chart for one code, answering its history search with `observations` (the fixtures
   * come from several example patients: here they are pat-0001's) and `others`, as they are.
   */
  async function renderTrend(
    loinc: string,
    title: string,
    observations: Observation[],
    others: Observation[] = [],
  ): Promise<HTMLElement> {
    const { fixture, request } = await openTrend(loinc, title);
    const mine = observations.map((o) => ({ ...o, subject: { reference: 'Patient/pat-0001' } }));
    request().flush({
      resourceType: 'Bundle',
      entry: [...mine, ...others].map((resource) => ({ resource })),
    });
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  /** Opens the data table as a click on its summary does, and waits for its rows. */
  async function openTable(el: HTMLElement): Promise<void> {
    const details = el.querySelector('details') as HTMLDetailsElement;
    details.open = true;
    details.dispatchEvent(new Event('toggle'));
    await TestBed.inject(ApplicationRef).whenStable();
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
    const mine = { ...heartRate, subject: { reference: 'Patient/pat-0001' } };
    request().flush({ resourceType: 'Bundle', entry: [{ resource: mine }] });
    await fixture.whenStable();
    expect(el.querySelector('[role="alert"]')).toBeNull();
    expect(el.querySelector('svg[role="img"]')).not.toBeNull();
  });

  it('says there is nothing to chart only once the history has loaded', async () => {
    const el = await renderTrend('8867-4', 'Heart rate', []);
    expect(el.querySelector('.empty-state')?.textContent).toBe('No numeric values to chart.');
  });

  it('says nothing could be shown, not that there is nothing to chart, when no reading is the patient’s', async () => {
    const another = (id: string) => ({
      ...heartRate,
      id,
      subject: { reference: 'Patient/pat-0002' },
    });
    const el = await renderTrend('8867-4', 'Heart rate', [], [another('o-1'), another('o-2')]);
    expect(el.querySelector('.empty-state')?.textContent?.trim()).toBe(
      'Nothing recorded for this patient could be shown: 2 entries did not name this patient.',
    );
  });

  it('draws blood pressure as two series with a data table alternative', async () => {
    const el = await renderTrend('85354-9', 'Blood pressure', [
      bloodPressure,
      { ...bloodPressure, id: 'later', effectiveDateTime: '2013-01-01' },
    ]);
    const svg = el.querySelector('svg[role="img"]');
    expect(svg?.getAttribute('aria-label')).toContain(
      'Blood pressure: 2 of 2 readings, latest 107/60 mmHg',
    );
    expect(el.querySelectorAll('polyline').length).toBe(2);
    expect(el.querySelector('details summary')?.textContent).toBe('Show data table');
    expect(el.querySelector('details caption')?.textContent?.trim()).toBe('Blood pressure values');
    await openTable(el);
    expect(el.querySelectorAll('details tbody tr').length).toBe(2);
  });

  it('charts no value of another patient, and says so', async () => {
    const another = { ...heartRate, id: 'other', subject: { reference: 'Patient/pat-0002' } };
    const el = await renderTrend('8867-4', 'Heart rate', [heartRate], [another]);
    expect(el.querySelector('svg[role="img"]')?.getAttribute('aria-label')).toContain(
      'Heart rate: 1 of 1 reading',
    );
    await openTable(el);
    expect(el.querySelectorAll('details tbody tr').length).toBe(1);
    expect(el.querySelector('.search-notices')?.textContent).toContain(
      '1 entry that does not name this patient was not shown.',
    );
  });

  it("counts only the patient's readings once every page is read, though the server counted another's", async () => {
    const { fixture, request } = await openTrend('8867-4', 'Heart rate');
    const another = { ...heartRate, id: 'other', subject: { reference: 'Patient/pat-0002' } };
    const mine = { ...heartRate, subject: { reference: 'Patient/pat-0001' } };
    request().flush({
      resourceType: 'Bundle',
      total: 2,
      entry: [{ resource: mine }, { resource: another }],
    });
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    expect(el.querySelector('svg[role="img"]')?.getAttribute('aria-label')).toContain(
      'Heart rate: 1 of 1 reading',
    );
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
    await openTable(el);
    expect(
      [...el.querySelectorAll('details tbody td:nth-child(2)')].map((td) => td.textContent),
    ).toEqual(['44', '< 5']);
    expect(el.querySelector('svg[role="img"]')?.getAttribute('aria-label')).toBe(
      'Heart rate: 2 of 2 readings, latest < 5 /min on Jan 1, 2001',
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
      'Blood pressure: 1 of 1 reading, latest 113/71 mmHg on Sep 17, 2012',
    );
  });

  describe('over a long history', () => {
    /** Two days of heart rate every 5 minutes, the newest 99/min at noon on Oct 31, 2026. */
    const twoDays = readingsUpTo(heartRate, '2026-10-31T12:00:00Z', 577, 5, (index) =>
      index === 576 ? 99 : 70,
    );

    it('shows the most recent readings, not the oldest page, and says how many of how many', async () => {
      const { fixture } = await openTrend('8867-4', 'Heart rate');
      await serveObservations(
        TestBed.inject(HttpTestingController),
        () => fixture.whenStable(),
        twoDays,
      );
      const el = fixture.nativeElement as HTMLElement;
      expect(el.querySelector('svg[role="img"]')?.getAttribute('aria-label')).toContain(
        'latest 99 /min',
      );
      expect(el.querySelector('.trend-coverage')?.textContent).toContain('289 of 289 readings');
    });

    it('offers the other spans, reads a chosen one by its dates, and thins a dense drawing saying so', async () => {
      const { fixture } = await openTrend('8867-4', 'Heart rate');
      const controller = TestBed.inject(HttpTestingController);
      const settle = () => fixture.whenStable();
      await serveObservations(controller, settle, twoDays);
      const el = fixture.nativeElement as HTMLElement;
      const spans = [...el.querySelectorAll('.trend-spans button')] as HTMLButtonElement[];
      expect(spans.map((b) => b.textContent?.trim())).toEqual([
        '24 hours',
        '7 days',
        '30 days',
        '1 year',
        'All',
      ]);
      expect(spans[0].getAttribute('aria-checked')).toBe('true');
      spans[1].click();
      await settle();
      const urls = await serveObservations(controller, settle, twoDays);
      expect(decodeURIComponent(urls[0])).toContain(
        'date=ge2026-10-24T12:00:00Z&date=le2026-10-31T12:00:00Z',
      );
      expect(el.querySelector('.trend-coverage')?.textContent).toContain(
        '577 of 577 readings from the last 7 days on record',
      );
      expect(el.querySelector('.trend-coverage')?.textContent).toContain(
        'Drawn as the lowest and highest reading of every',
      );
      expect(el.querySelectorAll('circle.dot').length).toBeLessThanOrEqual(300);
      expect(el.querySelector('svg[role="img"]')?.getAttribute('aria-label')).toContain(
        'latest 99 /min',
      );
      await openTable(el);
      expect(el.querySelectorAll('details tbody tr').length).toBe(577);
    });
  });
});
