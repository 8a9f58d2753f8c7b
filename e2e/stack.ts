// The local stack for end-to-end tests: the real authorization server, FHIR server and production app host,
// on free ports with a throwaway data directory, so a suite never touches a running `npm start`.
// One app host per variant: each serves the same build with its own config.json (login mode, DPoP, ...).
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import {
  freePort,
  launch,
  stopAll,
  tsEntry,
  waitForUrl,
  type LaunchedProcess,
} from '../servers/launch.ts';
import { auditLogsIn, findLeaks, patientNamesIn } from '../security/log-scan.ts';
import type { EhrEntry } from '../src/app/config/runtime-config.ts';

const repoRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');
export const CLIENT_ID = '0oalocalfhirokta0spa';
export const DEMO_PASSWORD = 'fhirokta-demo';
const SCOPES = ['openid', 'profile', 'email', 'offline_access', 'user/*.read', 'patient/*.read'];

/** What one app host's config.json changes from the default: see public/config.json. */
export interface AppVariant {
  loginMode?: 'redirect' | 'widget';
  useClassicEngine?: boolean;
  dpop?: boolean;
  scopes?: string[];
  session?: { idleMinutes?: number; warningSeconds?: number };
  /** Another FHIR base than the stack's (a proxy in front of it); DPoP must then be off. */
  fhirBase?: string;
  /** The EHRs allowed to launch the app; by default the stack's own FHIR server, as "Local EHR". */
  ehrs?: EhrEntry[];
}

export interface StackUrls {
  /** The servers' data directory (SQLite store, signing key): tests may import data into it. */
  dataDir: string;
  issuer: string;
  fhirBase: string;
  /** App origin per variant name. */
  apps: Record<string, string>;
}

export interface StackOptions {
  variants: Record<string, AppVariant>;
  /** Access-token lifetime, short to prove renewal. */
  accessTokenTtlSeconds?: number;
  /** The FHIR server's introspection answer cache (default 5 s); 0 notices a revocation at once. */
  introspectionCacheSeconds?: number;
}

type Server = 'auth' | 'fhir';

export interface RunningStack extends StackUrls {
  /** Stops one server by PID (fault tests). */
  stop(server: Server): Promise<void>;
  /** Starts it again on the same port and data directory. */
  restart(server: Server): Promise<void>;
  /** Everything a server has printed so far, restarts included. */
  output(server: Server): string;
  /** Stops everything, then fails if any server wrote a token, the password or a patient name. */
  close(): Promise<void>;
}

