import appConfig from '../../../public/config.json';
import localStack from '../../../public/config-examples/local-stack.json';
import oktaIrisApiKey from '../../../public/config-examples/okta-iris-api-key.json';
import oktaIris from '../../../public/config-examples/okta-iris.json';
import oktaSmartFhir from '../../../public/config-examples/okta-smart-fhir.json';
import configSchema from '../../../public/config.schema.json';
import { Schema, schemaErrors } from './json-schema-subset.spec';
import { LOGIN_MODES, SESSION_DEFAULTS } from './runtime-config';
import {
  CONFIG_FIELDS,
  CONFIG_PATTERNS,
  REQUIRED_FIELDS,
  SESSION_LIMITS,
  validateRuntimeConfig,
} from './validate-config';

const schema = configSchema as Schema;

/** Every file in public/config-examples/, listed by hand: a new example must be added here. */
const EXAMPLES: Record<string, unknown> = {
  'config.json': appConfig,
  'config-examples/local-stack.json': localStack,
  'config-examples/okta-iris.json': oktaIris,
  'config-examples/okta-smart-fhir.json': oktaSmartFhir,
  'config-examples/okta-iris-api-key.json': oktaIrisApiKey,
};

type Json = Record<string, Record<string, unknown>>;

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** The local-stack config with one field set (`undefined` removes it). */
function withField(path: string, value: unknown, base: unknown = localStack): unknown {
  const copy = clone(base) as Json;
  const [head, tail] = path.split('.');
  const target = tail ? copy[head] : (copy as Record<string, unknown>);
  const name = tail ?? head;
  target[name] = value;
  return clone(copy); // JSON drops a field set to undefined
}

function validatorFields(raw: unknown): string[] {
  const result = validateRuntimeConfig(raw);
  return result.ok ? [] : result.problems.map((p) => p.field);
}

function node(...path: string[]): Schema {
  return path.reduce((s, name) => (s['properties'] as Record<string, Schema>)[name], schema);
}

describe('config.schema.json', () => {
  it('is a draft 2020-12 schema that refuses unknown fields at every level', () => {
    expect(schema['$schema']).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(node()['additionalProperties']).toBeFalse();
    expect(node('okta')['additionalProperties']).toBeFalse();
    expect(node('fhir')['additionalProperties']).toBeFalse();
    expect(node('session')['additionalProperties']).toBeFalse();
  });

  it('lists the same fields and required fields as the validator', () => {
    const keys = (s: Schema) => Object.keys(s['properties'] as object);
    expect(keys(node())).toEqual([...CONFIG_FIELDS['']]);
    expect(keys(node('okta'))).toEqual([...CONFIG_FIELDS.okta]);
    expect(keys(node('fhir'))).toEqual([...CONFIG_FIELDS.fhir]);
    expect(keys(node('session'))).toEqual([...CONFIG_FIELDS.session]);
    expect(node()['required']).toEqual([...REQUIRED_FIELDS['']]);
    expect(node('okta')['required']).toEqual([...REQUIRED_FIELDS.okta]);
    expect(node('fhir')['required']).toEqual([...REQUIRED_FIELDS.fhir]);
    expect(node('session')['required']).toBeUndefined();
  });

  it('uses the same patterns and login modes as the validator', () => {
    const [array, string] = node('okta', 'scopes')['oneOf'] as Schema[];
    expect(node('okta', 'issuer')['pattern']).toBe(CONFIG_PATTERNS.url);
    expect(node('fhir', 'baseUrl')['pattern']).toBe(CONFIG_PATTERNS.url);
    expect(node('okta', 'clientId')['pattern']).toBe(CONFIG_PATTERNS.clientId);
    expect((array['items'] as Schema)['pattern']).toBe(CONFIG_PATTERNS.scope);
    expect(string['pattern']).toBe(CONFIG_PATTERNS.scopeString);
    expect(node('fhir', 'apiKey')['pattern']).toBe(CONFIG_PATTERNS.apiKey);
    expect(node('loginMode')['enum']).toEqual([...LOGIN_MODES]);
    for (const name of CONFIG_FIELDS.session) {
      expect(node('session', name)['minimum']).toBe(SESSION_LIMITS[name].minimum);
      expect(node('session', name)['maximum']).toBe(SESSION_LIMITS[name].maximum);
      expect(node('session', name)['default']).toBe(SESSION_DEFAULTS[name]);
    }
  });

  it('describes every field, with examples', () => {
    const fields = [
      ...CONFIG_FIELDS[''].map((name) => [name]),
      ...CONFIG_FIELDS.okta.map((name) => ['okta', name]),
      ...CONFIG_FIELDS.fhir.map((name) => ['fhir', name]),
      ...CONFIG_FIELDS.session.map((name) => ['session', name]),
    ];
    for (const path of fields) {
      const field = node(...path);
      expect(field['description']).withContext(path.join('.')).toEqual(jasmine.any(String));
      if (path.length === 2) {
        expect((field['examples'] as unknown[]).length)
          .withContext(path.join('.'))
          .toBeGreaterThan(0);
      }
    }
  });

  it('says in the API key description that the key is public', () => {
    expect(node('fhir', 'apiKey')['description']).toContain('public');
  });
});

