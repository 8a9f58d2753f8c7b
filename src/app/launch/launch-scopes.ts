import { EhrEntry } from '../config/runtime-config';

/** How the app was started with an EHR: by the EHR (`launch`) or from the login page (`launch/patient`). */
export type LaunchMode = 'ehr' | 'standalone';

/**
 * The default choice when an entry lists no scopes: the launch scope, OpenID Connect with `fhirUser`, and
 * read access in the form the EHR advertises (SMART v2 `.rs` with `permission-v2`, else v1 `.read`).
 */
export function defaultLaunchScopes(capabilities: readonly string[]): string[] {
  const read = capabilities.includes('permission-v2') ? 'rs' : 'read';
  return ['launch', 'openid', 'fhirUser', `patient/*.${read}`, `user/*.${read}`];
}

const LAUNCH_SCOPES = ['launch', 'launch/patient'];

/**
 * What a launch asks for: the entry's scopes (else the default choice) with the one launch scope of
 * this mode, since one entry serves both: `launch` goes with the EHR's launch id, `launch/patient`
 * asks the EHR to pick the patient.
 */
export function launchScopes(
  entry: EhrEntry,
  mode: LaunchMode,
  capabilities: readonly string[],
): string[] {
  const chosen = entry.scopes?.length ? entry.scopes : defaultLaunchScopes(capabilities);
  return [
    mode === 'ehr' ? 'launch' : 'launch/patient',
    ...chosen.filter((scope) => !LAUNCH_SCOPES.includes(scope)),
  ];
}
