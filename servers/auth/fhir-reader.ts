/**
 * How the patient picker and the EHR simulator read patients and encounters: from the FHIR server, over
 * HTTP, as the signed-in user. The authorization server signs a one-minute access token for that user
 * (its own key, the FHIR base as audience, the client the launch is for) holding only the user's own
 * Patient and Encounter read scopes, and the patient binding of a patient-bound user. So the picker
 * lists exactly the patients the user could open, the FHIR server enforces and audits every read as
 * it does the app's, and nothing here knows how the FHIR server stores anything.
 */
import { randomUUID } from 'node:crypto';
import { importJWK, SignJWT, type JWK } from 'jose';
import type { AuthConfig } from './config.ts';
import { SIGNING_KEY, SMART_LAUNCH } from './defaults.ts';
import type { SigningKeys } from './keys.ts';
import { grantedScopes } from './scopes.ts';
import type { User } from './users.ts';

export interface PatientRow {
  id: string;
  name: string;
  birthDate: string;
  gender: string;
  mrn: string;
}

export interface EncounterRow {
  id: string;
  /** The encounter in words: type, class, date and status. */
  summary: string;
}

export type Read<T> = { ok: true; value: T } | { ok: false; problem: string };

export interface PatientPage {
  rows: PatientRow[];
  /** How many patients matched in all; undefined when the server did not say. */
  total: number | undefined;
}

export interface FhirReader {
  /** Patients whose name starts with `name` (every patient when empty), by name, one page. */
  searchPatients(user: User, clientId: string, name: string): Promise<Read<PatientPage>>;
  readPatient(user: User, clientId: string, id: string): Promise<Read<PatientRow>>;
  /** The patient's encounters, newest first, one page. */
  encounters(user: User, clientId: string, patient: string): Promise<Read<EncounterRow[]>>;
  /** One encounter, only if it belongs to `patient`. */
  readEncounter(
    user: User,
    clientId: string,
    patient: string,
    id: string,
  ): Promise<Read<EncounterRow>>;
}

/** FHIR's id type: what may go into a URL path segment at all. */
export const FHIR_ID = /^[A-Za-z0-9.-]{1,64}$/;

/** The reads the picker and the simulator need, each narrowed to what the user is allowed. */
const READER_SCOPES = [
  'user/Patient.rs',
  'user/Encounter.rs',
  'patient/Patient.rs',
  'patient/Encounter.rs',
];

const PROBLEMS = {
  unreachable:
    'The FHIR server did not answer, so no patient can be chosen now. Try again in a moment.',
  refused: 'You may not look up patients on this FHIR server.',
  encountersRefused: 'You may not see encounters on this FHIR server, so none can be chosen.',
  notFound: 'That patient was not found, or you may not see their record.',
  encounterNotFound: 'That encounter was not found in this patient’s record.',
  failed: (status: number) => `The FHIR server could not answer (HTTP ${status}). Try again.`,
} as const;

type Json = Record<string, unknown>;

