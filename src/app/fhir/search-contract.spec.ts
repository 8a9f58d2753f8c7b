import { HttpParams, provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { RUNTIME_CONFIG } from '../config/runtime-config-token';
import { NO_OBSERVATION_FILTERS } from '../observations/observation-filters';
import { ObservationService } from '../observations/observation.service';
import { TrendReader } from '../observations/trend-reader';
import { DEFAULT_PATIENT_SEARCH, PAGE_SIZES, PATIENT_SORTS } from '../patients/patient-search';
import { PatientService } from '../patients/patient.service';
import { TEST_CONFIG, TEST_FHIR_BASE } from '../../testing/test-config';
import { ChartQueries } from '../chart/chart-queries';
import { ENCOUNTER_LISTS } from '../chart/encounter-record';
import { AnySection, CHART_SECTIONS } from '../chart/sections/registry';
import { ResourceSearchContract, SEARCH_CONTRACT, SearchableType } from './search-contract';

const IN_ENCOUNTER = { patient: 'pat-0001', encounter: 'Encounter/enc-1' };

/** What the searches sent for one type used, gathered over every request. */
interface Used {
  params: Set<string>;
  sorts: Set<string>;
  includes: Set<string>;
  counts: number[];
  /** "name=value" pairs the contract does not declare, and requests to other URLs. */
  undeclared: string[];
}

describe('the search contract (src/app/fhir/search-contract.ts)', () => {
  let controller: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: RUNTIME_CONFIG, useValue: TEST_CONFIG },
      ],
    });
    controller = TestBed.inject(HttpTestingController);
  });

  afterEach(() => controller.verify());

  /** Answers every pending request with an empty Bundle, and says what the searches of `type` used. */
  function sentSearches(type: SearchableType): Used {
    const used: Used = {
      params: new Set(),
      sorts: new Set(),
      includes: new Set(),
      counts: [],
      undeclared: [],
    };
    for (const request of controller.match(() => true)) {
      const { url, params } = request.request;
      if (url === `${TEST_FHIR_BASE}/${type}`) record(used, params, SEARCH_CONTRACT[type]);
      else used.undeclared.push(`a request to ${url}`);
      request.flush({ resourceType: 'Bundle', type: 'searchset' });
    }
    return used;
  }

  function record(used: Used, params: HttpParams, contract: ResourceSearchContract): void {
    for (const name of params.keys()) {
      for (const value of params.getAll(name) ?? []) {
        let declared: boolean;
        if (name === '_sort') {
          used.sorts.add(value);
          declared = contract.sorts.includes(value);
        } else if (name === '_include') {
          used.includes.add(value);
          declared = (contract.includes ?? []).includes(value);
        } else if (name === '_count') {
          used.counts.push(Number(value));
          declared = Number(value) <= contract.maxCount;
        } else {
          used.params.add(name);
          declared = Object.hasOwn(contract.params, name);
        }
        if (!declared) used.undeclared.push(`${name}=${value}`);
      }
    }
  }

  /** The contract holds exactly what the app sends: nothing undeclared, nothing stale. */
  function expectExactly(type: SearchableType, used: Used): void {
    const contract: ResourceSearchContract = SEARCH_CONTRACT[type];
    expect(used.undeclared).withContext(`${type}: sent but not declared`).toEqual([]);
    const declaredButNotSent = `${type}: declared but never sent`;
    expect([...used.params].sort())
      .withContext(declaredButNotSent)
      .toEqual(Object.keys(contract.params).sort());
    expect([...used.sorts].sort())
      .withContext(declaredButNotSent)
      .toEqual([...contract.sorts].sort());
    expect([...used.includes].sort())
      .withContext(declaredButNotSent)
      .toEqual([...(contract.includes ?? [])].sort());
    expect(Math.max(...used.counts))
      .withContext(`${type}: the largest _count`)
      .toBe(contract.maxCount);
  }

  it('the patient list sends only the parameters, sorts and page sizes it declares, and all of them', () => {
    const patients = TestBed.inject(PatientService);
    for (const { value: sort } of PATIENT_SORTS) {
      for (const count of PAGE_SIZES) {
        patients
          .search({
            ...DEFAULT_PATIENT_SEARCH,
            name: 'smi',
            birthdate: '1982',
            gender: 'female',
            identifier: 'MRN-1',
            sort,
            count,
          })
          .subscribe();
      }
    }
    expectExactly('Patient', sentSearches('Patient'));
  });

  it("a patient's observations, latest vitals and trends send only what they declare, and all of it", () => {
    const observations = TestBed.inject(ObservationService);
    const filters = { ...NO_OBSERVATION_FILTERS, from: '2020-01-01', to: '2020-12-31' };
    observations
      .search('pat-0001', { ...filters, category: 'laboratory', code: '2345-7' })
      .subscribe();
    observations.search('pat-0001', { ...filters, code: 'http://loinc.org|8867-4' }).subscribe();
    observations.search('pat-0001', { ...filters, code: 'heart rate' }).subscribe();
    observations.recentVitals('pat-0001').subscribe();
    observations.flowsheetWindow('pat-0001', { ...filters, through: '2020-06-01' }).subscribe();
    TestBed.inject(TrendReader).read('pat-0001', '8867-4').subscribe();
    for (const list of ENCOUNTER_LISTS.filter((l) => l.type === 'Observation'))
      TestBed.inject(ChartQueries).list(list, IN_ENCOUNTER).subscribe();
    expectExactly('Observation', sentSearches('Observation'));
  });

  for (const list of CHART_SECTIONS.flatMap((section: AnySection) => [
    section,
    ...(section.also ?? []),
  ])) {
    const type = list.type;
    it(`the chart's ${type} searches send only what they declare, and all of it`, () => {
      const queries = TestBed.inject(ChartQueries);
      queries.list(list, { patient: 'pat-0001' }).subscribe();
      for (const inEncounter of ENCOUNTER_LISTS.filter((l) => l.type === type))
        queries.list(inEncounter, IN_ENCOUNTER).subscribe();
      expectExactly(type, sentSearches(type));
    });
  }
});
