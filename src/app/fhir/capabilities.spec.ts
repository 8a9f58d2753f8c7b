import { parseCapabilities } from './capabilities';

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
            searchParam: [{ name: 'name' }, { name: 'gender' }],
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
    expect(caps.searchable('Encounter')).toBeFalse();
  });

  it('knows the listed parameters, a modifier counting as its parameter', () => {
    const caps = parseCapabilities(statement);
    expect(caps.supportsParam('Patient', 'name')).toBeTrue();
    expect(caps.supportsParam('Patient', 'name:exact')).toBeTrue();
    expect(caps.supportsParam('Patient', 'birthdate')).toBeFalse();
    expect(caps.supportsParam('Observation', 'code')).toBeFalse();
  });

  it('takes a searchable type that lists no parameters as taking them all', () => {
    expect(parseCapabilities(statement).supportsParam('Condition', 'code')).toBeTrue();
  });

  it('assumes nothing is missing when the statement is missing or unreadable', () => {
    for (const broken of [undefined, 'not json', { resourceType: 'OperationOutcome' }, {}]) {
      const caps = parseCapabilities(broken);
      expect(caps.known).toBeFalse();
      expect(caps.searchable('Observation')).toBeTrue();
      expect(caps.supportsParam('Patient', 'birthdate')).toBeTrue();
    }
  });
});
