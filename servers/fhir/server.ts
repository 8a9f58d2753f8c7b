import { listenHost } from '../stack-config.ts';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createApp } from './app.ts';
import { openAuditLog } from './audit.ts';
import { createIntrospection, type IntrospectionOptions } from './auth/introspection.ts';
import { createTokenVerifier } from './auth/token.ts';
import { defaults } from './config.ts';
import { answerParseErrors } from './http-parse-errors.ts';
import { createLogger } from './logger.ts';
import { seedStore } from './seed-store.ts';
import { FhirStore } from './store/store.ts';

export interface FhirServerOptions {
  /** 0 = any free port. */
  port: number;
  /** `fhir.sqlite` and `audit.log` live here; the store is seeded on first start. */
  dataDir: string;
  /** Tokens must come from here; JWKS at `${issuer}/v1/keys`, fetched lazily and cached. */
  issuer: string;
  /** The only origin CORS admits (or a list of them, e.g. one per app variant in the e2e suite). */
  appOrigin: string | readonly string[];
  /**
   * Asks `${issuer}/v1/introspect` whether each verified token is still active (RFC 7662), so a token
   * revoked elsewhere is refused at the next request (after the answer cache, default 5 s). Default
   * on; `false` verifies JWTs locally only, as most real FHIR servers (IRIS, HAPI) do.
   */
  introspection?: boolean | IntrospectionOptions;
  /** Answers compressed at once (default `defaults.maxCompressions`); 0 sends every answer as it is. */
  maxCompressions?: number;
  /** Silences the request log on stdout (tests); the audit log is always written. */
  quiet?: boolean;
}

export interface FhirServer {
  baseUrl: string;
  port: number;
  close(): Promise<void>;
}

/** Starts the FHIR server on 127.0.0.1; its base URL (and token audience) uses the host `localhost`. */
export async function startFhirServer(options: FhirServerOptions): Promise<FhirServer> {
  const log = createLogger('fhir', options.quiet);
  mkdirSync(options.dataDir, { recursive: true });
  const store = new FhirStore(join(options.dataDir, 'fhir.sqlite'));
  if (store.reindexed) {
    const { from, to, resources, ms } = store.reindexed;
    log.info(`reindexed ${resources} resources (index version ${from} to ${to}) in ${ms} ms`);
  }
  if (store.isEmpty()) {
    const report = seedStore(store, { patients: defaults.seedPatients, seed: defaults.seed });
    log.info(`seeded ${report.resources} resources in ${report.ms} ms`);
  }
  const audit = openAuditLog(join(options.dataDir, 'audit.log'));

  // The base URL (and so the token audience) is known only once the port is: listen first.
  // Above Node's 16 KB default, so an over-long URL reaches the app and gets its 414 OperationOutcome.
  const server = createServer({ maxHeaderSize: defaults.maxHeaderBytes });
  answerParseErrors(server);
  server.listen(options.port, listenHost());
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const port = (server.address() as AddressInfo).port;
  const baseUrl = `http://localhost:${port}/fhir`;
  const introspection = options.introspection === true ? {} : (options.introspection ?? {});
  const app = createApp({
    store,
    baseUrl,
    issuer: options.issuer,
    appOrigin: options.appOrigin,
    verifyToken: createTokenVerifier(
      options.issuer,
      baseUrl,
      introspection === false ? undefined : createIntrospection(options.issuer, introspection),
    ),
    audit,
    log,
    maxCompressions: options.maxCompressions ?? defaults.maxCompressions,
  });
  server.on('request', app);
  log.info(
    `FHIR server at ${baseUrl} (issuer ${options.issuer}, introspection ${introspection === false ? 'off' : 'on'})`,
  );

  let closing: Promise<void> | undefined;
  return {
    baseUrl,
    port,
    close: () =>
      (closing ??= new Promise<void>((resolve) => {
        // Graceful: stop accepting, let in-flight requests finish, then close the store.
        server.close(() => {
          audit.close();
          store.close();
          resolve();
        });
        server.closeIdleConnections();
      })),
  };
}