describe('config examples', () => {
  for (const [name, example] of Object.entries(EXAMPLES)) {
    it(`${name} is valid under the schema and the validator`, () => {
      expect(schemaErrors(schema, example)).toEqual([]);
      expect(validatorFields(example)).toEqual([]);
    });
  }

  it('each example in config-examples/ points editors at the schema', () => {
    for (const [name, example] of Object.entries(EXAMPLES)) {
      const expected = name === 'config.json' ? './config.schema.json' : '../config.schema.json';
      expect((example as Record<string, unknown>)['$schema'])
        .withContext(name)
        .toBe(expected);
    }
  });

  it('local-stack.json is public/config.json', () => {
    expect({ ...(localStack as object), $schema: null }).toEqual({
      ...(appConfig as object),
      $schema: null,
    });
  });

  it('only the API-key example sends an API key', () => {
    const keyOf = (raw: unknown) => {
      const result = validateRuntimeConfig(raw);
      return result.ok ? result.config.fhir.apiKey : 'invalid';
    };
    expect(keyOf(oktaIrisApiKey)).toEqual(jasmine.any(String));
    expect(keyOf(oktaIris)).toBeUndefined();
    expect(keyOf(oktaSmartFhir)).toBeUndefined();
    expect(keyOf(localStack)).toBeUndefined();
  });

  it("the schema's own examples are valid under both", () => {
    const examples = schema['examples'] as unknown[];
    expect(examples.length).toBeGreaterThan(0);
    for (const example of examples) {
      expect(schemaErrors(schema, example)).toEqual([]);
      expect(validatorFields(example)).toEqual([]);
    }
  });

  it("every field's examples are valid under both", () => {
    const withKey = withField('session', {}, withField('fhir.apiKeyIsPublic', true));
    for (const section of ['okta', 'fhir', 'session'] as const) {
      for (const name of CONFIG_FIELDS[section]) {
        for (const value of node(section, name)['examples'] as unknown[]) {
          const raw = withField(`${section}.${name}`, value, withKey);
          const label = `${section}.${name} = ${JSON.stringify(value)}`;
          expect(schemaErrors(schema, raw)).withContext(label).toEqual([]);
          expect(validatorFields(raw)).withContext(label).toEqual([]);
        }
      }
    }
    for (const value of node('loginMode')['examples'] as unknown[]) {
      expect(validatorFields(withField('loginMode', value))).toEqual([]);
      expect(schemaErrors(schema, withField('loginMode', value))).toEqual([]);
    }
  });
});

