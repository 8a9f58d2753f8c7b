// config.schema.json (through Ajv) and validateRuntimeConfig must accept and refuse the same files, and
// name the same field. Besides hand-picked cases, configs are generated from the field lists: every URL
// field against the same good and bad URLs, every required field removed, every object given an unknown
// field, every field given a value of the wrong type.
import localStack from '../../../public/config-examples/local-stack.json';
import { schemaErrors, withField } from '../../testing/config-schema';
import { CONFIG_FIELDS, REQUIRED_FIELDS } from './config-rules';
import { validateRuntimeConfig } from './validate-config';

function validatorFields(raw: unknown): string[] {
  const result = validateRuntimeConfig(raw);
  return result.ok ? [] : result.problems.map((p) => p.field);
}

const set = (path: string, value: unknown, base: unknown = localStack) =>
  withField(base, path, value);

const URL_FIELDS = ['okta.issuer', 'fhir.baseUrl', 'ehrs[0].iss'];

const GOOD_URLS = [
  'https://fhir.example.com',
  'https://fhir.example.com/',
  'https://fhir.example.com/r4/',
  'https://fhir.example.com:8443/r4',
  'http://localhost:4400/fhir',
  'http://127.0.0.1:4400/fhir/',
  // Look-alikes are valid URLs; a launch's iss must still equal the configured one exactly.
  'https://ehr.example/fhir.evil.test',
  'https://ehr.example/fhir/.well-known',
];

const BAD_URLS: unknown[] = [
  '',
  42,
  'not a url',
  'ftp://fhir.example.com/r4',
  'HTTPS://fhir.example.com/r4',
  'http://fhir.example.com/fhir',
  'http://localhost.evil.test/x',
  'https://u:p@fhir.example.com',
  'https://ehr.example@evil.test/fhir',
  'https://fhir.example.com/r4?a=1',
  'https://fhir.example.com/r4#x',
  'https://fhir.example.com/r4/../x',
  'https://fhir.example.com/r4/..',
  'https://fhir.example.com/r4/./x',
  'https://fhir.example.com/%2e%2e/x',
  'https://fhir.example.com/r4/.%2E',
  'https://fhir.example.com\\r4',
  'https://fhir.example.com/r4//',
  'https://fhir.example.com//r4',
  'https://fhir.example.com/r 4',
  'https://fhir.example.com/r4\t',
  ' https://fhir.example.com/r4',
];

/** Every leaf field of the local-stack config, as a path. */
const LEAVES = [
  ...['$schema', 'loginMode'],
  ...(['okta', 'fhir', 'session'] as const).flatMap((s) =>
    CONFIG_FIELDS[s].map((f) => `${s}.${f}`),
  ),
  ...CONFIG_FIELDS.ehrs.map((f) => `ehrs[0].${f}`),
];

