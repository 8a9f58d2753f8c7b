// The production host: serves the built SPA with security headers, `config.json` and a fallback for app routes.
import { listenHost } from '../stack-config.ts';
import express from 'express';
import { existsSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { resolve } from 'node:path';
import { ehrsOf, watchEhrOrigins, type EhrOrigins } from './ehr-origins.ts';
import { securityHeaders, type HeaderSources } from './security-headers.ts';

export interface WebServerOptions {
  port: number;
  /** The Angular build's browser folder (index.html, hashed bundles, config.json). */
  distDir: string;
  /** The runtime configuration to serve as /config.json; by default the one copied into the build. */
  configFile?: string;
  /** Told about each EHR whose discovery cannot be read yet (its FHIR origin alone is allowed). */
  onEhrUnread?: (ehr: EhrOrigins) => void;
  /** How the host reads EHR discovery (tests); the platform's fetch by default. */
  fetchFn?: typeof fetch;
}

export interface RunningWebServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

interface RuntimeConfigUrls {
  okta: { issuer: string };
  fhir: { baseUrl: string };
}

export async function startWebServer(options: WebServerOptions): Promise<RunningWebServer> {
  const indexFile = resolve(options.distDir, 'index.html');
  if (!existsSync(indexFile)) {
    throw new Error(`No build at ${options.distDir}: run \`npm run build\` first.`);
  }
  const configFile = options.configFile ?? resolve(options.distDir, 'config.json');
  const configText = readFileSync(configFile, 'utf8');
  const config = parsed(configText);
  const ehrs = await watchEhrOrigins(
    ehrsOf(config),
    options.onEhrUnread ?? (() => undefined),
    options.fetchFn,
  );
  const headers = () =>
    securityHeaders({
      ...originsOf(config),
      ehrOrigins: ehrs.current().flatMap((ehr) => ehr.origins),
    });

  const app = express();
  app.disable('x-powered-by');
  app.use((_req, res, next) => {
    res.set(headers());
    next();
  });
  app.get('/config.json', (_req, res) => {
    res.set('Cache-Control', 'no-store').type('application/json').send(configText);
  });
  app.use(express.static(options.distDir, { index: false, fallthrough: true }));
  // Every other GET is an app route (deep links such as /observations/pat-0001); asset misses stay 404.
  // no-store: nothing of a session stays in a shared workstation's cache, and Chromium keeps no-store
  // pages out of the back-forward cache, so Back after sign-out cannot show a patient.
  app.get(/^\/(?!.*\.[a-z0-9]+$).*/i, (_req, res) => {
    res.set('Cache-Control', 'no-store').sendFile(indexFile);
  });

  const server = await new Promise<Server>((resolveListen, reject) => {
    const listening = app.listen(options.port, listenHost(), () => resolveListen(listening));
    listening.on('error', reject);
  });
  const address = server.address();
  const port = address && typeof address === 'object' ? address.port : options.port;
  return {
    url: `http://localhost:${port}`,
    port,
    close: () =>
      new Promise((done) => {
        ehrs.stop();
        server.close(() => done());
      }),
  };
}

function parsed(configText: string): Partial<RuntimeConfigUrls> {
  try {
    return JSON.parse(configText) as Partial<RuntimeConfigUrls>;
  } catch {
    // Served as is: the app's own validation explains a broken config to the user.
    return {};
  }
}

function originsOf(config: Partial<RuntimeConfigUrls>): HeaderSources {
  return {
    issuerOrigin: originOf(config.okta?.issuer),
    fhirOrigin: originOf(config.fhir?.baseUrl),
  };
}

function originOf(url: unknown): string | null {
  if (typeof url !== 'string' || !URL.canParse(url)) return null;
  return new URL(url).origin;
}