export function createFhirReader(config: AuthConfig, keys: SigningKeys): FhirReader {
  const base = config.audience.replace(/\/$/, '');
  const jwk = keys.privateJwks.keys[0] as JWK;
  const key = importJWK(jwk, SIGNING_KEY.algorithm);

  async function tokenFor(user: User, clientId: string): Promise<string | undefined> {
    const scopes = grantedScopes(READER_SCOPES, user.allowedScopes, config.scopes);
    if (scopes.length === 0) return undefined;
    return new SignJWT({
      scope: scopes.join(' '),
      scp: scopes,
      cid: clientId,
      client_id: clientId,
      uid: user.id,
      ...(user.patient ? { patient: user.patient } : {}),
    })
      .setProtectedHeader({ alg: SIGNING_KEY.algorithm, kid: jwk.kid ?? '' })
      .setIssuer(config.issuer)
      .setAudience(config.audience)
      .setSubject(user.login)
      .setJti(randomUUID())
      .setIssuedAt()
      .setExpirationTime(`${SMART_LAUNCH.readerTokenSeconds}s`)
      .sign(await key);
  }

  async function get(
    user: User,
    clientId: string,
    path: string,
    refused: string = PROBLEMS.refused,
  ): Promise<Read<Json>> {
    const token = await tokenFor(user, clientId);
    if (!token) return { ok: false, problem: refused };
    let res: Response;
    try {
      res = await fetch(`${base}/${path}`, {
        headers: { Authorization: `Bearer ${token}`, Accept: 'application/fhir+json' },
        signal: AbortSignal.timeout(SMART_LAUNCH.fhirTimeoutMs),
      });
    } catch {
      return { ok: false, problem: PROBLEMS.unreachable };
    }
    if (res.status === 200) return { ok: true, value: (await res.json()) as Json };
    await res.body?.cancel();
    if (res.status === 403) return { ok: false, problem: refused };
    if (res.status === 404) return { ok: false, problem: PROBLEMS.notFound };
    return { ok: false, problem: PROBLEMS.failed(res.status) };
  }

  const entries = (bundle: Json): Json[] =>
    ((bundle['entry'] as { resource?: Json }[] | undefined) ?? [])
      .map((e) => e.resource)
      .filter((r): r is Json => r !== undefined);

  return {
    async searchPatients(user, clientId, name) {
      const query = new URLSearchParams({
        _count: String(SMART_LAUNCH.pickerPageSize),
        _sort: 'name',
        _total: 'accurate',
        ...(name.trim() ? { name: name.trim() } : {}),
      });
      const answer = await get(user, clientId, `Patient?${query}`);
      if (!answer.ok) return answer;
      const total = answer.value['total'];
      return {
        ok: true,
        value: {
          rows: entries(answer.value).filter(isPatient).map(patientRow),
          total: typeof total === 'number' ? total : undefined,
        },
      };
    },
    async readPatient(user, clientId, id) {
      if (!FHIR_ID.test(id)) return { ok: false, problem: PROBLEMS.notFound };
      const answer = await get(user, clientId, `Patient/${id}`);
      if (!answer.ok) return answer;
      if (!isPatient(answer.value) || answer.value['id'] !== id)
        return { ok: false, problem: PROBLEMS.notFound };
      return { ok: true, value: patientRow(answer.value) };
    },
    async encounters(user, clientId, patient) {
      const query = new URLSearchParams({
        patient,
        _sort: '-date',
        _count: String(SMART_LAUNCH.encounterPageSize),
      });
      const answer = await get(user, clientId, `Encounter?${query}`, PROBLEMS.encountersRefused);
      if (!answer.ok) return answer;
      return {
        ok: true,
        value: entries(answer.value)
          .filter((r) => r['resourceType'] === 'Encounter' && belongsTo(r, patient))
          .map(encounterRow),
      };
    },
    async readEncounter(user, clientId, patient, id) {
      if (!FHIR_ID.test(id)) return { ok: false, problem: PROBLEMS.encounterNotFound };
      const answer = await get(user, clientId, `Encounter/${id}`);
      if (
        !answer.ok ||
        answer.value['resourceType'] !== 'Encounter' ||
        !belongsTo(answer.value, patient)
      )
        return { ok: false, problem: PROBLEMS.encounterNotFound };
      return { ok: true, value: encounterRow(answer.value) };
    },
  };
}

const isPatient = (r: Json): boolean =>
  r['resourceType'] === 'Patient' && typeof r['id'] === 'string';

/** Every row shown for a patient must be that patient's: the encounter's subject says whose it is. */
function belongsTo(encounter: Json, patient: string): boolean {
  const subject = encounter['subject'] as { reference?: unknown } | undefined;
  return subject?.reference === `Patient/${patient}`;
}

interface HumanName {
  use?: string;
  text?: string;
  given?: string[];
  family?: string;
}

function nameOf(patient: Json): string {
  const names = ((patient['name'] as HumanName[] | undefined) ?? []).filter((n) => n.use !== 'old');
  const name =
    names.find((n) => n.use === 'official') ?? names.find((n) => n.use === 'usual') ?? names[0];
  const text =
    name?.text?.trim() || [...(name?.given ?? []), name?.family].filter(Boolean).join(' ');
  return text || 'Name not recorded';
}

function patientRow(patient: Json): PatientRow {
  const identifiers =
    (patient['identifier'] as { type?: { coding?: { code?: string }[] }; value?: string }[]) ?? [];
  const mrn = identifiers.find((i) => i.type?.coding?.some((c) => c.code === 'MR'))?.value;
  const gender = patient['gender'];
  return {
    id: String(patient['id']),
    name: nameOf(patient),
    birthDate: typeof patient['birthDate'] === 'string' ? patient['birthDate'] : 'not recorded',
    gender: typeof gender === 'string' ? gender : 'not recorded',
    mrn: mrn ?? 'none recorded',
  };
}

interface Concept {
  text?: string;
  coding?: { display?: string; code?: string }[];
}

const conceptText = (c: Concept | undefined): string | undefined =>
  c?.text ?? c?.coding?.find((x) => x.display)?.display ?? c?.coding?.[0]?.code;

function encounterRow(encounter: Json): EncounterRow {
  const type = conceptText((encounter['type'] as Concept[] | undefined)?.[0]);
  const cls = (encounter['class'] as { display?: string; code?: string } | undefined) ?? {};
  const start = (encounter['period'] as { start?: string } | undefined)?.start?.slice(0, 10);
  const status = typeof encounter['status'] === 'string' ? encounter['status'] : 'status unknown';
  const what = type ?? cls.display ?? cls.code ?? 'Encounter';
  return {
    id: String(encounter['id']),
    summary: `${what}, ${start ? `starting ${start}` : 'no date recorded'} (${status})`,
  };
}
