/**
 * What a search parameter is, and the helpers that declare one. A leaf: the parameter tables
 * (params.ts for Patient and Observation, clinical-params.ts for the chart types) both build on it.
 */
import type { Filter } from './types.ts';

/** The search parameters each type supports: the CapabilityStatement is generated from this too. */
export interface ParamDefinition {
  kind: Exclude<Filter['kind'], 'text'>;
  /** The filter this parameter becomes (`subject` and `patient` are the same filter). */
  param: string;
  fhirType: 'string' | 'token' | 'date' | 'reference';
  /** Reference parameters: the one type the ids are of (`Patient` when absent). */
  target?: string;
  documentation: string;
  modifiers: readonly string[];
}

export const stringParam = (param: string, documentation: string): ParamDefinition => ({
  kind: 'string',
  param,
  fhirType: 'string',
  documentation,
  modifiers: ['exact', 'contains'],
});

export const tokenParam = (
  param: string,
  documentation: string,
  modifiers: readonly string[] = [],
): ParamDefinition => ({ kind: 'token', param, fhirType: 'token', documentation, modifiers });

export const dateParam = (param: string, documentation: string): ParamDefinition => ({
  kind: 'date',
  param,
  fhirType: 'date',
  documentation,
  modifiers: [],
});

export const idParam = tokenParam('_id', 'Logical id; comma-separated for several');

const idsOf = (target: string): string => `${target}/[id] or [id]; comma-separated for several`;

/** A reference parameter other than the patient: ids of its one target type. */
export const referenceParam = (p: { param: string; target: string }): ParamDefinition => ({
  kind: 'reference',
  param: p.param,
  fhirType: 'reference',
  target: p.target,
  documentation: idsOf(p.target),
  modifiers: [],
});

/**
 * The patient reference, whichever name a type gives it (`subject`, `patient`): one filter.
 * `element`, when given, names the element it searches in the documentation.
 */
export const patientParam = (element?: string): ParamDefinition => ({
  kind: 'reference',
  param: 'patient',
  fhirType: 'reference',
  target: 'Patient',
  documentation: element ? `${element}: ${idsOf('Patient')}` : idsOf('Patient'),
  modifiers: ['Patient'],
});
