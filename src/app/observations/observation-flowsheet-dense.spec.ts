// The flowsheet of a patient whose days hold hundreds of readings (a monitor's), beside sparse days.
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { OKTA_AUTH } from '@okta/okta-angular';
import { RUNTIME_CONFIG } from '../config/runtime-config-token';
import { Observation } from '../fhir/fhir-types';
import { fakeOktaAuth } from '../../testing/fake-okta';
import { heartRate } from '../../testing/fhir-fixtures';
import { readingsUpTo, serveObservations } from '../../testing/observation-server';
import { TEST_CONFIG, TEST_FHIR_BASE } from '../../testing/test-config';
import { ObservationsPage } from './observations-page';

/** Local noon of a day, as an instant. */
const noon = (day: string) => {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(year, month - 1, date, 12).toISOString();
};
/** A monitor's heart rate every 5 minutes for 24 hours up to noon on Oct 31; 130/min at 11:00. */
const monitored = readingsUpTo(heartRate, noon('2026-10-31'), 289, 5, (index) =>
  index === 276 ? 130 : 70 + (index % 7),
).map((o, index) => (index === 276 ? { ...o, interpretation: [{ coding: [{ code: 'H' }] }] } : o));
/** Three clinic visits before the stay, one a week. */
const visits: Observation[] = ['2026-10-10', '2026-10-17', '2026-10-24'].map((day) => ({
  ...heartRate,
  id: `visit-${day}`,
  subject: { reference: 'Patient/pat-0001' },
  effectiveDateTime: noon(day),
}));

describe('ObservationsPage flowsheet over dense days', () => {
  let harness: RouterTestingHarness;
  let controller: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter(
          [{ path: 'observations/:id', component: ObservationsPage }],
          withComponentInputBinding(),
        ),
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: RUNTIME_CONFIG, useValue: TEST_CONFIG },
        { provide: OKTA_AUTH, useValue: fakeOktaAuth() },
      ],
    });
    controller = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create('/observations/pat-0001?view=flowsheet');
    await harness.fixture.whenStable();
    controller
      .expectOne(`${TEST_FHIR_BASE}/Patient/pat-0001`)
      .flush({ resourceType: 'Patient', id: 'pat-0001' });
  });

  afterEach(() => controller.verify());

  const el = () => harness.routeNativeElement as HTMLElement;
  /** Lets a click's navigation happen, then answers every search it makes. */
  const serve = async () => {
    await harness.fixture.whenStable();
    return serveObservations(controller, () => harness.fixture.whenStable(), [
      ...visits,
      ...monitored,
    ]);
  };
  const columnHeaders = () =>
    [...el().querySelectorAll('.flowsheet-table thead th')].slice(1).map((th) => th.textContent);
  const firstCell = () => el().querySelector('.flowsheet-table tbody tr:not(.group-header) td');
  const button = (name: RegExp) =>
    [...el().querySelectorAll('button')].find((b) => name.test(b.textContent ?? '')) as
      HTMLButtonElement | undefined;

  it('gives a dense day a column per hour, each the latest of its readings with their range', async () => {
    const urls = await serve();
    expect(el().querySelector('caption')?.textContent).toContain('by hour');
    expect(columnHeaders().length).toBe(8);
    expect(columnHeaders()[0]).toContain('12:00');
    // Noon's hour holds one reading; 11 o'clock holds twelve, the 130/min among them.
    expect(firstCell()?.querySelector('.value')?.textContent?.trim()).toBe('71');
    const eleven = el().querySelectorAll('.flowsheet-table tbody tr:not(.group-header) td')[1];
    expect(eleven.querySelector('.reading-count')?.textContent).toContain('latest of 12');
    expect(eleven.querySelector('.reading-range')?.textContent).toContain('70–130');
    expect(eleven.querySelector('.reading-flagged')?.textContent).toContain('1 flagged');
    // The window reads what its eight hours need, within its page cap.
    const windowPages = urls.filter((url) => new URL(url).searchParams.get('_count') === '200');
    expect(windowPages.length).toBeGreaterThan(0);
    expect(windowPages.length).toBeLessThanOrEqual(5);
    expect(button(/Older hours/)?.disabled).toBeFalse();
  });

  it('pages by hour through the dense day, then by day over the sparse ones', async () => {
    await serve();
    for (const through of ['2026-10-31T04', '2026-10-30T20']) {
      button(/Older hours/)?.click();
      await serve();
      expect(TestBed.inject(Router).url).toContain(`through=${through}`);
      expect(el().querySelector('caption')?.textContent).toContain('by hour');
      expect(columnHeaders().length).toBe(8);
    }
    // Before the stay's first hour: one reading in a day, so columns by day.
    button(/Older hours/)?.click();
    await serve();
    expect(el().querySelector('caption')?.textContent).toContain('by day');
    expect(columnHeaders()).toEqual([
      'Oct 30, 2026',
      'Oct 24, 2026',
      'Oct 17, 2026',
      'Oct 10, 2026',
    ]);
    expect(button(/Older days/)?.disabled).toBeTrue();
    button(/Newer days/)?.click();
    await serve();
    expect(TestBed.inject(Router).url).toContain('through=2026-10-30T20');
    expect(el().querySelector('caption')?.textContent).toContain('by hour');
  });

  it('says its columns may miss readings when the server cannot sort and the window was cut short', async () => {
    // Four days of a monitor every 5 minutes, sent oldest first whatever is asked: more than the
    // five pages a window reads, so the newest readings are never read.
    const stay = readingsUpTo(heartRate, noon('2026-10-31'), 1153, 5);
    await harness.fixture.whenStable();
    await serveObservations(controller, () => harness.fixture.whenStable(), stay, {
      sorts: false,
    });
    const notes = [...el().querySelectorAll('.flowsheet-note')].map((p) => p.textContent ?? '');
    expect(notes.join(' ').replace(/\s+/g, ' ')).toContain(
      'This server does not sort observations by date, and there were more than the flowsheet reads at once (5 pages of 200): these columns may miss readings, and newer ones may exist. The list view shows them all.',
    );
  });

  it('reads on past a full window when the server cannot sort, so the newest days are the ones shown', async () => {
    // A reading a day for 300 days, sent oldest first: the first page holds only old days.
    const daily = readingsUpTo(heartRate, noon('2026-10-31'), 300, 24 * 60);
    await harness.fixture.whenStable();
    const urls = await serveObservations(controller, () => harness.fixture.whenStable(), daily, {
      sorts: false,
    });
    expect(urls.filter((url) => new URL(url).searchParams.get('_count') === '200').length).toBe(2);
    expect(columnHeaders()[0]).toBe('Oct 31, 2026');
    expect(columnHeaders().length).toBe(8);
    expect(el().textContent).not.toContain('does not sort observations by date');
  });

  it('says nothing of order when the server cannot sort but every page was read', async () => {
    await harness.fixture.whenStable();
    await serveObservations(controller, () => harness.fixture.whenStable(), [...visits], {
      sorts: false,
    });
    expect(el().textContent).not.toContain('does not sort observations by date');
    expect(columnHeaders().length).toBe(3);
  });
});
