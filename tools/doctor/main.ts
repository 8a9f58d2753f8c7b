// `npm run doctor -- --config <file> [--app-origin <url>] [--token <jwt> | --token -]`: checks a deployment's
// Okta and FHIR setup from the outside and says how to fix what is wrong. Exits 1 when any check fails.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { readDeployment } from './deployment.ts';
import { formatReport } from './report.ts';
import { checkCapabilities, checkDpopAdvertised, checkPaging } from './capability-checks.ts';
import { checkEhr } from './ehr-checks.ts';
import { checkServers } from './server-checks.ts';
import { checkToken } from './token-checks.ts';

const USAGE =
  'usage: npm run doctor -- --config <config.json> [--app-origin <url>] [--token <jwt> | --token -]\n';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      config: { type: 'string', default: 'public/config.json' },
      'app-origin': { type: 'string', default: 'http://localhost:4200' },
      token: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const reading = readDeployment(values.config, values['app-origin']);
  if (!reading.ok) {
    // The app would show its configuration error page: nothing else is worth checking until it is fixed.
    process.stdout.write(`${values.config} is not valid: the app would not start\n\n`);
    process.stdout.write(formatReport(reading.results));
    return 1;
  }
  const { deployment } = reading;
  process.stdout.write(
    `Checking ${values.config} for an app served from ${deployment.appOrigin}\n\n`,
  );
  const { results, discovery } = await checkServers(deployment);
  results.push(...(await checkCapabilities(deployment)), await checkDpopAdvertised(deployment));
  for (const [index, ehr] of deployment.ehrs.entries()) {
    results.push(...(await checkEhr(ehr, index, deployment.appOrigin)));
  }
  if (values.token !== undefined) {
    // "-" reads the token from stdin, which keeps it out of the shell history.
    const token = (values.token === '-' ? readFileSync(0, 'utf8') : values.token).trim();
    results.push(...(await checkToken(token, deployment, discovery)));
    results.push(...(await checkPaging(deployment, token)));
  }
  process.stdout.write(formatReport(results));
  return results.some((result) => result.status === 'fail') ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    process.exit(2);
  },
);
