/**
 * scrypt password hashes (`scrypt$N$r$p$salt$hash`, base64url). To hash a new password:
 *   npx tsx servers/auth/hash-password.ts 'the password'
 */
import {
  randomBytes,
  scrypt as scryptCallback,
  timingSafeEqual,
  type ScryptOptions,
} from 'node:crypto';
import { PASSWORD_HASHING } from './defaults.ts';

function scrypt(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scryptCallback(password, salt, PASSWORD_HASHING.keyBytes, options, (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  );
}

function format(salt: Buffer, key: Buffer): string {
  const { N, r, p } = PASSWORD_HASHING;
  return ['scrypt', N, r, p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(PASSWORD_HASHING.saltBytes);
  const { N, r, p } = PASSWORD_HASHING;
  return format(salt, await scrypt(password, salt, { N, r, p }));
}

/**
 * A well-formed hash at today's cost that no password matches: checking an unknown login against it
 * takes as long as checking a known one, so timing does not reveal which logins exist.
 */
export const DUMMY_HASH = format(
  Buffer.alloc(PASSWORD_HASHING.saltBytes),
  Buffer.alloc(PASSWORD_HASHING.keyBytes),
);

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [kind, n, r, p, salt, hash] = stored.split('$');
  if (kind !== 'scrypt' || !n || !r || !p || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const options = {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: PASSWORD_HASHING.maxmemBytes,
  };
  const actual = await scrypt(password, Buffer.from(salt, 'base64url'), options);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