export async function startStack(options: StackOptions): Promise<RunningStack> {
  const dataDir = mkdtempSync(join(tmpdir(), 'fhirokta-e2e-'));
  const [authPort, fhirPort] = [await freePort(), await freePort()];
  const issuer = `http://localhost:${authPort}/oauth2/default`;
  const fhirBase = `http://localhost:${fhirPort}/fhir`;
  const appPorts: Record<string, number> = {};
  for (const name of Object.keys(options.variants)) appPorts[name] = await freePort();
  const apps = Object.fromEntries(
    Object.entries(appPorts).map(([name, port]) => [name, `http://localhost:${port}`]),
  );
  const origins = Object.values(apps);

  // One public client that every variant's origin may use, as one Okta app with several redirect URIs would.
  const authConfigFile = join(dataDir, 'auth-config.json');
  writeFileSync(
    authConfigFile,
    JSON.stringify({
      clients: [
        {
          clientId: CLIENT_ID,
          redirectUris: origins.map((origin) => `${origin}/login/callback`),
          postLogoutRedirectUris: origins.flatMap((origin) => [origin, `${origin}/`]),
          allowedOrigins: origins,
        },
      ],
    }),
  );
  const sharedEnv = {
    DATA_DIR: dataDir,
    ISSUER: issuer,
    FHIR_BASE: fhirBase,
    AUTH_PORT: String(authPort),
    FHIR_PORT: String(fhirPort),
    AUTH_CONFIG_FILE: authConfigFile,
    ...(options.accessTokenTtlSeconds
      ? { ACCESS_TOKEN_TTL_SECONDS: String(options.accessTokenTtlSeconds) }
      : {}),
  };

  // Every process this stack ever ran, restarts included: all their output is checked at close.
  const launched: LaunchedProcess[] = [];
  const startServer = async (...args: Parameters<typeof startQuietServer>) => {
    const started = await startQuietServer(...args);
    launched.push(started);
    return started;
  };
  const starters: Record<Server, () => Promise<LaunchedProcess>> = {
    auth: () =>
      startServer(
        'auth',
        'servers/auth/main.ts',
        // The EHR simulator launches the first variant's app, as `npm start` serves it.
        { ...sharedEnv, APP_ORIGIN: origins[0] ?? '', EHR_SIMULATOR: 'on' },
        `${issuer}/.well-known/openid-configuration`,
      ),
    // Every variant's requests come from its own origin.
    fhir: () =>
      startServer(
        'fhir',
        'servers/fhir/main.ts',
        {
          ...sharedEnv,
          APP_ORIGIN: origins.join(','),
          ...(options.introspectionCacheSeconds === undefined
            ? {}
            : { INTROSPECTION_CACHE_SECONDS: String(options.introspectionCacheSeconds) }),
        },
        `${fhirBase}/metadata`,
      ),
  };
  const servers: Record<Server, LaunchedProcess | undefined> = { auth: undefined, fhir: undefined };
  const webHosts: LaunchedProcess[] = [];
  const everything = (): LaunchedProcess[] => [
    ...Object.values(servers).filter((server) => server !== undefined),
    ...webHosts,
  ];
  try {
    [servers.auth, servers.fhir] = await Promise.all([starters.auth(), starters.fhir()]);
    for (const [name, variant] of Object.entries(options.variants)) {
      const configFile = join(dataDir, `config-${name}.json`);
      writeFileSync(configFile, JSON.stringify(appConfig(issuer, fhirBase, variant), null, 2));
      const env = { ...sharedEnv, APP_PORT: String(appPorts[name]), CONFIG_FILE: configFile };
      webHosts.push(await startServer(`web:${name}`, 'servers/web/main.ts', env, apps[name] ?? ''));
    }
  } catch (error) {
    await stopAll(everything());
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }

  return {
    dataDir,
    issuer,
    fhirBase,
    apps,
    stop: async (server) => {
      const running = servers[server];
      if (running) await stopAll([running]);
      servers[server] = undefined;
    },
    restart: async (server) => {
      servers[server] = await starters[server]();
    },
    output: (server) =>
      launched
        .filter((process) => process.name === server)
        .map((process) => process.output.join(''))
        .join(''),
    close: async () => {
      await stopAll(everything());
      try {
        const leaks = findLeaks(
          [
            ...launched.map((process) => ({
              name: `[${process.name}] output`,
              text: process.output.join(''),
            })),
            ...auditLogsIn(dataDir),
          ],
          patientNamesIn(dataDir),
        );
        if (leaks.length > 0) {
          throw new Error(`The servers logged what they must not:\n- ${leaks.join('\n- ')}`);
        }
      } finally {
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
  };
}

async function startQuietServer(
  name: string,
  entry: string,
  env: Record<string, string>,
  readyUrl: string,
): Promise<LaunchedProcess> {
  const started = launch({ name, ...tsEntry(resolve(repoRoot, entry)), env, output: 'quiet' });
  try {
    await waitForUrl(readyUrl, started);
  } catch (error) {
    await stopAll([started]);
    throw error;
  }
  return started;
}

/** The app's runtime configuration for this stack: the same shape as public/config.json. */
function appConfig(issuer: string, fhirBase: string, variant: AppVariant): unknown {
  return {
    okta: {
      issuer,
      clientId: CLIENT_ID,
      scopes: variant.scopes ?? SCOPES,
      ...(variant.useClassicEngine ? { useClassicEngine: true } : {}),
      // The local stack uses DPoP unless a variant turns it off, as public/config.json does.
      dpop: variant.dpop ?? true,
    },
    loginMode: variant.loginMode ?? 'redirect',
    fhir: { baseUrl: variant.fhirBase ?? fhirBase },
    ...(variant.session ? { session: variant.session } : {}),
    // The local stack is also an EHR that launches the app, as in public/config.json.
    ehrs: variant.ehrs ?? [{ name: 'Local EHR', iss: fhirBase, clientId: CLIENT_ID }],
  };
}

const VARIABLE = 'FHIROKTA_E2E_STACK';

/** Hands the shared stack's URLs from global setup to the test workers, through the environment. */
export function exportStack(stack: StackUrls): void {
  process.env[VARIABLE] = JSON.stringify({
    dataDir: stack.dataDir,
    issuer: stack.issuer,
    fhirBase: stack.fhirBase,
    apps: stack.apps,
  });
}

export function sharedStack(): StackUrls {
  const raw = process.env[VARIABLE];
  if (!raw) throw new Error('The e2e stack is not running: run the suite with `npm run test:e2e`.');
  return JSON.parse(raw) as StackUrls;
}

/** Adds the long-history ICU patient to a running stack's store, as `npm run seed -- --long-history` does. */
export async function seedLongHistory(stack: RunningStack, observations: number): Promise<void> {
  await promisify(execFile)(
    process.execPath,
    [
      '--import',
      'tsx',
      'servers/seed/main.ts',
      '--data-dir',
      stack.dataDir,
      '--long-history',
      String(observations),
    ],
    { cwd: repoRoot },
  );
}
