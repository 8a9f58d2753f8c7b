import { stackFromEnvironment } from '../stack-config.ts';
import { introspectionFromEnv } from './auth/introspection.ts';
import { createLogger } from './logger.ts';
import { startFhirServer } from './server.ts';

/**
 * `tsx servers/fhir/main.ts`: the FHIR server configured from the environment (docs/CONTRACT.md):
 * FHIR_PORT, DATA_DIR, ISSUER and APP_ORIGIN through `stackFromEnvironment`, where APP_ORIGIN may
 * list several origins, comma-separated (the e2e suite serves one app per config variant).
 */
const log = createLogger('fhir');
const stack = stackFromEnvironment();
const server = await startFhirServer({
  port: stack.fhirPort,
  dataDir: stack.dataDir,
  issuer: stack.issuer,
  appOrigin: stack.appOrigins,
  // FHIR_INTROSPECTION=off: local JWT checks only; INTROSPECTION_CACHE_SECONDS: answer reuse (5).
  introspection: introspectionFromEnv(process.env),
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    log.info(`${signal}: shutting down`);
    void server.close().then(() => process.exit(0));
  });
}
