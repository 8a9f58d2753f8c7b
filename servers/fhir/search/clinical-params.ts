import { patientElement } from '../store/compartment.ts';
import { clinical, clinicalTypes, isClinicalType, type ClinicalType } from './clinical.ts';
import type { ParamDefinition } from './params.ts';

const idDoc = 'Logical id; comma-separated for several';
const dateDoc = 'prefixes, partial dates, ranges by repeating (UTC)';

/** The chart types' search parameters, generated from their declarations (search/clinical.ts). */
function paramsOf(type: ClinicalType): ReadonlyMap<string, ParamDefinition> {
  const d = clinical[type];
  const params = new Map<string, ParamDefinition>([
    [
      '_id',
      { kind: 'token', param: '_id', fhirType: 'token', documentation: idDoc, modifiers: [] },
    ],
  ]);
  for (const name of d.patientParams) {
    params.set(name, {
      kind: 'reference',
      param: 'patient',
      fhirType: 'reference',
      target: 'Patient',
      documentation: `${patientElement[type]}: Patient/[id] or [id]; comma-separated for several`,
      modifiers: ['Patient'],
    });
  }
  for (const p of [d.date, ...d.otherDates]) {
    params.set(p.param, {
      kind: 'date',
      param: p.param,
      fhirType: 'date',
      documentation: `${p.documentation}: ${dateDoc}`,
      modifiers: [],
    });
  }
  for (const p of d.tokens) {
    params.set(p.param, {
      kind: 'token',
      param: p.param,
      fhirType: 'token',
      documentation: p.documentation,
      modifiers: [],
    });
  }
  for (const p of d.references) params.set(p.param, referenceParam(p));
  return params;
}

/** A reference parameter other than the patient: ids of its one target type. */
export function referenceParam(p: { param: string; target: string }): ParamDefinition {
  return {
    kind: 'reference',
    param: p.param,
    fhirType: 'reference',
    target: p.target,
    documentation: `${p.target}/[id] or [id]; comma-separated for several`,
    modifiers: [],
  };
}

export const clinicalSearchParams = Object.fromEntries(
  clinicalTypes.map((type) => [type, paramsOf(type)]),
) as Record<ClinicalType, ReadonlyMap<string, ParamDefinition>>;

/** Each chart type sorts by its date parameters, `_lastUpdated` and `_id`. */
export const clinicalSortKeys = {} as Record<ClinicalType, readonly string[]>;
for (const type of clinicalTypes) {
  const d = clinical[type];
  clinicalSortKeys[type] = [
    d.date.param,
    ...d.otherDates.map((p) => p.param),
    '_lastUpdated',
    '_id',
  ];
}

/** `_include` values a chart type takes: every declared reference, e.g. `MedicationRequest:medication`. */
export function clinicalIncludes(type: string): string[] {
  return isClinicalType(type) ? clinical[type].references.map((r) => `${type}:${r.param}`) : [];
}

/** The reference parameter an `_include` value names (`Type:param` or `Type:param:Target`), if any. */
export function clinicalInclude(type: string, value: string): string | undefined {
  if (!isClinicalType(type)) return undefined;
  const [source, param, target, ...rest] = value.split(':');
  const ref = clinical[type].references.find((r) => r.param === param);
  if (
    source !== type ||
    !ref ||
    rest.length > 0 ||
    (target !== undefined && target !== ref.target)
  ) {
    return undefined;
  }
  return ref.param;
}
