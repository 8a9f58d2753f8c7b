// Starts the real authorization server, FHIR server and production app host on free ports with a throwaway
// data directory, so the suite never touches a running `npm start`.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, launch, stopAll, tsEntry, waitForUrl } from '../servers/launch.ts';
import { exportStack, type E2eStack } from './stack.ts';

const repoRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');

export default async function globalSetup(): Promise<() => Promise<void>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'fhirokta-e2e-'));
  const [appPort, authPort, fhirPort] = [await freePort(), await freePort(), await freePort()];
  const stack: E2eStack = {
    appUrl: `http://localhost:${appPort}`,
    issuer: `http://localhost:${authPort}/oauth2/default`,
    fhirBase: `http://localhost:${fhirPort}/fhir`,
  };
  const configFile = join(dataDir, 'config.json');
  writeFileSync(configFile, JSON.stringify(appConfigFor(stack), null, 2));

  const env = {
    DATA_DIR: dataDir,
    APP_ORIGIN: stack.appUrl,
    ISSUER: stack.issuer,
    FHIR_BASE: stack.fhirBase,
    APP_PORT: String(appPort),
    AUTH_PORT: String(authPort),
    FHIR_PORT: String(fhirPort),
    CONFIG_FILE: configFile,
  };
  const entry = (file: string): { command: string; args: string[] } =>
    tsEntry(resolve(repoRoot, file));
  const processes = [
    launch({ name: 'auth', ...entry('servers/auth/main.ts'), env, output: 'quiet' }),
    launch({ name: 'fhir', ...entry('servers/fhir/main.ts'), env, output: 'quiet' }),
    launch({ name: 'web', ...entry('servers/web/main.ts'), env, output: 'quiet' }),
  ];
  const [auth, fhir, web] = processes as [
    (typeof processes)[0],
    (typeof processes)[0],
    (typeof processes)[0],
  ];
  try {
    await Promise.all([
      waitForUrl(`${stack.issuer}/.well-known/openid-configuration`, auth),
      waitForUrl(`${stack.fhirBase}/metadata`, fhir),
      waitForUrl(stack.appUrl, web),
    ]);
  } catch (error) {
    await stopAll(processes);
    throw error;
  }
  exportStack(stack);

  return async () => {
    await stopAll(processes);
    rmSync(dataDir, { recursive: true, force: true });
  };
}

/** The app's runtime configuration for this stack: the same shape as public/config.json. */
function appConfigFor(stack: E2eStack): unknown {
  return {
    okta: {
      issuer: stack.issuer,
      clientId: '0oalocalfhirokta0spa',
      scopes: ['openid', 'profile', 'email', 'offline_access', 'user/*.read', 'patient/*.read'],
    },
    loginMode: 'redirect',
    fhir: { baseUrl: stack.fhirBase },
  };
}
