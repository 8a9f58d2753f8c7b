import { LOGIN_MODES, LoginMode, RuntimeConfig } from './runtime-config';

/** One thing wrong with config.json, phrased for the person who has to fix the file. */
export interface ConfigProblem {
  readonly field: string;
  readonly message: string;
  readonly fix: string;
}

export type ConfigValidation =
  | { readonly ok: true; readonly config: RuntimeConfig }
  | { readonly ok: false; readonly problems: readonly ConfigProblem[] };

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An absolute http(s) URL without query or fragment; http only for localhost (dev stack). */
function checkBaseUrl(value: unknown, field: string, example: string): ConfigProblem | string {
  const fix = `Set "${field}" to an absolute https URL, for example "${example}".`;
  if (typeof value !== 'string' || value.trim() === '') {
    return { field, message: 'is missing', fix };
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { field, message: `is not a valid URL: "${value}"`, fix };
  }
  const isLocal = url.hostname === 'localhost' || url.hostname === '127.0.0.1';
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLocal)) {
    return { field, message: 'must use https (http is allowed only for localhost)', fix };
  }
  if (url.search || url.hash || url.username || url.password) {
    return { field, message: 'must not contain a query, fragment or credentials', fix };
  }
  return value.replace(/\/+$/, '');
}

function checkScopes(value: unknown): ConfigProblem | string[] {
  const field = 'okta.scopes';
  const fix =
    'Set "okta.scopes" to an array of scope strings that includes "openid", for example ' +
    '["openid", "profile", "email", "offline_access", "user/*.read"].';
  const scopes = typeof value === 'string' ? value.split(/\s+/).filter(Boolean) : value;
  if (!Array.isArray(scopes) || scopes.length === 0) {
    return { field, message: 'is missing or empty', fix };
  }
  if (!scopes.every((scope) => typeof scope === 'string' && scope.trim() !== '')) {
    return { field, message: 'must contain only non-empty strings', fix };
  }
  if (!scopes.includes('openid')) {
    return { field, message: 'must include "openid"', fix };
  }
  return scopes as string[];
}

/** Checks untrusted JSON and returns either a typed config or every problem found. */
export function validateRuntimeConfig(raw: unknown): ConfigValidation {
  const problems: ConfigProblem[] = [];
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
  const okta = isObject(raw['okta']) ? raw['okta'] : {};
  const fhir = isObject(raw['fhir']) ? raw['fhir'] : {};

  const issuer = checkBaseUrl(
    okta['issuer'],
    'okta.issuer',
    'https://your-org.okta.com/oauth2/default',
  );
  if (typeof issuer !== 'string') problems.push(issuer);

  const clientId = okta['clientId'];
  if (typeof clientId !== 'string' || !/^[A-Za-z0-9_-]+$/.test(clientId)) {
    problems.push({
      field: 'okta.clientId',
      message: typeof clientId === 'string' ? 'contains unexpected characters' : 'is missing',
      fix: 'Set "okta.clientId" to the Client ID of your Okta single-page app integration.',
    });
  }

  const scopes = checkScopes(okta['scopes']);
  if (!Array.isArray(scopes)) problems.push(scopes);

  const useClassicEngine = okta['useClassicEngine'];
  if (useClassicEngine !== undefined && typeof useClassicEngine !== 'boolean') {
    problems.push({
      field: 'okta.useClassicEngine',
      message: 'must be true or false',
      fix: 'Remove "okta.useClassicEngine" or set it to true or false.',
    });
  }

  const dpop = okta['dpop'];
  if (dpop !== undefined && typeof dpop !== 'boolean') {
    problems.push({
      field: 'okta.dpop',
      message: 'must be true or false',
      fix: 'Remove "okta.dpop" or set it to true (DPoP-bound tokens) or false (Bearer).',
    });
  }

  const loginMode = raw['loginMode'] ?? 'redirect';
  if (!LOGIN_MODES.includes(loginMode as LoginMode)) {
    problems.push({
      field: 'loginMode',
      message: `must be "redirect" or "widget", not ${JSON.stringify(loginMode)}`,
      fix: 'Set "loginMode" to "redirect" (Okta-hosted sign-in page) or "widget" (embedded).',
    });
  }

  const baseUrl = checkBaseUrl(fhir['baseUrl'], 'fhir.baseUrl', 'https://fhir.example.com/r4');
  if (typeof baseUrl !== 'string') problems.push(baseUrl);

  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    config: {
      okta: {
        issuer: issuer as string,
        clientId: clientId as string,
        scopes: scopes as string[],
        ...(useClassicEngine === true ? { useClassicEngine: true } : {}),
        ...(dpop === true ? { dpop: true } : {}),
      },
      loginMode: loginMode as LoginMode,
      fhir: { baseUrl: baseUrl as string },
    },
  };
}
