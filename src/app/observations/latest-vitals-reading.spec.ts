import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { RUNTIME_CONFIG } from '../config/runtime-config-token';
import { Observation } from '../fhir/fhir-types';
import { bloodPressure, heartRate } from '../../testing/fhir-fixtures';
import { readingsUpTo, serveObservations } from '../../testing/observation-server';
import { TEST_CONFIG } from '../../testing/test-config';
import { latestVitals } from './latest-vitals';
import { toObservationRow } from './observation-row';
import { ObservationService } from './observation.service';

/** The fixtures come from several example patients: here they are pat-0001's. */
const mine = (o: Observation): Observation => ({
  ...o,
  subject: { reference: 'Patient/pat-0001' },
});
const weight: Observation = {
  ...mine(heartRate),
  id: 'weight',
  code: { coding: [{ system: 'http://loinc.org', code: '29463-7' }] },
  effectiveDateTime: '2026-09-01T09:00:00Z',
  valueQuantity: { value: 71.5, unit: 'kg' },
};
/** A monitor's heart rate and blood pressure every 5 minutes, after one clinic weight. */
const monitored = [
  ...readingsUpTo(heartRate, '2026-10-31T12:00:00Z', 300, 5),
  ...readingsUpTo(bloodPressure, '2026-10-31T12:00:00Z', 300, 5).map((o) => ({
    ...o,
    valueQuantity: undefined,
  })),
];

describe('latest vitals as read', () => {
  beforeEach(() =>
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: RUNTIME_CONFIG, useValue: TEST_CONFIG },
      ],
    }),
  );

  async function read(stored: Observation[]): Promise<{ labels: string[]; urls: string[] }> {
    const result = firstValueFrom(TestBed.inject(ObservationService).recentVitals('pat-0001'));
    const urls = await serveObservations(
      TestBed.inject(HttpTestingController),
      () => Promise.resolve(),
      stored,
    );
    return {
      labels: latestVitals((await result).resources.map(toObservationRow)).map((v) => v.label),
      urls,
    };
  }

  it('finds a sparse vital sign that a monitor’s readings crowd out of the newest page, by its code', async () => {
    const { labels, urls } = await read([weight, ...monitored]);
    expect(labels).toEqual(['Blood pressure', 'Heart rate', 'Weight']);
    const followUps = urls.slice(1).map((url) => new URL(url).searchParams);
    expect(followUps.every((p) => p.get('_count') === '1' && p.get('code') !== null)).toBeTrue();
    expect(followUps.map((p) => p.get('code'))).toContain('29463-7');
  });

  it('asks nothing more when the first page holds every vital sign there is', async () => {
    const { labels, urls } = await read([weight, mine(heartRate), mine(bloodPressure)]);
    expect(labels).toEqual(['Blood pressure', 'Heart rate', 'Weight']);
    expect(urls.length).toBe(1);
    expect(new URL(urls[0]).searchParams.get('category')).toBe('vital-signs');
  });
});
