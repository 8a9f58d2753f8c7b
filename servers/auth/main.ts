/** Starts the authorization server from environment variables (see `inputFromEnv` in config-input.ts). */
import { readFileSync } from 'node:fs';
import { inputFromEnv, parseConfigFile } from './config-input.ts';
import { startAuthServer } from './server.ts';

const configFile = process.env.AUTH_CONFIG_FILE;
const file = configFile ? parseConfigFile(readFileSync(configFile, 'utf8'), configFile) : {};
const server = await startAuthServer(inputFromEnv(process.env, file));

const stop = () => void server.close().then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
