import appConfig from '../../../public/config.json';
import localStack from '../../../public/config-examples/local-stack.json';
import oktaIrisApiKey from '../../../public/config-examples/okta-iris-api-key.json';
import oktaIris from '../../../public/config-examples/okta-iris.json';
import oktaSmartFhir from '../../../public/config-examples/okta-smart-fhir.json';
import {
  CONFIG_SCHEMA,
  Schema,
  schemaErrors,
  schemaNode as node,
  withField,
} from '../../testing/config-schema';
import { CONFIG_FIELDS, CONFIG_PATTERNS, REQUIRED_FIELDS, SESSION_LIMITS } from './config-rules';
import { LOGIN_MODES, SESSION_DEFAULTS } from './runtime-config';
import { validateRuntimeConfig } from './validate-config';

/** Every file in public/config-examples/, listed by hand: a new example must be added here. */
const EXAMPLES: Record<string, unknown> = {
  'config.json': appConfig,
  'config-examples/local-stack.json': localStack,
  'config-examples/okta-iris.json': oktaIris,
  'config-examples/okta-smart-fhir.json': oktaSmartFhir,
  'config-examples/okta-iris-api-key.json': oktaIrisApiKey,
};

/** Each object of config.json and where it sits in the schema. */
const OBJECTS: Record<keyof typeof CONFIG_FIELDS, string[]> = {
  '': [],
  okta: ['okta'],
  fhir: ['fhir'],
  session: ['session'],
  ehrs: ['ehrs', 'items'],
};

function validatorFields(raw: unknown): string[] {
  const result = validateRuntimeConfig(raw);
  return result.ok ? [] : result.problems.map((p) => p.field);
}

describe('config.schema.json', () => {
  it('is a draft 2020-12 schema that refuses unknown fields at every level', () => {
    expect(CONFIG_SCHEMA['$schema']).toBe('https://json-schema.org/draft/2020-12/schema');
    for (const [name, path] of Object.entries(OBJECTS)) {
      expect(node(...path)['additionalProperties'])
        .withContext(name)
        .toBeFalse();
    }
  });

  it('lists the same fields and required fields as the validator', () => {
    for (const [name, path] of Object.entries(OBJECTS) as [keyof typeof OBJECTS, string[]][]) {
      expect(Object.keys(node(...path)['properties'] as object))
        .withContext(name)
        .toEqual([...CONFIG_FIELDS[name]]);
      const required = REQUIRED_FIELDS[name] as readonly string[];
      expect(node(...path)['required'])
        .withContext(name)
        .toEqual(required.length ? [...required] : undefined);
    }
  });

  it('uses the same patterns and login modes as the validator', () => {
    const [array, string] = node('okta', 'scopes')['oneOf'] as Schema[];
    expect(node('okta', 'issuer')['pattern']).toBe(CONFIG_PATTERNS.url);
    expect(node('fhir', 'baseUrl')['pattern']).toBe(CONFIG_PATTERNS.url);
    expect(node('ehrs', 'items', 'iss')['pattern']).toBe(CONFIG_PATTERNS.url);
    expect(node('okta', 'clientId')['pattern']).toBe(CONFIG_PATTERNS.clientId);
    expect(node('ehrs', 'items', 'clientId')['pattern']).toBe(CONFIG_PATTERNS.clientId);
    expect(node('ehrs', 'items', 'name')['pattern']).toBe(CONFIG_PATTERNS.name);
    expect((array['items'] as Schema)['pattern']).toBe(CONFIG_PATTERNS.scope);
    expect((node('ehrs', 'items', 'scopes')['items'] as Schema)['pattern']).toBe(
      CONFIG_PATTERNS.scope,
    );
    expect(string['pattern']).toBe(CONFIG_PATTERNS.scopeString);
    expect(node('fhir', 'apiKey')['pattern']).toBe(CONFIG_PATTERNS.apiKey);
    expect(node('loginMode')['enum']).toEqual([...LOGIN_MODES]);
    for (const name of CONFIG_FIELDS.session) {
      expect(node('session', name)['minimum']).toBe(SESSION_LIMITS[name].minimum);
      expect(node('session', name)['maximum']).toBe(SESSION_LIMITS[name].maximum);
      expect(node('session', name)['default']).toBe(SESSION_DEFAULTS[name]);
    }
    expect(node('ehrs')['default']).toEqual([]);
  });

  it('describes every field, with examples', () => {
    const fields = Object.entries(OBJECTS).flatMap(([name, path]) =>
      CONFIG_FIELDS[name as keyof typeof OBJECTS].map((field) => [...path, field]),
    );
    for (const path of fields) {
      const field = node(...path);
      expect(field['description']).withContext(path.join('.')).toEqual(jasmine.any(String));
      if (path.length >= 2) {
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
      expect(schemaErrors(example)).toEqual([]);
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

  it('the default config lets the local stack launch the app, as an EHR', () => {
    const result = validateRuntimeConfig(appConfig);
    expect(result.ok && result.config.ehrs).toEqual([
      { name: 'Local EHR', iss: 'http://localhost:4400/fhir', clientId: '0oalocalfhirokta0spa' },
    ]);
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
    const examples = CONFIG_SCHEMA['examples'] as unknown[];
    expect(examples.length).toBeGreaterThan(0);
    for (const example of examples) {
      expect(schemaErrors(example)).toEqual([]);
      expect(validatorFields(example)).toEqual([]);
    }
  });

  it("every field's examples are valid under both", () => {
    const base = withField(withField(localStack, 'session', {}), 'fhir.apiKeyIsPublic', true);
    const cases: [string, unknown][] = [
      ...(node('loginMode')['examples'] as unknown[]).map((v): [string, unknown] => [
        'loginMode',
        v,
      ]),
      ...(node('ehrs')['examples'] as unknown[]).map((v): [string, unknown] => ['ehrs', v]),
    ];
    for (const section of ['okta', 'fhir', 'session'] as const) {
      for (const name of CONFIG_FIELDS[section]) {
        for (const value of node(section, name)['examples'] as unknown[]) {
          cases.push([`${section}.${name}`, value]);
        }
      }
    }
    for (const name of CONFIG_FIELDS.ehrs) {
      for (const value of node('ehrs', 'items', name)['examples'] as unknown[]) {
        cases.push([`ehrs[0].${name}`, value]);
      }
    }
    for (const [path, value] of cases) {
      const raw = withField(base, path, value);
      const label = `${path} = ${JSON.stringify(value)}`;
      expect(schemaErrors(raw)).withContext(label).toEqual([]);
      expect(validatorFields(raw)).withContext(label).toEqual([]);
    }
  });
});
