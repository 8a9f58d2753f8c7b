import {
  CONFIG_PATTERNS,
  ConfigProblem,
  JsonObject,
  REQUIRED_FIELDS,
  SESSION_LIMITS,
  CONFIG_FIELDS,
  FieldReader,
  checkObject,
  checkUnknownFields,
  isObject,
  isScope,
} from './config-rules';
import {
  LOGIN_MODES,
  LoginMode,
  RuntimeConfig,
  SESSION_DEFAULTS,
  SessionSettings,
} from './runtime-config';
import type { Outcome } from '../shared/outcome';
import { checkEhrs } from './validate-ehrs';

export type ConfigValidation = Outcome<
  { config: RuntimeConfig },
  { problems: readonly ConfigProblem[] }
>;

const API_KEY_PATTERN = new RegExp(CONFIG_PATTERNS.apiKey);

export const API_KEY_RISK =
  'A key in config.json is public: anyone who can open this app can read it (from config.json or ' +
  "the browser's network tab) and call the FHIR server with it.";

type Section = 'okta' | 'fhir' | 'session';

/** The fix for a base URL, with an example of the right shape. */
function urlFix(field: string, example: string): string {
  return `Set "${field}" to an absolute https URL, for example "${example}".`;
}

/** What to write in each field of "okta" and "fhir", for the person fixing the file. */
const OKTA_FIXES = {
  issuer: urlFix('okta.issuer', 'https://your-org.okta.com/oauth2/default'),
  clientId: 'Set "okta.clientId" to the Client ID of your Okta single-page app integration.',
  scopes:
    'Set "okta.scopes" to an array of scope strings that includes "openid", for example ' +
    '["openid", "profile", "email", "offline_access", "user/*.read"].',
  useClassicEngine: 'Remove "okta.useClassicEngine" or set it to true or false.',
  dpop: 'Remove "okta.dpop" or set it to true (DPoP-bound tokens) or false (Bearer).',
};

const FHIR_FIXES = {
  baseUrl: urlFix('fhir.baseUrl', 'https://fhir.example.com/r4'),
  apiKey: 'Set "fhir.apiKey" to the key exactly as the FHIR server issued it, or remove it.',
  apiKeyIsPublic: 'Remove "fhir.apiKeyIsPublic", or set it to true together with "fhir.apiKey".',
};

const SESSION_FIXES = {
  idleMinutes:
    'Set "session.idleMinutes" to the minutes without activity before automatic sign-out ' +
    `(${SESSION_DEFAULTS.idleMinutes} by default; 0 turns it off).`,
  warningSeconds:
    'Set "session.warningSeconds" to how many seconds before sign-out the warning appears ' +
    `(${SESSION_DEFAULTS.warningSeconds} by default).`,
};

/** A list of scopes, or one space-separated string of them, that includes "openid". */
function checkScopes(value: unknown, okta: FieldReader<'scopes'>): string[] | undefined {
  const scopes = typeof value === 'string' ? value.split(/\s+/).filter(Boolean) : value;
  if (!Array.isArray(scopes) || scopes.length === 0) {
    return okta.refuse('scopes', 'is missing or empty');
  }
  if (!scopes.every(isScope)) {
    return okta.refuse('scopes', 'must contain only non-empty strings without spaces');
  }
  if (!scopes.includes('openid')) return okta.refuse('scopes', 'must include "openid"');
  return scopes as string[];
}

/** A section ("okta", "fhir") must be present, and an object; its unknown fields are refused. */
function section(
  raw: JsonObject,
  name: Section,
  problems: ConfigProblem[],
): JsonObject | undefined {
  const value = raw[name];
  const required = REQUIRED_FIELDS[name].map((field) => `"${field}"`).join(', ');
  if (value === undefined && name === 'session') return {};
  if (value === undefined) {
    problems.push({
      field: name,
      message: 'is missing',
      fix: `Add an "${name}" object with ${required}, like the one in public/config.json.`,
    });
    return undefined;
  }
  const fix =
    name === 'session'
      ? 'Make "session" an object such as { "idleMinutes": 15, "warningSeconds": 60 }, or remove it.'
      : `Make "${name}" an object with ${required}, like the one in public/config.json.`;
  return checkObject(value, name, name, fix, problems);
}

