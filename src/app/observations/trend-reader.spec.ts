import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { RUNTIME_CONFIG } from '../config/runtime-config-token';
import { Observation } from '../fhir/fhir-types';
import { observationTime } from '../fhir/format-observation';
import { heartRate } from '../../testing/fhir-fixtures';
import { ServedAs, readingsUpTo, serveObservations } from '../../testing/observation-server';
import { TEST_CONFIG } from '../../testing/test-config';
import { TrendChoice, TrendRead, TrendReader } from './trend-reader';

const LATEST = '2026-10-31T12:00:00Z';
/** Eight days of heart rate every 5 minutes, stored oldest first (as ids would sort them). */
const monitored = readingsUpTo(heartRate, LATEST, 8 * 288 + 1, 5);
/** Twelve readings, one a year. */
const yearly = readingsUpTo(heartRate, LATEST, 12, 365 * 24 * 60);

describe('TrendReader', () => {
  beforeEach(() =>
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: RUNTIME_CONFIG, useValue: TEST_CONFIG },
      ],
    }),
  );

  /** Reads a trend from a server holding `stored`; the read and the URLs it asked for. */
  async function readTrend(
    stored: Observation[],
    as: ServedAs = {},
    choice?: TrendChoice,
  ): Promise<{ read: TrendRead; urls: string[] }> {
    const result = firstValueFrom(TestBed.inject(TrendReader).read('pat-0001', '8867-4', choice));
    const controller = TestBed.inject(HttpTestingController);
    const urls = await serveObservations(controller, () => Promise.resolve(), stored, as);
    return { read: await result, urls };
  }

  const newest = (read: TrendRead) => Math.max(...read.observations.map(observationTime));

  it("reads an outpatient's whole history of a code in one request", async () => {
    const { read, urls } = await readTrend(yearly);
    expect(urls.length).toBe(1);
    expect([read.span, read.complete, read.total, read.observations.length]).toEqual([
      'all',
      true,
      12,
      12,
    ]);
  });

  it('opens dense data on the last 24 hours on record, read by date bounds', async () => {
    const { read, urls } = await readTrend(monitored);
    expect(read.span).toBe('24h');
    expect(read.latest).toBe(Date.parse(LATEST));
    expect([read.complete, read.total, read.observations.length]).toEqual([true, 289, 289]);
    expect(decodeURIComponent(urls.at(-1) ?? '')).toContain(
      'date=ge2026-10-30T12:00:00Z&date=le2026-10-31T12:00:00Z',
    );
  });

  it('finds the latest reading and a true span on a server that neither sorts nor counts', async () => {
    const { read } = await readTrend(monitored, { sorts: false, totals: false });
    expect(read.latest).toBe(Date.parse(LATEST));
    expect(newest(read)).toBe(Date.parse(LATEST));
    expect(read.span).toBe('24h');
    expect([read.complete, read.total, read.observations.length]).toEqual([true, 289, 289]);
  });

  it('over the page cap, keeps the most recent readings and says the span holds more', async () => {
    const { read, urls } = await readTrend(
      monitored,
      {},
      { span: '7d', latest: Date.parse(LATEST) },
    );
    expect(urls.length).toBe(10);
    expect([read.complete, read.total, read.newestFirst]).toEqual([false, 7 * 288 + 1, true]);
    expect(read.observations.length).toBe(2000);
    expect(newest(read)).toBe(Date.parse(LATEST));
  });
});