describe('config.schema.json and validateRuntimeConfig agree', () => {
  const accepted: [string, unknown][] = [
    ['no loginMode (defaults to redirect)', set('loginMode', undefined)],
    ['widget login', set('loginMode', 'widget')],
    ['scopes as one string', set('okta.scopes', '  openid profile  user/*.read ')],
    ['DPoP on', set('okta.dpop', true)],
    ['Classic Engine off', set('okta.useClassicEngine', false)],
    ['acknowledgement without a key', set('fhir.apiKeyIsPublic', false)],
    ['no $schema', set('$schema', undefined)],
    ['no session section (defaults)', set('session', undefined)],
    ['idle sign-out off', set('session', { idleMinutes: 0 })],
    ['a short idle limit in minutes', set('session', { idleMinutes: 0.5, warningSeconds: 10 })],
    ['no EHRs', set('ehrs', undefined)],
    ['an empty EHR list', set('ehrs', [])],
    ['an EHR with its own scopes', set('ehrs[0].scopes', ['launch', 'openid', 'patient/*.rs'])],
    ['an EHR with a one-word name', set('ehrs[0].name', 'Epic')],
    [
      'two EHRs',
      set('ehrs[1]', { name: 'Test EHR', iss: 'https://launcher.example/r4', clientId: 'x' }),
    ],
    ...URL_FIELDS.flatMap((field) =>
      GOOD_URLS.map((url): [string, unknown] => [`${field} = ${url}`, set(field, url)]),
    ),
  ];

  for (const [name, raw] of accepted) {
    it(`both accept: ${name}`, () => {
      expect(schemaErrors(raw)).toEqual([]);
      expect(validatorFields(raw)).toEqual([]);
    });
  }

  const apiKey = (key: unknown, acknowledged?: unknown): unknown =>
    set(
      'fhir',
      acknowledged === undefined
        ? { baseUrl: 'https://fhir.example.com/r4', apiKey: key }
        : { baseUrl: 'https://fhir.example.com/r4', apiKey: key, apiKeyIsPublic: acknowledged },
    );

  /** [description, broken config, the field both must name]. */
  const refused: [string, unknown, string][] = [
    ['okta not an object', set('okta', 'okta'), 'okta'],
    ['fhir not an object', set('fhir', ['x']), 'fhir'],
    ['session not an object', set('session', 15), 'session'],
    ['ehrs not a list', set('ehrs', { name: 'x' }), 'ehrs'],
    ['an EHR that is not an object', set('ehrs[0]', 'Local EHR'), 'ehrs[0]'],
    ['empty scopes', set('okta.scopes', []), 'okta.scopes'],
    ['scopes without openid', set('okta.scopes', ['profile']), 'okta.scopes'],
    ['scope string without openid', set('okta.scopes', 'profile openidx'), 'okta.scopes'],
    ['a scope with a space', set('okta.scopes', ['openid', 'user/*.read profile']), 'okta.scopes'],
    ['client id with odd characters', set('okta.clientId', 'a b<'), 'okta.clientId'],
    ['unknown login mode', set('loginMode', 'popup'), 'loginMode'],
    ['null login mode', set('loginMode', null), 'loginMode'],
    ['API key without acknowledgement', apiKey('k3y'), 'fhir.apiKeyIsPublic'],
    ['API key acknowledged false', apiKey('k3y', false), 'fhir.apiKeyIsPublic'],
    ['acknowledgement not boolean', apiKey('k3y', 'yes'), 'fhir.apiKeyIsPublic'],
    ['empty API key', apiKey('', true), 'fhir.apiKey'],
    ['API key with a space', apiKey('a key', true), 'fhir.apiKey'],
    ['top-level typo', set('loginmode', 'widget'), 'loginmode'],
    ['okta typo "issuerr"', set('okta.issuerr', 'https://o.okta.com/x'), 'okta.issuerr'],
    ['fhir typo "apikey"', set('fhir.apikey', 'k3y'), 'fhir.apikey'],
    ['session typo', set('session', { idleMinute: 5 }), 'session.idleMinute'],
    ['EHR typo "clientID"', set('ehrs[0].clientID', 'x'), 'ehrs[0].clientID'],
    ['negative idle minutes', set('session', { idleMinutes: -1 }), 'session.idleMinutes'],
    ['idle limit over a day', set('session', { idleMinutes: 1441 }), 'session.idleMinutes'],
    ['a warning too short', set('session', { warningSeconds: 1 }), 'session.warningSeconds'],
    ['an EHR name of spaces', set('ehrs[0].name', '   '), 'ehrs[0].name'],
    ['an empty EHR name', set('ehrs[0].name', ''), 'ehrs[0].name'],
    ['an EHR client id with a dot', set('ehrs[0].clientId', 'my.app'), 'ehrs[0].clientId'],
    ['an empty EHR client id', set('ehrs[0].clientId', ''), 'ehrs[0].clientId'],
    ['empty EHR scopes', set('ehrs[0].scopes', []), 'ehrs[0].scopes'],
    ['EHR scopes as one string', set('ehrs[0].scopes', 'launch openid'), 'ehrs[0].scopes'],
    ['an EHR scope with a space', set('ehrs[0].scopes', ['launch openid']), 'ehrs[0].scopes'],
    ['an empty EHR scope', set('ehrs[0].scopes', ['launch', '']), 'ehrs[0].scopes'],
    ...URL_FIELDS.flatMap((field) =>
      BAD_URLS.map((url): [string, unknown, string] => [
        `${field} = ${JSON.stringify(url)}`,
        set(field, url),
        field,
      ]),
    ),
    ...(['', 'okta', 'fhir', 'ehrs[0]'] as const).flatMap((at) => {
      const section = at === 'ehrs[0]' ? 'ehrs' : at;
      return REQUIRED_FIELDS[section].map((name): [string, unknown, string] => {
        const field = at ? `${at}.${name}` : name;
        return [`missing ${field}`, set(field, undefined), field];
      });
    }),
    ...(['', 'okta', 'fhir', 'session', 'ehrs[0]'] as const).map(
      (at): [string, unknown, string] => {
        const field = at ? `${at}.unknownField` : 'unknownField';
        return [`unknown ${field}`, set(field, 1), field];
      },
    ),
    ...LEAVES.map((field): [string, unknown, string] => [
      `${field} of the wrong type`,
      set(field, { wrong: 'type' }, set('fhir.apiKeyIsPublic', true)),
      field,
    ]),
  ];

  for (const [name, raw, field] of refused) {
    it(`both refuse, naming ${field}: ${name}`, () => {
      // The schema may name the list item ("ehrs[0].scopes[1]") where the validator names the list.
      const schemaFields = schemaErrors(raw).flatMap((f) => [f, f.replace(/\[\d+\]$/, '')]);
      expect(schemaFields).toContain(field);
      expect(validatorFields(raw)).toContain(field);
    });
  }

  // JSON Schema cannot compare two fields, or two entries of a list by one field: the validator alone
  // enforces these, and the schema's descriptions say so.
  const validatorOnly: [string, unknown, string][] = [
    [
      'a warning as long as the idle limit',
      set('session', { idleMinutes: 1, warningSeconds: 60 }),
      'session.warningSeconds',
    ],
    [
      'two EHRs with one name',
      set('ehrs[1]', { name: 'local ehr', iss: 'https://other.example/r4', clientId: 'x' }),
      'ehrs[1].name',
    ],
    [
      'two EHRs with one FHIR base (a trailing slash, host case and default port aside)',
      set('ehrs', [
        { name: 'One', iss: 'https://ehr.example/fhir', clientId: 'x' },
        { name: 'Two', iss: 'https://EHR.example:443/fhir/', clientId: 'x' },
      ]),
      'ehrs[1].iss',
    ],
  ];

  for (const [name, raw, field] of validatorOnly) {
    it(`only the validator refuses, naming ${field}: ${name}`, () => {
      expect(schemaErrors(raw)).toEqual([]);
      expect(validatorFields(raw)).toEqual([field]);
    });
  }
});
