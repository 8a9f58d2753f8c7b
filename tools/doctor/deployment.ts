// config.json as the app reads it: checked by the app's own validator, so that the doctor and the app
// never disagree about a file (a file the app would refuse is reported field by field, with the fix).
import { readFileSync } from 'node:fs';
import type { EhrEntry } from '../../src/app/config/runtime-config.ts';
import { validateRuntimeConfig } from '../../src/app/config/validate-config.ts';
import { fail, type CheckResult } from './report.ts';

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
  /** The EHRs allowed to launch the app (`ehrs`). */
  ehrs: readonly EhrEntry[];
}

export type DeploymentReading =
  | { readonly ok: true; readonly deployment: Deployment }
  | { readonly ok: false; readonly results: CheckResult[] };

/** Throws when the file cannot be read as JSON; reports what the app would refuse in it. */
export function readDeployment(configFile: string, appOrigin: string): DeploymentReading {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(configFile, 'utf8'));
  } catch (error) {
    throw new Error(
      `Cannot read ${configFile}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const validation = validateRuntimeConfig(raw);
  if (!validation.ok) {
    return {
      ok: false,
      results: validation.problems.map((problem) =>
        fail(`${configFile}: ${problem.field}`, problem.message, problem.fix),
      ),
    };
  }
  const { okta, fhir, ehrs } = validation.config;
  return {
    ok: true,
    deployment: {
      issuer: okta.issuer,
      clientId: okta.clientId,
      fhirBase: fhir.baseUrl,
      appOrigin: new URL(appOrigin).origin,
      ...(fhir.apiKey !== undefined ? { apiKey: fhir.apiKey } : {}),
      ...(okta.dpop ? { dpop: true } : {}),
      ehrs,
    },
  };
}
