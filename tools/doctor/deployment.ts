// The part of config.json the doctor needs, read leniently: the app's own validation reports a malformed file.
import { readFileSync } from 'node:fs';

export interface Deployment {
  issuer: string;
  clientId: string;
  fhirBase: string;
  /** Where the SPA is served from: the origin Okta must trust and the FHIR server must allow. */
  appOrigin: string;
  /** The opt-in public FHIR API key (`fhir.apiKey`), sent as x-api-key like the app does. */
  apiKey?: string;
  /** `okta.dpop`: the browser then sends a DPoP header to the token endpoint and the FHIR server. */
  dpop?: boolean;
}

export function readDeployment(configFile: string, appOrigin: string): Deployment {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(configFile, 'utf8'));
  } catch (error) {
    throw new Error(
      `Cannot read ${configFile}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const config = raw as {
    okta?: { issuer?: unknown; clientId?: unknown; dpop?: unknown };
    fhir?: { baseUrl?: unknown; apiKey?: unknown };
  };
  const text = (value: unknown, name: string): string => {
    if (typeof value !== 'string' || value.trim() === '')
      throw new Error(`${configFile}: "${name}" is missing.`);
    return value.trim();
  };
  const url = (value: unknown, name: string): string => {
    const candidate = text(value, name);
    if (!URL.canParse(candidate))
      throw new Error(`${configFile}: "${name}" is not a URL: ${candidate}`);
    return candidate.replace(/\/+$/, '');
  };
  return {
    issuer: url(config.okta?.issuer, 'okta.issuer'),
    clientId: text(config.okta?.clientId, 'okta.clientId'),
    fhirBase: url(config.fhir?.baseUrl, 'fhir.baseUrl'),
    appOrigin: new URL(appOrigin).origin,
    ...(typeof config.fhir?.apiKey === 'string' ? { apiKey: config.fhir.apiKey } : {}),
    ...(config.okta?.dpop === true ? { dpop: true } : {}),
  };
}
