/**
 * Scopes in words, for the consent page: what each one lets the app do, and whether the user may
 * refuse it. Sign-in (`openid`) and the launch itself (`launch`, `launch/patient`) are what the request
 * is for, so they cannot be unticked; everything else can, one scope at a time.
 */
import { parseSmartScope, type Permission } from '../../protocol/smart-scopes.ts';
import { LAUNCH_SCOPES } from './defaults.ts';

export interface ScopeLine {
  scope: string;
  words: string;
  required: boolean;
}

const REQUIRED = new Set<string>(['openid', ...LAUNCH_SCOPES]);

const NAMED: Record<string, string> = {
  openid: 'Know that it is you who signed in',
  profile: 'See your name and user name',
  email: 'See your email address',
  fhirUser: 'Know which FHIR record is yours, if you have one',
  offline_access: 'Stay connected after you close it, until you sign out',
  launch: 'Open with the patient (and encounter) the EHR has open',
  'launch/patient': 'Open with the patient you choose',
};

const VERBS: Record<Permission, string> = {
  c: 'create',
  r: 'read',
  u: 'update',
  d: 'delete',
  s: 'search',
};

/** `["read", "search"]` → "Read and search"; three or more get commas. */
function verbs(permissions: ReadonlySet<Permission>): string {
  const list = (['c', 'r', 'u', 'd', 's'] as const)
    .filter((p) => permissions.has(p))
    .map((p) => VERBS[p]);
  const text =
    list.length > 1 ? `${list.slice(0, -1).join(', ')} and ${list.at(-1)}` : (list[0] ?? '');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** `AllergyIntolerance` → "allergy intolerance records"; `*` → "every kind of record". */
function records(type: string): string {
  if (type === '*') return 'every kind of record';
  return `${type.replace(/(?<=[a-z])(?=[A-Z])/g, ' ').toLowerCase()} records`;
}

const WHOSE = {
  user: 'of every patient you may see',
  patient: 'of the chosen patient only',
  system: 'of every patient on the server',
} as const;

export function describeScope(scope: string): ScopeLine {
  const required = REQUIRED.has(scope);
  const named = NAMED[scope];
  if (named) return { scope, words: named, required };
  const smart = parseSmartScope(scope);
  const words = smart
    ? `${verbs(smart.permissions)} ${records(smart.type)} ${WHOSE[smart.context]}`
    : scope;
  return { scope, words, required };
}
