/** The user directory: a JSON file of users with scrypt hashes, allowed scopes and an optional patient. */
import { readFileSync } from 'node:fs';
import { PROFILE_DEFAULTS } from './defaults.ts';
import { DUMMY_HASH, verifyPassword } from './passwords.ts';

export interface User {
  /** Okta user id (`00u…`): the ID token and userinfo `sub`, the access token `uid`. */
  id: string;
  /** The sign-in name: the access token `sub`. */
  login: string;
  givenName: string;
  familyName: string;
  passwordHash: string;
  /** SMART scopes this user may be granted. */
  allowedScopes: string[];
  /** FHIR Patient id for a patient-bound user: the access token `patient` claim. */
  patient?: string;
}

export interface UserDirectory {
  byId(id: string): User | undefined;
  byLogin(login: string): User | undefined;
  /** The user when the password matches, else undefined (never says which part was wrong). */
  authenticate(login: string, password: string): Promise<User | undefined>;
}

export function loadUsers(file: string): UserDirectory {
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as { users?: User[] };
  const users = parsed.users ?? [];
  for (const user of users) {
    if (
      !user.id ||
      !user.login ||
      !user.passwordHash?.startsWith('scrypt$') ||
      !Array.isArray(user.allowedScopes)
    ) {
      throw new Error(
        `${file}: user ${user.login ?? '?'} needs id, login, an scrypt passwordHash and allowedScopes`,
      );
    }
  }
  const ids = new Map(users.map((u) => [u.id, u]));
  const logins = new Map(users.map((u) => [u.login.toLowerCase(), u]));
  return {
    byId: (id) => ids.get(id),
    byLogin: (login) => logins.get(login.trim().toLowerCase()),
    async authenticate(login, password) {
      const user = logins.get(login.trim().toLowerCase());
      const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
      return ok ? user : undefined;
    },
  };
}

/**
 * Standard claims, filtered by the OpenID scopes granted (Okta's userinfo shape), and SMART's
 * `fhirUser` (the user's FHIR resource, an absolute URL) for a user bound to a Patient: the other demo
 * users have no resource of their own on the FHIR server, so they get none.
 */
export function userClaims(
  user: User,
  scopes: Set<string>,
  fhirBase: string,
): Record<string, unknown> {
  const claims: Record<string, unknown> = { sub: user.id };
  if (scopes.has('fhirUser') && user.patient)
    claims.fhirUser = `${fhirBase.replace(/\/$/, '')}/Patient/${encodeURIComponent(user.patient)}`;
  if (scopes.has('profile')) {
    Object.assign(claims, {
      name: `${user.givenName} ${user.familyName}`,
      given_name: user.givenName,
      family_name: user.familyName,
      preferred_username: user.login,
      locale: PROFILE_DEFAULTS.locale,
      zoneinfo: PROFILE_DEFAULTS.timeZone,
    });
  }
  if (scopes.has('email')) Object.assign(claims, { email: user.login, email_verified: true });
  return claims;
}
