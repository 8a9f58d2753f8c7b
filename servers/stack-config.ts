// Where the local stack lives: one place for ports, URLs and the data directory (see docs/CONTRACT.md).
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');

function port(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 65_535) {
    throw new Error(`${name} must be a port number, got "${raw}"`);
  }
  return value;
}

export interface StackUrls {
  appPort: number;
  authPort: number;
  fhirPort: number;
  appOrigin: string;
  issuer: string;
  fhirBase: string;
  dataDir: string;
}

export function stackFromEnvironment(): StackUrls {
  const appPort = port('APP_PORT', 4200);
  const authPort = port('AUTH_PORT', 4300);
  const fhirPort = port('FHIR_PORT', 4400);
  return {
    appPort,
    authPort,
    fhirPort,
    appOrigin: `http://localhost:${appPort}`,
    issuer: `http://localhost:${authPort}/oauth2/default`,
    fhirBase: `http://localhost:${fhirPort}/fhir`,
    dataDir: resolve(process.env['DATA_DIR'] ?? resolve(repoRoot, '.data')),
  };
}

/** Servers listen on loopback only; a container sets LISTEN_HOST=0.0.0.0 so that its published ports reach them. */
export function listenHost(): string {
  return process.env['LISTEN_HOST'] || '127.0.0.1';
}
