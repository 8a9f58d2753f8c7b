// `npm start`: the authorization server, the FHIR server and `ng serve`, in one terminal, stopped by one Ctrl-C.
// `npm run start:servers` (--no-app) starts only the two servers, e.g. in a container or beside `npm run serve`.
import { resolve } from 'node:path';
import { SMART_LAUNCH } from './auth/defaults.ts';
import { launch, stopAll, tsEntry, waitForUrl, type LaunchedProcess } from './launch.ts';
import { repoRoot, stackFromEnvironment } from './stack-config.ts';

const stack = stackFromEnvironment();
const withApp = !process.argv.includes('--no-app');
const sharedEnv = {
  DATA_DIR: stack.dataDir,
  APP_ORIGIN: stack.appOrigins.join(','),
  ISSUER: stack.issuer,
  FHIR_BASE: stack.fhirBase,
  AUTH_PORT: String(stack.authPort),
  FHIR_PORT: String(stack.fhirPort),
  // The local stack is also an EHR: its simulator launches the app (development only).
  EHR_SIMULATOR: 'on',
};
const ehrSimulator = `http://localhost:${stack.authPort}${SMART_LAUNCH.simulatorPath}`;

const processes: LaunchedProcess[] = [];
let stopping = false;

async function shutdown(exitCode: number): Promise<never> {
  stopping = true;
  await stopAll(processes);
  process.exit(exitCode);
}

process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

function start(name: string, command: { command: string; args: string[] }): LaunchedProcess {
  const started = launch({ name, ...command, env: sharedEnv, output: 'prefixed' });
  // One process dying takes the others down with it, so a half-running stack never looks healthy.
  started.child.on('exit', () => {
    if (!stopping) void shutdown(1);
  });
  processes.push(started);
  return started;
}

try {
  const auth = start('auth', tsEntry(resolve(repoRoot, 'servers/auth/main.ts')));
  const fhir = start('fhir', tsEntry(resolve(repoRoot, 'servers/fhir/main.ts')));
  await waitForUrl(`${stack.issuer}/.well-known/openid-configuration`, auth);
  await waitForUrl(`${stack.fhirBase}/metadata`, fhir);
  if (withApp) {
    const app = start('app', {
      command: process.execPath,
      args: [
        resolve(repoRoot, 'node_modules/@angular/cli/bin/ng.js'),
        'serve',
        '--host=localhost',
        `--port=${stack.appPort}`,
        '--no-open',
      ],
    });
    await waitForUrl(stack.appOrigin, app, 180_000);
  }
  process.stdout.write(
    [
      '',
      withApp ? `  fhirokta is running at ${stack.appOrigin}` : '  fhirokta servers are running',
      `  authorization server  ${stack.issuer}`,
      `  FHIR server           ${stack.fhirBase}`,
      `  EHR simulator         ${ehrSimulator}  (launches fhirokta as an EHR does)`,
      `  data directory        ${stack.dataDir}  (npm run reset-data clears it)`,
      '',
      '  Demo users (password: fhirokta-demo)',
      '    clinician@example.com   every patient (user/*.read)',
      '    frontdesk@example.com   patients only (user/Patient.read)',
      '    patient@example.com     one patient’s own record (patient/*.read)',
      '',
      '  Press Ctrl-C to stop everything.',
      '',
    ].join('\n') + '\n',
  );
} catch (error) {
  process.stderr.write(
    `npm start failed: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  await shutdown(1);
}
