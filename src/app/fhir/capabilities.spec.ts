import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { RUNTIME_CONFIG } from '../config/runtime-config-token';
import { TEST_CONFIG, TEST_FHIR_BASE } from '../../testing/test-config';
import { CapabilityService } from './capabilities';
import { parseCapabilities, parseSmartConfiguration } from './capability-statement';

describe('parseCapabilities', () => {
  const statement = {
    resourceType: 'CapabilityStatement',
    rest: [
      {
        mode: 'client',
        resource: [{ type: 'Observation', interaction: [{ code: 'search-type' }] }],
      },
      {
        mode: 'server',
        resource: [
          {
            type: 'Patient',
            interaction: [{ code: 'read' }, { code: 'search-type' }],
            searchParam: [
              { name: 'name' },
              { name: 'gender' },
              { name: '_sort', documentation: 'Sort keys, - for descending: name | _id' },
              { name: '_total' },
            ],
          },
          {
            type: 'Encounter',
            interaction: [{ code: 'search-type' }],
            searchParam: [{ name: 'date' }, { name: '_sort' }],
          },
          {
            type: 'Procedure',
            interaction: [{ code: 'search-type' }],
            searchParam: [{ name: 'date' }],
          },
          { type: 'Observation', interaction: [{ code: 'read' }] },
          { type: 'Condition', interaction: [{ code: 'search-type' }] },
        ],
      },
    ],
  };

  it('knows which types the server can search, from its server-mode entries only', () => {
    const caps = parseCapabilities(statement);
    expect(caps.known).toBeTrue();
    expect(caps.searchable('Patient')).toBeTrue();
    expect(caps.searchable('Observation')).toBeFalse();
    expect(caps.searchable('Location')).toBeFalse();
  });

  it('knows the listed parameters, a modifier counting as its parameter', () => {
    const caps = parseCapabilities(statement);
    expect(caps.supportsParam('Patient', 'name')).toBeTrue();
    expect(caps.supportsParam('Patient', 'name:exact')).toBeTrue();
    expect(caps.supportsParam('Patient', 'birthdate')).toBeFalse();
    expect(caps.supportsParam('Observation', 'code')).toBeFalse();
  });

  it('takes a searchable type that lists no parameters as taking them all, and every sort', () => {
    const caps = parseCapabilities(statement);
    expect(caps.supportsParam('Condition', 'code')).toBeTrue();
    expect(caps.supportsSort('Condition', '-date')).toBeTrue();
  });

  it('sorts only by the keys _sort names, either way round', () => {
    const caps = parseCapabilities(statement);
    expect(caps.sortKeys('Patient')).toEqual(['name', '_id']);
    expect(caps.supportsSort('Patient', 'name')).toBeTrue();
    expect(caps.supportsSort('Patient', '-name')).toBeTrue();
    expect(caps.supportsSort('Patient', 'birthdate')).toBeFalse();
  });

  it('takes a listed _sort without keys as any sort, and no _sort among listed parameters as none', () => {
    const caps = parseCapabilities(statement);
    expect(caps.sortKeys('Encounter')).toBeUndefined();
    expect(caps.supportsSort('Encounter', '-date')).toBeTrue();
    expect(caps.supportsSort('Procedure', 'date')).toBeFalse();
  });

  it('knows what it lists by name only, for what is sent only when asked for (_total)', () => {
    const caps = parseCapabilities(statement);
    expect(caps.lists('Patient', '_total')).toBeTrue();
    expect(caps.lists('Encounter', '_total')).toBeFalse();
    expect(caps.lists('Condition', '_total')).toBeFalse();
  });

  it('knows a SMART server by its security service or its OAuth URIs', () => {
    expect(parseCapabilities(statement).smart).toBeFalse();
    const smart = (security: object) =>
      parseCapabilities({ resourceType: 'CapabilityStatement', rest: [{ security }] }).smart;
    expect(smart({ service: [{ coding: [{ code: 'SMART-on-FHIR' }] }] })).toBeTrue();
    expect(
      smart({
        extension: [
          { url: 'http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris' },
        ],
      }),
    ).toBeTrue();
    expect(smart({ cors: true })).toBeFalse();
  });

  it('assumes nothing is missing when the statement is missing or unreadable', () => {
    for (const broken of [undefined, 'not json', { resourceType: 'OperationOutcome' }, {}]) {
      const caps = parseCapabilities(broken);
      expect(caps.known).toBeFalse();
      expect(caps.searchable('Observation')).toBeTrue();
      expect(caps.supportsParam('Patient', 'birthdate')).toBeTrue();
      expect(caps.supportsSort('Patient', 'birthdate')).toBeTrue();
      expect(caps.lists('Patient', '_total')).toBeFalse();
      expect(caps.smart).toBeFalse();
    }
  });
});

describe('parseSmartConfiguration', () => {
  it('knows whether DPoP is advertised', () => {
    expect(parseSmartConfiguration({ dpop_signing_alg_values_supported: ['RS256'] })).toEqual({
      known: true,
      dpop: true,
    });
    expect(parseSmartConfiguration({ issuer: 'https://issuer.example' })).toEqual({
      known: true,
      dpop: false,
    });
  });

  it('knows nothing from a missing or unreadable document', () => {
    for (const broken of [undefined, null, 'text', ['RS256']]) {
      expect(parseSmartConfiguration(broken)).toEqual({ known: false, dpop: undefined });
    }
  });
});

describe('CapabilityService', () => {
  let service: CapabilityService;
  let controller: HttpTestingController;
  const smartStatement = {
    resourceType: 'CapabilityStatement',
    rest: [{ mode: 'server', security: { service: [{ coding: [{ code: 'SMART-on-FHIR' }] }] } }],
  };

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: RUNTIME_CONFIG, useValue: TEST_CONFIG },
      ],
    });
    service = TestBed.inject(CapabilityService);
    controller = TestBed.inject(HttpTestingController);
  });

  afterEach(() => controller.verify());

  it("reads a SMART server's configuration once, after its statement", () => {
    service.load();
    service.load();
    controller.expectOne(`${TEST_FHIR_BASE}/metadata`).flush(smartStatement);
    controller
      .expectOne(`${TEST_FHIR_BASE}/.well-known/smart-configuration`)
      .flush({ dpop_signing_alg_values_supported: ['RS256', 'ES256'] });
    expect(service.current().smart).toBeTrue();
    expect(service.smart()).toEqual({ known: true, dpop: true });
  });

  it('does not ask a server that does not say it is a SMART server', () => {
    service.load();
    controller
      .expectOne(`${TEST_FHIR_BASE}/metadata`)
      .flush({ resourceType: 'CapabilityStatement', rest: [{ mode: 'server' }] });
    controller.expectNone(`${TEST_FHIR_BASE}/.well-known/smart-configuration`);
    expect(service.smart().known).toBeFalse();
  });

  it('keeps the defaults when either document cannot be read', () => {
    service.load();
    controller.expectOne(`${TEST_FHIR_BASE}/metadata`).flush(smartStatement);
    controller
      .expectOne(`${TEST_FHIR_BASE}/.well-known/smart-configuration`)
      .flush('Not found', { status: 404, statusText: 'Not Found' });
    expect(service.current().known).toBeTrue();
    expect(service.smart()).toEqual({ known: false, dpop: undefined });
  });
});
