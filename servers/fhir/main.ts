import { resolve } from 'node:path';
import { introspectionFromEnv } from './auth/introspection.ts';
import { createLogger } from './logger.ts';
import { startFhirServer } from './server.ts';

/** `tsx servers/fhir/main.ts`: the FHIR server configured from the environment (docs/CONTRACT.md). */
const log = createLogger('fhir');
const server = await startFhirServer({
  port: Number(process.env['FHIR_PORT'] ?? 4400),
  dataDir: resolve(process.env['DATA_DIR'] ?? '.data'),
  issuer: process.env['ISSUER'] ?? 'http://localhost:4300/oauth2/default',
  // A comma-separated list admits several app origins (the e2e suite serves one app per config variant).
  appOrigin: (process.env['APP_ORIGIN'] ?? 'http://localhost:4200')
    .split(',')
    .map((origin) => origin.trim()),
  // FHIR_INTROSPECTION=off: local JWT checks only; INTROSPECTION_CACHE_SECONDS: answer reuse (5).
  introspection: introspectionFromEnv(process.env),
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    log.info(`${signal}: shutting down`);
    void server.close().then(() => process.exit(0));
  });
}
