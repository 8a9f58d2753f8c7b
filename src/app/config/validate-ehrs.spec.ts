import { ConfigProblem } from './config-rules';
import { validateRuntimeConfig } from './validate-config';

const BASE = {
  okta: {
    issuer: 'http://localhost:4300/oauth2/default',
    clientId: '0oalocalfhirokta0spa',
    scopes: ['openid', 'user/*.read'],
  },
  fhir: { baseUrl: 'http://localhost:4400/fhir' },
};

const LOCAL = { name: 'Local EHR', iss: 'http://localhost:4400/fhir', clientId: '0oalocal' };

function withEhrs(ehrs: unknown): unknown {
  return { ...BASE, ehrs };
}

function problems(raw: unknown): ConfigProblem[] {
  const result = validateRuntimeConfig(raw);
  return result.ok ? [] : [...result.problems];
}

function problemFields(raw: unknown): string[] {
  return problems(raw).map((p) => p.field);
}

describe('validateRuntimeConfig: the EHRs allowed to launch the app', () => {
  it('carries an empty list when config.json lists no EHRs', () => {
    const result = validateRuntimeConfig(BASE);
    expect(result.ok && result.config.ehrs).toEqual([]);
  });

  it('passes each entry on, with one trailing slash removed from iss and the name trimmed', () => {
    const result = validateRuntimeConfig(
      withEhrs([
        { ...LOCAL, iss: 'http://localhost:4400/fhir/', name: ' Local EHR ' },
        {
          name: 'Test EHR',
          iss: 'https://launcher.example/v/r4/fhir',
          clientId: 'fhirokta',
          scopes: ['launch', 'openid', 'fhirUser', 'patient/*.rs'],
        },
      ]),
    );
    expect(result.ok && result.config.ehrs).toEqual([
      LOCAL,
      {
        name: 'Test EHR',
        iss: 'https://launcher.example/v/r4/fhir',
        clientId: 'fhirokta',
        scopes: ['launch', 'openid', 'fhirUser', 'patient/*.rs'],
      },
    ]);
  });

  it('says what to put in a missing iss, name or client id', () => {
    const found = problems(withEhrs([{}]));
    expect(found.map((p) => [p.field, p.message])).toEqual([
      ['ehrs[0].name', 'is missing'],
      ['ehrs[0].iss', 'is missing'],
      ['ehrs[0].clientId', 'is missing'],
    ]);
    expect(found[0].fix).toContain('"Sign in with <name>"');
    expect(found[1].fix).toContain('exactly as the EHR sends it in a launch\'s "iss" parameter');
    expect(found[2].fix).toContain('the client id that the EHR registered for this app');
  });

  it('names what is wrong with an iss, for each URL rule', () => {
    const messageFor = (iss: string) => problems(withEhrs([{ ...LOCAL, iss }]))[0]?.message;
    expect(messageFor('http://ehr.example/fhir')).toBe(
      'must use https (http is allowed only for localhost)',
    );
    expect(messageFor('https://ehr.example/fhir?tenant=1')).toBe(
      'must not contain a query, fragment or credentials',
    );
    expect(messageFor('https://me@ehr.example/fhir')).toBe(
      'must not contain a query, fragment or credentials',
    );
    expect(messageFor('https://ehr.example/fhir/../x')).toBe(
      'must not contain "." or ".." path segments: "https://ehr.example/fhir/../x"',
    );
    expect(messageFor('https://ehr.example/%2E/fhir')).toBe(
      'must not contain "." or ".." path segments: "https://ehr.example/%2E/fhir"',
    );
    expect(messageFor('https://ehr.example/fhir//')).toBe(
      'must not contain an empty path segment ("//"): "https://ehr.example/fhir//"',
    );
    expect(messageFor('https://ehr.example\\fhir')).toBe(
      'must be a plain URL (lower-case scheme, no spaces or backslashes): "https://ehr.example\\fhir"',
    );
  });

  it('refuses a misspelt field of an entry, and suggests the right name', () => {
    const [problem] = problems(withEhrs([{ ...LOCAL, clientID: 'x' }]));
    expect(problem.field).toBe('ehrs[0].clientID');
    expect(problem.fix).toContain('Did you mean "ehrs[0].clientId"?');
    expect(problem.fix).toContain('in "ehrs[0]" are: name, iss, clientId, scopes');
  });

  it('refuses scopes that are not a non-empty list of scopes, and says how to let the app choose', () => {
    for (const scopes of [[], 'launch openid', ['launch openid'], [''], [42]]) {
      const found = problems(withEhrs([{ ...LOCAL, scopes }]));
      expect(found.map((p) => p.field))
        .withContext(JSON.stringify(scopes))
        .toEqual(['ehrs[0].scopes']);
      expect(found[0].fix).toContain('remove it to let the app choose');
    }
  });

  it('refuses a list that is not a list, and an entry that is not an object', () => {
    const [notList] = problems(withEhrs(LOCAL));
    expect([notList.field, notList.message]).toEqual(['ehrs', 'must be a list']);
    expect(notList.fix).toContain('"iss": "https://ehr.example.org/fhir/r4"');
    expect(problemFields(withEhrs([LOCAL, 'Test EHR']))).toEqual(['ehrs[1]']);
  });

  it('refuses two entries with one name, whatever the case, naming the first', () => {
    const found = problems(
      withEhrs([LOCAL, { name: 'local ehr', iss: 'https://other.example/r4', clientId: 'x' }]),
    );
    expect(found.map((p) => [p.field, p.message])).toEqual([
      ['ehrs[1].name', 'repeats the name of ehrs[0] ("Local EHR")'],
    ]);
    expect(found[0].fix).toContain('one "Sign in with <name>" button per EHR');
  });

  it('refuses two entries with one FHIR base, however it is written', () => {
    const first = { name: 'One', iss: 'https://ehr.example/fhir', clientId: 'x' };
    for (const iss of ['https://ehr.example/fhir/', 'https://EHR.example:443/fhir']) {
      const found = problems(withEhrs([first, { name: 'Other', iss, clientId: 'x' }]));
      expect(found.map((p) => p.field))
        .withContext(iss)
        .toEqual(['ehrs[1].iss']);
      expect(found[0].fix).toContain('a launch is matched to exactly one entry');
    }
  });

  it('accepts two EHRs on one host under different paths', () => {
    const ehrs = [
      { name: 'A', iss: 'https://ehr.example/a/fhir', clientId: 'x' },
      { name: 'B', iss: 'https://ehr.example/b/fhir', clientId: 'x' },
    ];
    expect(problemFields(withEhrs(ehrs))).toEqual([]);
  });

  it('reports every problem of every entry at once', () => {
    const ehrs = [
      { name: '', iss: 'http://ehr.example', clientId: 'a b' },
      { name: 'B', iss: 'https://ehr.example/./fhir', clientId: 'x', scope: ['openid'] },
    ];
    expect(problemFields(withEhrs(ehrs))).toEqual([
      'ehrs[0].name',
      'ehrs[0].iss',
      'ehrs[0].clientId',
      'ehrs[1].scope',
      'ehrs[1].iss',
    ]);
  });
});
