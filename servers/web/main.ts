// `npm run serve`: the production build on APP_PORT (default 4200); CONFIG_FILE replaces its config.json.
import { resolve } from 'node:path';
import { repoRoot, stackFromEnvironment } from '../stack-config.ts';
import { startWebServer } from './server.ts';

const { appPort } = stackFromEnvironment();
const server = await startWebServer({
  port: appPort,
  distDir: resolve(repoRoot, 'dist/fhirokta/browser'),
  configFile: process.env['CONFIG_FILE'],
  onEhrUnread: (ehr) =>
    process.stdout.write(
      `EHR "${ehr.name}": ${ehr.unread}; until it answers (asked again every minute), only its FHIR origin may be called or frame the app.\n`,
    ),
});
process.stdout.write(`fhirokta (production build) at ${server.url}\n`);
const stop = (): void => void server.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
