import { clinical, clinicalTypes, type ClinicalType } from './clinical.ts';
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
      documentation: `${d.patientPath}: Patient/[id] or [id]; comma-separated for several`,
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
  for (const p of d.references) {
    params.set(p.param, {
      kind: 'reference',
      param: p.param,
      fhirType: 'reference',
      target: p.target,
      documentation: `${p.target}/[id] or [id]; comma-separated for several`,
      modifiers: [],
    });
  }
  return params;
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
