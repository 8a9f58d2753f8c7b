import type { IssueType } from './errors.ts';

export interface OperationOutcome {
  resourceType: 'OperationOutcome';
  issue: {
    severity: 'fatal' | 'error' | 'warning' | 'information';
    code: IssueType | 'informational';
    diagnostics: string;
  }[];
}

export function operationOutcome(
  severity: OperationOutcome['issue'][number]['severity'],
  code: OperationOutcome['issue'][number]['code'],
  diagnostics: string,
): OperationOutcome {
  return { resourceType: 'OperationOutcome', issue: [{ severity, code, diagnostics }] };
}
