/** Starts the authorization server from environment variables (see `inputFromEnv` in config-input.ts). */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { inputFromEnv, parseConfigFile } from './config-input.ts';
import { startAuthServer } from './server.ts';

const configFile = process.env.AUTH_CONFIG_FILE;
const file = configFile ? parseConfigFile(readFileSync(configFile, 'utf8'), configFile) : {};
const input = inputFromEnv(process.env, file);
const server = await startAuthServer({ ...input, dataDir: resolve(input.dataDir) });

const stop = () => void server.close().then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