describe('config.schema.json and validateRuntimeConfig agree', () => {
  const accepted: [string, unknown][] = [
    ['no loginMode (defaults to redirect)', withField('loginMode', undefined)],
    ['widget login', withField('loginMode', 'widget')],
    ['scopes as one string', withField('okta.scopes', '  openid profile  user/*.read ')],
    ['DPoP on', withField('okta.dpop', true)],
    ['Classic Engine off', withField('okta.useClassicEngine', false)],
    ['trailing slash on the FHIR base', withField('fhir.baseUrl', 'http://localhost:4400/fhir/')],
    ['127.0.0.1 over http', withField('fhir.baseUrl', 'http://127.0.0.1:4400/fhir')],
    ['a FHIR base at the root of a host', withField('fhir.baseUrl', 'https://fhir.example.com')],
    ['acknowledgement without a key', withField('fhir.apiKeyIsPublic', false)],
    ['no $schema', withField('$schema', undefined)],
    ['no session section (defaults)', withField('session', undefined)],
    ['idle sign-out off', withField('session', { idleMinutes: 0 })],
    [
      'a short idle limit in minutes',
      withField('session', { idleMinutes: 0.5, warningSeconds: 10 }),
    ],
  ];

  for (const [name, raw] of accepted) {
    it(`both accept: ${name}`, () => {
      expect(schemaErrors(schema, raw)).toEqual([]);
      expect(validatorFields(raw)).toEqual([]);
    });
  }

  const apiKey = (key: unknown, acknowledged?: unknown): unknown =>
    withField(
      'fhir',
      acknowledged === undefined
        ? { baseUrl: 'https://fhir.example.com/r4', apiKey: key }
        : { baseUrl: 'https://fhir.example.com/r4', apiKey: key, apiKeyIsPublic: acknowledged },
    );

  /** [description, broken config, the field both must name] — at least one per field. */
  const refused: [string, unknown, string][] = [
    ['$schema not a string', withField('$schema', 42), '$schema'],
    ['okta not an object', withField('okta', 'okta'), 'okta'],
    ['fhir not an object', withField('fhir', ['x']), 'fhir'],
    ['missing okta', withField('okta', undefined), 'okta'],
    ['missing issuer', withField('okta.issuer', undefined), 'okta.issuer'],
    ['issuer not a URL', withField('okta.issuer', 'not a url'), 'okta.issuer'],
    [
      'issuer over http',
      withField('okta.issuer', 'http://o.okta.com/oauth2/default'),
      'okta.issuer',
    ],
    [
      'issuer with a query',
      withField('okta.issuer', 'https://o.okta.com/oauth2/x?a=1'),
      'okta.issuer',
    ],
    [
      'http on a look-alike of localhost',
      withField('okta.issuer', 'http://localhost.evil.test/x'),
      'okta.issuer',
    ],
    ['missing client id', withField('okta.clientId', undefined), 'okta.clientId'],
    ['client id with odd characters', withField('okta.clientId', 'a b<'), 'okta.clientId'],
    ['missing scopes', withField('okta.scopes', undefined), 'okta.scopes'],
    ['empty scopes', withField('okta.scopes', []), 'okta.scopes'],
    ['scopes without openid', withField('okta.scopes', ['profile']), 'okta.scopes'],
    ['scope string without openid', withField('okta.scopes', 'profile openidx'), 'okta.scopes'],
    [
      'a scope with a space',
      withField('okta.scopes', ['openid', 'user/*.read profile']),
      'okta.scopes',
    ],
    ['scopes as a number', withField('okta.scopes', 42), 'okta.scopes'],
    [
      'useClassicEngine not boolean',
      withField('okta.useClassicEngine', 1),
      'okta.useClassicEngine',
    ],
    ['dpop not boolean', withField('okta.dpop', 'yes'), 'okta.dpop'],
    ['unknown login mode', withField('loginMode', 'popup'), 'loginMode'],
    ['null login mode', withField('loginMode', null), 'loginMode'],
    ['missing fhir', withField('fhir', undefined), 'fhir'],
    ['missing FHIR base', withField('fhir.baseUrl', undefined), 'fhir.baseUrl'],
    [
      'FHIR base over http',
      withField('fhir.baseUrl', 'http://fhir.example.com/fhir'),
      'fhir.baseUrl',
    ],
    [
      'FHIR base with credentials',
      withField('fhir.baseUrl', 'https://u:p@fhir.example.com'),
      'fhir.baseUrl',
    ],
    [
      'FHIR base with a fragment',
      withField('fhir.baseUrl', 'https://fhir.example.com/r4#x'),
      'fhir.baseUrl',
    ],
    ['API key without acknowledgement', apiKey('k3y'), 'fhir.apiKeyIsPublic'],
    ['API key acknowledged false', apiKey('k3y', false), 'fhir.apiKeyIsPublic'],
    ['acknowledgement not boolean', apiKey('k3y', 'yes'), 'fhir.apiKeyIsPublic'],
    ['empty API key', apiKey('', true), 'fhir.apiKey'],
    ['API key with a space', apiKey('a key', true), 'fhir.apiKey'],
    ['API key not a string', apiKey(1234, true), 'fhir.apiKey'],
    ['top-level typo', withField('loginmode', 'widget'), 'loginmode'],
    [
      'okta typo "issuerr"',
      withField('okta.issuerr', 'https://o.okta.com/oauth2/default'),
      'okta.issuerr',
    ],
    ['fhir typo "apikey"', withField('fhir.apikey', 'k3y'), 'fhir.apikey'],
    ['session not an object', withField('session', 15), 'session'],
    ['idle minutes as text', withField('session', { idleMinutes: '15' }), 'session.idleMinutes'],
    ['negative idle minutes', withField('session', { idleMinutes: -1 }), 'session.idleMinutes'],
    ['idle limit over a day', withField('session', { idleMinutes: 1441 }), 'session.idleMinutes'],
    ['a warning too short', withField('session', { warningSeconds: 1 }), 'session.warningSeconds'],
    ['session typo', withField('session', { idleMinute: 5 }), 'session.idleMinute'],
  ];

  for (const [name, raw, field] of refused) {
    it(`both refuse, naming ${field}: ${name}`, () => {
      expect(schemaErrors(schema, raw)).toContain(field);
      expect(validatorFields(raw)).toContain(field);
    });
  }
});
