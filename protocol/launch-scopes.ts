/**
 * The scopes a SMART launch asks an EHR for: one rule for the app's launch flow and for the doctor,
 * which prints it. Pure and dependency-free: imported by the browser bundle and by Node alike.
 *
 * - The EHR's `ehrs[].scopes` when config.json lists them; otherwise `openid fhirUser` and read
 *   scopes for users and patients, in SMART v2 form (`user/*.rs`) when the EHR advertises
 *   `permission-v2`, else in v1 form (`user/*.read`), which every SMART server reads.
 * - Either way, exactly one launch scope, the one the launch needs: `launch` for a launch from the
 *   EHR (it goes with the `launch` parameter), `launch/patient` for a standalone "Sign in with <name>"
 *   (the EHR picks the patient; there is no `launch` parameter to go with `launch`).
 */

/** `ehr`: the EHR opened the app with `iss` and `launch`. `standalone`: the user chose the EHR. */
export type LaunchKind = 'ehr' | 'standalone';

export interface LaunchScopes {
  readonly scopes: readonly string[];
  /** Where they come from: the EHR's entry in config.json, or the app's choice in v2 or v1 form. */
  readonly source: 'configured' | 'v2' | 'v1';
}

const LAUNCH_SCOPE: Record<LaunchKind, string> = { ehr: 'launch', standalone: 'launch/patient' };
const LAUNCH_SCOPES = new Set(Object.values(LAUNCH_SCOPE));

const READ_SCOPES = {
  v2: ['user/*.rs', 'patient/*.rs'],
  v1: ['user/*.read', 'patient/*.read'],
} as const;

/**
 * @param configured the EHR's `scopes` from config.json, if any
 * @param capabilities the EHR's SMART `capabilities` (empty when it states none)
 */
export function launchScopes(
  kind: LaunchKind,
  configured: readonly string[] | undefined,
  capabilities: readonly string[],
): LaunchScopes {
  const launch = LAUNCH_SCOPE[kind];
  if (configured !== undefined) {
    const others = configured.filter((scope) => !LAUNCH_SCOPES.has(scope));
    return { scopes: [launch, ...new Set(others)], source: 'configured' };
  }
  const form = capabilities.includes('permission-v2') ? 'v2' : 'v1';
  return { scopes: [launch, 'openid', 'fhirUser', ...READ_SCOPES[form]], source: form };
}
