/**
 * The RS256 signing key: generated on first start and kept in `${dataDir}/jwks.json`, so the `kid`
 * (and every token a resource server has cached keys for) survives restarts.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, type JWK } from 'jose';
import { SIGNING_KEY } from './defaults.ts';

export interface SigningKeys {
  /** Private JWKS for oidc-provider. */
  privateJwks: { keys: JWK[] };
  /** The public half, for verifying our own tokens locally. */
  publicJwks: { keys: JWK[] };
}

function toPublic(jwk: JWK): JWK {
  const { kty, n, e, kid, alg, use } = jwk;
  return { kty, n, e, kid, alg, use };
}

export async function loadOrCreateKeys(dataDir: string): Promise<SigningKeys> {
  const file = join(dataDir, 'jwks.json');
  let keys: JWK[];
  try {
    keys = (JSON.parse(await readFile(file, 'utf8')) as { keys: JWK[] }).keys;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    const { privateKey } = await generateKeyPair(SIGNING_KEY.algorithm, {
      modulusLength: SIGNING_KEY.modulusLength,
      extractable: true,
    });
    const jwk = await exportJWK(privateKey);
    const kid = await calculateJwkThumbprint(jwk);
    keys = [{ ...jwk, kid, alg: SIGNING_KEY.algorithm, use: 'sig' }];
    await mkdir(dataDir, { recursive: true });
    await writeFile(file, `${JSON.stringify({ keys }, null, 2)}\n`, { mode: 0o600 });
  }
  return { privateJwks: { keys }, publicJwks: { keys: keys.map(toPublic) } };
}
