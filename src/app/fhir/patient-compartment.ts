import { Bundle, Reference, Resource } from './fhir-types';
import { ResourceSearchContract, SEARCH_CONTRACT } from './search-contract';

/** Which patient a page is about, and the session's FHIR base, against which references are read. */
export interface PatientScope {
  readonly patientId: string;
  readonly fhirBase: string;
}

/** The element through which each type the app lists names its patient, as the search contract declares it. */
const PATIENT_ELEMENT: ReadonlyMap<string, 'subject' | 'patient'> = new Map(
  Object.entries(SEARCH_CONTRACT).flatMap(([type, contract]: [string, ResourceSearchContract]) =>
    contract.patientElement ? [[type, contract.patientElement] as const] : [],
  ),
);

const HISTORY = /^\/_history\/[A-Za-z0-9\-.]{1,64}$/;

/** `Patient/<id>` (a version allowed), relative or absolute under the FHIR base, and nothing else. */
function isReferenceTo(reference: Reference | undefined, scope: PatientScope): boolean {
  const literal = reference?.reference;
  if (typeof literal !== 'string') return false;
  if (reference?.type !== undefined && reference.type !== 'Patient') return false;
  const relative = `Patient/${scope.patientId}`;
  if (literal.startsWith(relative)) return isExactOrVersion(literal.slice(relative.length));
  if (!URL.canParse(literal) || !URL.canParse(scope.fhirBase)) return false;
  const url = new URL(literal);
  const base = new URL(scope.fhirBase);
  if (url.origin !== base.origin || url.search || url.hash || url.username || url.password)
    return false;
  const absolute = `${base.pathname.replace(/\/+$/, '')}/${relative}`;
  return url.pathname.startsWith(absolute) && isExactOrVersion(url.pathname.slice(absolute.length));
}

const isExactOrVersion = (rest: string) => rest === '' || HISTORY.test(rest);

/**
 * Whether a resource is the patient's own record, by the element its type declares for the patient.
 * A type with no such element, a reference that cannot be read as this patient (another patient or
 * server, a Group, an identifier alone, an encoded or `urn:` form), and a stray `subject` or `patient`
 * beside the declared one that names anyone else all answer false: the row is not shown as theirs.
 */
export function belongsToPatient(resource: Resource, scope: PatientScope): boolean {
  const element = PATIENT_ELEMENT.get(resource.resourceType);
  if (!element) return false;
  const named = resource as Resource & { subject?: Reference; patient?: Reference };
  if (!isReferenceTo(named[element], scope)) return false;
  return [named.subject, named.patient].every(
    (other) => other === undefined || isReferenceTo(other, scope),
  );
}

/**
 * A search Bundle with only the patient's own record: entries that name another patient, or name no
 * patient the app can read as this one (a display or an identifier alone), are left out and counted.
 * Included resources that belong to no patient (a Medication, a Practitioner) stay.
 */
export function onlyThePatients<T extends Resource>(
  bundle: Bundle<T>,
  scope: PatientScope,
): { readonly bundle: Bundle<T>; readonly others: number } {
  const entries = bundle.entry ?? [];
  const kept = entries.filter(({ resource }) => {
    if (!resource || !PATIENT_ELEMENT.has(resource.resourceType)) return true;
    return belongsToPatient(resource, scope);
  });
  const others = entries.length - kept.length;
  return { bundle: others === 0 ? bundle : { ...bundle, entry: kept }, others };
}

/** A page of one patient's records, which may have left out entries that were not theirs. */
export interface PatientPage {
  /** How many entries the server sent that did not name the patient (said among the page's notices). */
  readonly notThePatients: number;
}

/**
 * What the page says about entries it did not show: "does not name", not "another patient's", since
 * an entry naming its patient by an identifier alone may be this patient's, unverified.
 */
export function notThePatientsNotice(others: number): string[] {
  if (others === 0) return [];
  return others === 1
    ? ['1 entry that does not name this patient was not shown.']
    : [`${others} entries that do not name this patient were not shown.`];
}

/**
 * Said after a server's total for a patient's search that sent entries not naming the patient: the
 * server counted them, so its total is not the patient's count. How many it counted is known only
 * when every page was read; otherwise the note says how many were seen, and where.
 */
export function othersInTotalNote(
  others: number,
  read: 'all' | 'this page' | 'the pages read',
): string {
  if (others === 0) return '';
  if (read !== 'all')
    return `; the server's count includes entries that do not name this patient (${others} on ${read})`;
  const entries = others === 1 ? '1 entry that does' : `${others} entries that do`;
  return `; the server's count includes ${entries} not name this patient`;
}

/**
 * What a list says in place of "none" when every entry the server sent was left out: the truth is
 * unknown, not that nothing is recorded.
 */
export function nothingShownNote(others: number): string {
  const entries = others === 1 ? '1 entry' : `${others} entries`;
  return `Nothing recorded for this patient could be shown: ${entries} did not name this patient.`;
}

/** The names a search may narrow to a patient by; any other spelling of them is not trusted. */
const PATIENT_PARAMS = ['patient', 'subject'];

/**
 * Whether a paging link (one a URL carried, so anyone could have written it) is a search of this
 * patient's `resourceType` on the FHIR base: the base's origin and path plus the type, and exactly one
 * patient parameter, `patient` or `subject`, whose value is the patient and no one else (`id` for
 * `patient`; `Patient/id` or the absolute reference for either). A repeated, chained, modified,
 * differently cased or listed (`a,b`) patient parameter is refused, as is any link the server would
 * not read as this one patient's search.
 */
export function isSearchOfPatient(
  link: string,
  resourceType: string,
  scope: PatientScope,
): boolean {
  const base = `${scope.fhirBase.replace(/\/+$/, '')}/`;
  if (!URL.canParse(link, base) || !URL.canParse(base)) return false;
  const url = new URL(link, base);
  const baseUrl = new URL(base);
  if (url.origin !== baseUrl.origin || url.username || url.password) return false;
  if (url.pathname !== `${baseUrl.pathname}${resourceType}`) return false;
  const patientParams = [...url.searchParams].filter(([name]) =>
    PATIENT_PARAMS.includes(name.split(/[:.]/)[0].trim().toLowerCase()),
  );
  if (patientParams.length !== 1) return false;
  const [[name, value]] = patientParams;
  if (!PATIENT_PARAMS.includes(name)) return false;
  const reference = `Patient/${scope.patientId}`;
  return (
    (name === 'patient' && value === scope.patientId) ||
    value === reference ||
    value === `${base}${reference}`
  );
}