function checkSession(session: JsonObject, problems: ConfigProblem[]): SessionSettings {
  const field = new FieldReader(session, 'session', SESSION_FIXES, problems);
  const idleMinutes =
    field.optionalNumber('idleMinutes', SESSION_LIMITS.idleMinutes) ?? SESSION_DEFAULTS.idleMinutes;
  const warningSeconds =
    field.optionalNumber('warningSeconds', SESSION_LIMITS.warningSeconds) ??
    SESSION_DEFAULTS.warningSeconds;
  if (idleMinutes > 0 && warningSeconds >= idleMinutes * 60) {
    field.refuse(
      'warningSeconds',
      `must be shorter than the idle limit (${idleMinutes * 60} seconds)`,
      'Lower "session.warningSeconds" or raise "session.idleMinutes".',
    );
  }
  return { idleMinutes, warningSeconds };
}

function checkOkta(okta: JsonObject, problems: ConfigProblem[]): RuntimeConfig['okta'] | undefined {
  const before = problems.length;
  const field = new FieldReader(okta, 'okta', OKTA_FIXES, problems);
  const issuer = field.baseUrl('issuer');
  const clientId = field.clientId('clientId');
  const scopes = checkScopes(okta['scopes'], field);
  const useClassicEngine = field.optionalBoolean('useClassicEngine');
  const dpop = field.optionalBoolean('dpop');
  if (problems.length > before) return undefined;
  return {
    issuer: issuer as string,
    clientId: clientId as string,
    scopes: scopes as string[],
    ...(useClassicEngine === true ? { useClassicEngine: true } : {}),
    ...(dpop === true ? { dpop: true } : {}),
  };
}

function checkFhir(fhir: JsonObject, problems: ConfigProblem[]): RuntimeConfig['fhir'] | undefined {
  const before = problems.length;
  const field = new FieldReader(fhir, 'fhir', FHIR_FIXES, problems);
  const baseUrl = field.baseUrl('baseUrl');
  field.optionalBoolean('apiKeyIsPublic');
  // As written: a value that is not true or false has its problem already, and is not also "required".
  const acknowledged = fhir['apiKeyIsPublic'];
  const apiKey = fhir['apiKey'];
  if (apiKey !== undefined) {
    if (typeof apiKey !== 'string' || !API_KEY_PATTERN.test(apiKey)) {
      field.refuse(
        'apiKey',
        'must be a non-empty string of visible ASCII characters, without spaces',
      );
    }
    if (
      acknowledged !== true &&
      (acknowledged === undefined || typeof acknowledged === 'boolean')
    ) {
      field.refuse(
        'apiKeyIsPublic',
        `${acknowledged === undefined ? 'is required' : 'must be true'} when "fhir.apiKey" is set`,
        `${API_KEY_RISK} Prefer removing "fhir.apiKey" and relying on the Okta access token. ` +
          'If the FHIR server insists on a key, use one that grants nothing without a valid token, ' +
          'and add "apiKeyIsPublic": true to "fhir" to acknowledge that it is public.',
      );
    }
  }
  if (problems.length > before) return undefined;
  return {
    baseUrl: baseUrl as string,
    ...(typeof apiKey === 'string' ? { apiKey } : {}),
  };
}

/** Checks untrusted JSON and returns either a typed config or every problem found. */
export function validateRuntimeConfig(raw: unknown): ConfigValidation {
  if (!isObject(raw)) {
    return {
      ok: false,
      problems: [
        {
          field: '(file)',
          message: 'is not a JSON object',
          fix: 'config.json must be a JSON object with "okta", "loginMode" and "fhir" fields.',
        },
      ],
    };
  }
  const problems: ConfigProblem[] = checkUnknownFields(raw, CONFIG_FIELDS[''], '');

  const schemaRef = raw['$schema'];
  if (schemaRef !== undefined && typeof schemaRef !== 'string') {
    problems.push({
      field: '$schema',
      message: 'must be a string',
      fix: 'Set "$schema" to "./config.schema.json", or remove it.',
    });
  }

  const oktaSection = section(raw, 'okta', problems);
  const okta = oktaSection && checkOkta(oktaSection, problems);

  const loginMode = raw['loginMode'] === undefined ? 'redirect' : raw['loginMode'];
  if (!LOGIN_MODES.includes(loginMode as LoginMode)) {
    problems.push({
      field: 'loginMode',
      message: `must be "redirect" or "widget", not ${JSON.stringify(loginMode)}`,
      fix: 'Set "loginMode" to "redirect" (Okta-hosted sign-in page) or "widget" (embedded).',
    });
  }

  const fhirSection = section(raw, 'fhir', problems);
  const fhir = fhirSection && checkFhir(fhirSection, problems);

  const sessionSection = section(raw, 'session', problems);
  const session = sessionSection && checkSession(sessionSection, problems);

  const ehrs = checkEhrs(raw['ehrs'], problems);

  if (problems.length > 0 || !okta || !fhir || !session) return { ok: false, problems };
  return { ok: true, config: { okta, loginMode: loginMode as LoginMode, fhir, session, ehrs } };
}
