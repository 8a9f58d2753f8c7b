import { patientElement } from '../store/compartment.ts';
import { clinical, clinicalTypes, isClinicalType, type ClinicalType } from './clinical.ts';
import {
  dateParam,
  idParam,
  patientParam,
  referenceParam,
  tokenParam,
  type ParamDefinition,
} from './param-definitions.ts';

/** The chart types' search parameters, generated from their declarations (search/clinical.ts). */
function paramsOf(type: ClinicalType): ReadonlyMap<string, ParamDefinition> {
  const d = clinical[type];
  const params = new Map<string, ParamDefinition>([['_id', idParam]]);
  for (const name of d.patientParams) params.set(name, patientParam(patientElement[type]));
  for (const p of [d.date, ...d.otherDates]) {
    const documentation = `${p.documentation}: prefixes, partial dates, ranges by repeating (UTC)`;
    params.set(p.param, dateParam(p.param, documentation));
  }
  for (const p of d.tokens) params.set(p.param, tokenParam(p.param, p.documentation));
  for (const p of d.references) params.set(p.param, referenceParam(p));
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
