import {
  CONFIG_PATTERNS,
  ConfigProblem,
  FieldReader,
  REQUIRED_FIELDS,
  checkObject,
  isScope,
} from './config-rules';
import { EhrEntry } from './runtime-config';

const NAME_PATTERN = new RegExp(CONFIG_PATTERNS.name);

const EXAMPLE_ENTRY =
  '{ "name": "Hospital EHR", "iss": "https://ehr.example.org/fhir/r4", "clientId": "my-app" }';

/** What to write in each field of the entry at `at` ("ehrs[0]"), for the person fixing the file. */
function fixes(at: string) {
  return {
    name: `Set "${at}.name" to the EHR's name as users know it: the login page shows "Sign in with <name>".`,
    iss:
      `Set "${at}.iss" to the EHR's FHIR base URL, exactly as the EHR sends it in a launch's "iss" ` +
      'parameter (https; http only for localhost), for example "https://ehr.example.org/fhir/r4".',
    clientId: `Set "${at}.clientId" to the client id that the EHR registered for this app (letters, digits, "-" and "_").`,
    scopes:
      `Set "${at}.scopes" to the scopes to ask this EHR for, such as ` +
      '["launch", "openid", "fhirUser", "patient/*.rs"], or remove it to let the app choose from ' +
      'what the EHR advertises.',
  };
}

/**
 * The EHRs allowed to launch the app (`ehrs`): each entry's fields, then names and FHIR bases that
 * must each be unique, since a launch picks its entry by `iss` and the login page labels buttons by name.
 */
export function checkEhrs(value: unknown, problems: ConfigProblem[]): EhrEntry[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    problems.push({
      field: 'ehrs',
      message: 'must be a list',
      fix: `Make "ehrs" a list of EHRs, such as [${EXAMPLE_ENTRY}], or remove it.`,
    });
    return [];
  }
  const entries = value.map((raw, index) => checkEntry(raw, `ehrs[${index}]`, problems));
  checkUnique(entries, problems);
  return entries.filter((entry): entry is EhrEntry => entry !== undefined);
}

function checkEntry(value: unknown, at: string, problems: ConfigProblem[]): EhrEntry | undefined {
  const before = problems.length;
  const fix = `Make "${at}" an object such as ${EXAMPLE_ENTRY}.`;
  const raw = checkObject(value, 'ehrs', at, fix, problems);
  if (!raw) return undefined;
  const field = new FieldReader(raw, at, fixes(at), problems);
  // The missing fields first, then what is wrong with those present.
  for (const name of REQUIRED_FIELDS.ehrs) {
    if (raw[name] === undefined) field.refuse(name, 'is missing');
  }
  const name = raw['name'];
  if (name !== undefined && (typeof name !== 'string' || !NAME_PATTERN.test(name))) {
    field.refuse('name', 'must be non-empty text');
  }
  const iss = raw['iss'] === undefined ? undefined : field.baseUrl('iss');
  const clientId = raw['clientId'] === undefined ? undefined : field.clientId('clientId');
  const scopes = raw['scopes'];
  if (
    scopes !== undefined &&
    !(Array.isArray(scopes) && scopes.length > 0 && scopes.every(isScope))
  ) {
    field.refuse('scopes', 'must be a non-empty list of scopes, each without spaces');
  }
  if (problems.length > before) return undefined;
  return {
    name: (name as string).trim(),
    iss: iss as string,
    clientId: clientId as string,
    ...(scopes !== undefined ? { scopes: scopes as string[] } : {}),
  };
}

/** Where the browser sends a request: origin and path, so that host case and default ports compare equal. */
function sameBase(a: string, b: string): boolean {
  const [x, y] = [new URL(a), new URL(b)];
  return x.origin === y.origin && x.pathname.replace(/\/$/, '') === y.pathname.replace(/\/$/, '');
}

function checkUnique(entries: (EhrEntry | undefined)[], problems: ConfigProblem[]): void {
  entries.forEach((entry, index) => {
    if (!entry) return;
    const earlier = entries.slice(0, index);
    const sameName = earlier.findIndex((e) => e?.name.toLowerCase() === entry.name.toLowerCase());
    if (sameName >= 0) {
      problems.push({
        field: `ehrs[${index}].name`,
        message: `repeats the name of ehrs[${sameName}] ("${earlier[sameName]?.name}")`,
        fix: 'Give each EHR its own name: the login page shows one "Sign in with <name>" button per EHR.',
      });
    }
    const sameIss = earlier.findIndex((e) => e !== undefined && sameBase(e.iss, entry.iss));
    if (sameIss >= 0) {
      problems.push({
        field: `ehrs[${index}].iss`,
        message: `is the FHIR base of ehrs[${sameIss}] too ("${earlier[sameIss]?.iss}")`,
        fix: 'List each EHR once: a launch is matched to exactly one entry by its "iss".',
      });
    }
  });
}
