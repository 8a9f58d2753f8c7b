// `npm run reset-data`: forget the local stack's data (SQLite store, signing key); the next start reseeds it.
import { rmSync } from 'node:fs';
import { stackFromEnvironment } from './stack-config.ts';

const { dataDir } = stackFromEnvironment();
rmSync(dataDir, { recursive: true, force: true });
process.stdout.write(
  `Removed ${dataDir}. The next \`npm start\` seeds fresh data and a new signing key.\n`,
);
