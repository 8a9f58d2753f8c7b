/**
 * What a chart type's declaration (search/clinical.ts) holds and how its paths are read.
 *
 * Paths are dotted element names; arrays are walked through (`reaction.substance` is every reaction's
 * substance). A path ending in `[x]` tries each choice suffix this server compares (dateTime, Period,
 * instant, date).
 */

/**
 * An element's R4 shape, which import/shapes.ts checks on every write: a data type (`CodeableConcept`,
 * `Reference`, `string` for a primitive), with `[]` when the element repeats. A choice path (`x[x]`)
 * maps each suffix this server accepts to its shape.
 */
export type Shape = string;
export type ChoiceShape = Readonly<Record<string, Shape>>;

export interface Indexed {
  param: string;
  paths: readonly string[];
  /** The shape of every path of this parameter. */
  shape: Shape | ChoiceShape;
}
export interface Documented extends Indexed {
  documentation: string;
}

export interface ClinicalDeclaration {
  /**
   * The element naming the resource's patient (R4 Patient CompartmentDefinition: the element R4's
   * `patient` search parameter reads); store/compartment.ts takes each type's patient from here.
   */
  patientElement: 'subject' | 'patient';
  /** R4 search parameters that mean the resource's patient (`patient`, `subject`, or both). */
  patientParams: readonly string[];
  /** The clinical date: filtered and sorted on the main index (`type, patient, date_lo`). */
  date: Documented;
  /** Further date parameters (filter and sort), kept in `clinical_date`. */
  otherDates: readonly Documented[];
  /** Token parameters: CodeableConcept, Coding or code elements. */
  tokens: readonly Documented[];
  /** Reference parameters other than the patient, with the one type they point to here. */
  references: readonly (Indexed & { target: string })[];
  /** The shape of each BackboneElement a dotted path walks through (`reaction.substance`'s `reaction`). */
  backbones?: Readonly<Record<string, 'BackboneElement' | 'BackboneElement[]'>>;
}

/** Every value at a dotted path, arrays walked through; `x[x]` tries the suffixes dates come in. */
export function valuesAt(resource: Record<string, unknown>, path: string): unknown[] {
  let current: unknown[] = [resource];
  const parts = path.split('.');
  for (const [i, part] of parts.entries()) {
    const names =
      i === parts.length - 1 && part.endsWith('[x]')
        ? ['DateTime', 'Period', 'Instant', 'Date'].map((s) => part.slice(0, -3) + s)
        : [part];
    const next: unknown[] = [];
    for (const value of current) {
      if (!value || typeof value !== 'object' || Array.isArray(value)) continue;
      for (const name of names) {
        const child = (value as Record<string, unknown>)[name];
        if (Array.isArray(child)) next.push(...child);
        else if (child !== undefined && child !== null) next.push(child);
      }
    }
    current = next;
  }
  return current;
}
