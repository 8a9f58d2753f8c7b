/**
 * The launch context an EHR hands over with the token (SMART App Launch 2.x, "Launch context arrives with
 * your access_token"): which patient and encounter the clinician was in, whether the EHR already shows a
 * patient banner, its style sheet, and the rest. Every value is checked: a bad one is left out and named,
 * never guessed at. Pure.
 */

/** One `fhirContext` item: a resource the EHR had open besides the patient and encounter. */
export interface FhirContextItem {
  readonly reference?: string;
  readonly canonical?: string;
  readonly type?: string;
  readonly role?: string;
}

export interface LaunchContext {
  readonly patient?: string;
  readonly encounter?: string;
  /** Whether the app shows its own patient banner; true unless the EHR says `false`. */
  readonly needPatientBanner: boolean;
  readonly smartStyleUrl?: string;
  readonly fhirContext: readonly FhirContextItem[];
  readonly intent?: string;
  readonly tenant?: string;
  /** Where `patient` came from: the token response, or a claim in the access token (Okta's pattern). */
  readonly patientFrom?: 'response' | 'access-token';
  /** The context fields the EHR sent that the app could not use, each with why. */
  readonly ignored: readonly string[];
}

/** A FHIR resource id (FHIR R4 `id`): what `patient` and `encounter` must be. */
const FHIR_ID = /^[A-Za-z0-9\-.]{1,64}$/;
/** A relative literal reference, `Type/id`, optionally versioned. */
const RELATIVE_REFERENCE =
  /^[A-Z][A-Za-z]{1,63}\/[A-Za-z0-9\-.]{1,64}(\/_history\/[A-Za-z0-9\-.]{1,64})?$/;
const RESOURCE_TYPE = /^[A-Z][A-Za-z]{1,63}$/;
const MAX_TEXT = 256;
/** Access-token claims that carry the patient when the token response does not (first one wins). */
const PATIENT_CLAIMS = ['launch_response_patient', 'patient'] as const;

type Json = Readonly<Record<string, unknown>>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' && value.length <= MAX_TEXT ? value : undefined;
}

function fhirContextItem(value: unknown): FhirContextItem | undefined {
  if (!isObject(value)) return undefined;
  const reference = typeof value['reference'] === 'string' ? value['reference'] : undefined;
  const canonical = value['canonical'] === undefined ? undefined : text(value['canonical']);
  if (reference !== undefined && !RELATIVE_REFERENCE.test(reference)) return undefined;
  if (reference === undefined && canonical === undefined) return undefined;
  const type = typeof value['type'] === 'string' && RESOURCE_TYPE.test(value['type']);
  const role = text(value['role']);
  return {
    ...(reference !== undefined ? { reference } : {}),
    ...(canonical !== undefined ? { canonical } : {}),
    ...(type ? { type: value['type'] as string } : {}),
    ...(role !== undefined ? { role } : {}),
  };
}

/**
 * The launch context in a token response. Each field the response lacks is read from the access token's
 * `launch_response_<field>` claim (when it is a JWT), and the patient also from its `patient` claim:
 * Okta returns no launch context by itself, and its SMART reference puts it in the token instead.
 */
export function readLaunchContext(response: Json, accessClaims: Json = {}): LaunchContext {
  const ignored: string[] = [];
  const fromToken = (field: string) => accessClaims[`launch_response_${field}`];
  const raw = (field: string) =>
    response[field] !== undefined ? response[field] : fromToken(field);
  const checked = <T>(field: string, read: (value: unknown) => T | undefined, why: string) => {
    const value = raw(field);
    if (value === undefined) return undefined;
    const parsed = read(value);
    if (parsed === undefined) ignored.push(`${field} (${why})`);
    return parsed;
  };
  const fhirId = (value: unknown) =>
    typeof value === 'string' && FHIR_ID.test(value) ? value : undefined;

  let patient: string | undefined;
  let patientFrom: LaunchContext['patientFrom'];
  if (response['patient'] !== undefined) {
    patient = checked('patient', fhirId, 'not a FHIR id');
    patientFrom = 'response';
  } else {
    // Only when the response names no patient at all: a bad one is not replaced by a guess.
    const claim = PATIENT_CLAIMS.map((name) => accessClaims[name]).find((v) => v !== undefined);
    patient = fhirId(claim);
    patientFrom = 'access-token';
    if (claim !== undefined && patient === undefined) {
      ignored.push('the access token’s patient claim (not a FHIR id)');
    }
  }
  const encounter = checked('encounter', fhirId, 'not a FHIR id');
  const banner = checked(
    'need_patient_banner',
    (v) => (typeof v === 'boolean' ? v : undefined),
    'not true or false',
  );
  const smartStyleUrl = checked('smart_style_url', httpUrl, 'not an http(s) URL');
  const rawContext = raw('fhirContext');
  const items = Array.isArray(rawContext) ? rawContext.map(fhirContextItem) : [];
  if (rawContext !== undefined && (!Array.isArray(rawContext) || items.includes(undefined))) {
    ignored.push('fhirContext (items that are not a reference or canonical)');
  }
  const intent = checked('intent', text, 'not a short text');
  const tenant = checked('tenant', text, 'not a short text');
  return {
    ...(patient !== undefined ? { patient, patientFrom } : {}),
    ...(encounter !== undefined ? { encounter } : {}),
    needPatientBanner: banner ?? true,
    ...(smartStyleUrl !== undefined ? { smartStyleUrl } : {}),
    fhirContext: items.filter((item): item is FhirContextItem => item !== undefined),
    ...(intent !== undefined ? { intent } : {}),
    ...(tenant !== undefined ? { tenant } : {}),
    ignored,
  };
}

function httpUrl(value: unknown): string | undefined {
  if (typeof value !== 'string' || !URL.canParse(value)) return undefined;
  const url = new URL(value);
  return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
}

/** Whether a stored value is a LaunchContext this app wrote (sessionStorage is readable by anyone on the page). */
export function isLaunchContext(value: unknown): value is LaunchContext {
  return (
    isObject(value) &&
    typeof value['needPatientBanner'] === 'boolean' &&
    Array.isArray(value['fhirContext']) &&
    Array.isArray(value['ignored']) &&
    (value['patient'] === undefined ||
      (typeof value['patient'] === 'string' && FHIR_ID.test(value['patient']))) &&
    (value['encounter'] === undefined ||
      (typeof value['encounter'] === 'string' && FHIR_ID.test(value['encounter'])))
  );
}
