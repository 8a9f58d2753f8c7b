import { Quantity } from './fhir-types';
import { formatNumber, formatQuantity, formatQuantityValue } from './format-datatypes';
import { lookupTable } from './lookup-table';

/** 'clinical' reads as a clinician writes it ("129 mmHg"); 'exact' is the number as sent ("129.368"). */
export type Precision = 'clinical' | 'exact';

/** Decimals clinicians read for a LOINC code, when the value comes in one of the usual units. */
interface ClinicalPrecision {
  readonly decimals: number;
  /** UCUM codes, and the way servers write them in Quantity.unit. */
  readonly units: readonly string[];
}

const MM_HG = ['mm[Hg]', 'mmHg'];
const PER_MIN = [
  '/min',
  '{beats}/min',
  '{breaths}/min',
  'beats/min',
  'beats/minute',
  'breaths/min',
];
const PERCENT = ['%'];
const MG_DL = ['mg/dL'];
const MMOL_L = ['mmol/L', 'meq/L', 'mEq/L'];
const TEMPERATURE = ['Cel', '[degF]', '°C', '°F'];
const LENGTH = ['cm', '[in_i]', 'in'];
const COUNT_PER_UL = ['10*3/uL', '10*9/L'];

const precision = (decimals: number, units: readonly string[], codes: string[]) =>
  codes.map((code): [string, ClinicalPrecision] => [code, { decimals, units }]);

const CLINICAL_PRECISION = lookupTable<ClinicalPrecision>([
  // Vital signs
  ...precision(0, MM_HG, ['8480-6', '8462-4', '8478-0']), // systolic, diastolic, mean BP
  ...precision(0, PER_MIN, ['8867-4', '9279-1']), // heart rate, respiratory rate
  ...precision(0, PERCENT, ['2708-6', '59408-5']), // SpO2
  ...precision(1, TEMPERATURE, ['8310-5', '8331-1']), // body, oral temperature
  ...precision(1, ['kg', '[lb_av]', 'lb'], ['29463-7']), // body weight
  ...precision(1, LENGTH, ['8302-2', '9843-4', '8287-5']), // height, head circumference
  ...precision(1, ['kg/m2'], ['39156-5']), // BMI
  ...precision(0, ['{score}', '1'], ['72514-3']), // pain severity 0-10
  // Chemistry
  ...precision(1, PERCENT, ['4548-4', '17856-6']), // HbA1c
  ...precision(0, MG_DL, ['2339-0', '2345-7']), // glucose
  ...precision(0, MG_DL, ['2093-3', '18262-6', '13457-7', '2085-9', '2571-8']), // lipids
  ...precision(2, MG_DL, ['2160-0', '38483-4']), // creatinine
  ...precision(0, MG_DL, ['6299-2', '3094-0']), // urea nitrogen
  ...precision(1, MG_DL, ['49765-1', '17861-6']), // calcium
  ...precision(1, MMOL_L, ['2823-3', '6298-4']), // potassium
  ...precision(0, MMOL_L, ['2951-2', '2947-0', '2075-0', '2069-3', '2028-9', '20565-8']), // Na, Cl, CO2
  ...precision(0, ['mL/min/{1.73_m2}', 'mL/min/1.73m2', 'mL/min'], ['33914-3', '62238-1']), // eGFR
  ...precision(3, ['1', ''], ['5811-5', '2965-2']), // urine specific gravity
  // Haematology
  ...precision(1, ['g/dL'], ['718-7', '786-4']), // haemoglobin, MCHC
  ...precision(1, PERCENT, ['4544-3']), // haematocrit
  ...precision(1, COUNT_PER_UL, ['6690-2']), // white cells
  ...precision(0, COUNT_PER_UL, ['777-3']), // platelets
  ...precision(2, ['10*6/uL', '10*12/L'], ['789-8']), // red cells
  ...precision(1, ['fL'], ['787-2']), // MCV
]);

/** The number exactly as sent, for "exact: 129.368". */
export function exactNumber(value: number | undefined): string {
  return value === undefined || !Number.isFinite(value) ? '' : String(value);
}

/**
 * Unknown codes: at most three significant digits, but every integer digit kept (1234.5 reads
 * "1235") and never more decimals than the number carries. JSON numbers lose trailing zeros
 * (a sent "5.0" parses to 5), so a sender's stated precision is not knowable here: only the
 * table above, which pads to the convention ("37.0 °C"), shows decimals the number lacks.
 */
function significantDigits(value: number): string {
  const sent = String(value);
  if (value === 0 || /e/i.test(sent)) return formatNumber(value);
  const magnitude = Math.floor(Math.log10(Math.abs(value)));
  const wanted = Math.max(0, 2 - magnitude);
  const carried = sent.split('.')[1]?.length ?? 0;
  return value.toFixed(Math.min(wanted, carried));
}

function tablePrecision(
  loinc: readonly string[],
  unit: Pick<Quantity, 'unit' | 'code'>,
): ClinicalPrecision | undefined {
  const stated = [unit.code, unit.unit].filter((u): u is string => u !== undefined);
  return loinc
    .map((code) => CLINICAL_PRECISION.get(code))
    .find(
      (entry) =>
        entry !== undefined &&
        // A value in an unusual unit (glucose in mmol/L) is not read at the usual decimals.
        (stated.length === 0 || stated.some((u) => entry.units.includes(u))),
    );
}

/** A measured number at the precision a clinician reads for its LOINC code and unit. */
export function clinicalNumber(
  value: number | undefined,
  loinc: readonly string[],
  unit: Pick<Quantity, 'unit' | 'code'> = {},
): string {
  if (value === undefined || !Number.isFinite(value)) return '';
  if (Math.abs(value) >= 1e15) return formatNumber(value);
  const known = tablePrecision(loinc, unit);
  const text = known ? value.toFixed(known.decimals) : significantDigits(value);
  // -0.2 rounded to a whole number is "0", not "-0".
  return text.replace(/^-(0(\.0+)?)$/, '$1');
}

type MeasuredQuantity = Pick<Quantity, 'value' | 'comparator' | 'unit' | 'code'>;

/** A limit ("< 0.01") is a boundary the lab stated, not a measurement: it is never rounded. */
function numberText(
  quantity: MeasuredQuantity | undefined,
  loinc: readonly string[],
  as: Precision,
) {
  if (as === 'exact' || quantity?.comparator) return exactNumber;
  return (value: number | undefined) => clinicalNumber(value, loinc, quantity ?? {});
}

/** "< 5", "129", without the unit, for where the unit is a heading. */
export function formatClinicalQuantityValue(
  quantity: MeasuredQuantity | undefined,
  loinc: readonly string[],
  as: Precision = 'clinical',
): string {
  return formatQuantityValue(quantity, numberText(quantity, loinc, as));
}

/** "129 mmHg", "6.1 %", "< 0.01 ng/mL". */
export function formatClinicalQuantity(
  quantity: Quantity | undefined,
  loinc: readonly string[],
  as: Precision = 'clinical',
): string {
  return formatQuantity(quantity, numberText(quantity, loinc, as));
}
