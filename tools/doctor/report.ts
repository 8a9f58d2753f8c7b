// What one doctor check found, and how the results are printed.
export type CheckStatus = 'pass' | 'warn' | 'fail';

export interface CheckResult {
  status: CheckStatus;
  /** What was checked, e.g. "issuer discovery document". */
  name: string;
  /** What was seen. */
  detail: string;
  /** How to fix it: required for warn and fail. */
  fix?: string;
}

export const pass = (name: string, detail: string): CheckResult => ({
  status: 'pass',
  name,
  detail,
});
export const warn = (name: string, detail: string, fix: string): CheckResult => ({
  status: 'warn',
  name,
  detail,
  fix,
});
export const fail = (name: string, detail: string, fix: string): CheckResult => ({
  status: 'fail',
  name,
  detail,
  fix,
});

const LABEL: Record<CheckStatus, string> = { pass: 'PASS', warn: 'WARN', fail: 'FAIL' };

export function formatReport(results: readonly CheckResult[]): string {
  const lines = results.map((result) => {
    const head = `${LABEL[result.status]}  ${result.name}: ${result.detail}`;
    return result.fix ? `${head}\n      fix: ${result.fix}` : head;
  });
  const count = (status: CheckStatus): number =>
    results.filter((result) => result.status === status).length;
  lines.push('', `${count('pass')} passed, ${count('warn')} warnings, ${count('fail')} failed`);
  return lines.join('\n') + '\n';
}
