// The URLs of the stack that global-setup.ts started, handed to the test workers through the environment.
export interface E2eStack {
  appUrl: string;
  issuer: string;
  fhirBase: string;
}

const VARIABLE = 'FHIROKTA_E2E_STACK';

export function exportStack(stack: E2eStack): void {
  process.env[VARIABLE] = JSON.stringify(stack);
}

export function e2eStack(): E2eStack {
  const raw = process.env[VARIABLE];
  if (!raw) throw new Error('The e2e stack is not running: run the suite with `npm run test:e2e`.');
  return JSON.parse(raw) as E2eStack;
}

export const DEMO_PASSWORD = 'fhirokta-demo';
