/** What the generator measures: LOINC codes, UCUM units and adult reference ranges. */
import { loinc, snomed, type Code } from './fhir-shapes.ts';

export type Category = 'vital-signs' | 'laboratory';

/** A LOINC code, with how it is measured. */
export interface Measure extends Code {
  /** UCUM code, also shown as the unit. */
  unit: string;
  category: Category;
  decimals: number;
  /** Reference range; either end may be open (cholesterol has only an upper limit). */
  range?: (gender: 'male' | 'female') => { low?: number; high?: number };
}

const fixed = (low?: number, high?: number) => (): { low?: number; high?: number } => ({
  low,
  high,
});

export const vitals = {
  systolic: {
    ...loinc('8480-6', 'Systolic blood pressure'),
    unit: 'mm[Hg]',
    category: 'vital-signs',
    decimals: 0,
    range: fixed(90, 120),
  },
  diastolic: {
    ...loinc('8462-4', 'Diastolic blood pressure'),
    unit: 'mm[Hg]',
    category: 'vital-signs',
    decimals: 0,
    range: fixed(60, 80),
  },
  heartRate: {
    ...loinc('8867-4', 'Heart rate'),
    unit: '/min',
    category: 'vital-signs',
    decimals: 0,
    range: fixed(60, 100),
  },
  respRate: {
    ...loinc('9279-1', 'Respiratory rate'),
    unit: '/min',
    category: 'vital-signs',
    decimals: 0,
    range: fixed(12, 20),
  },
  temperature: {
    ...loinc('8310-5', 'Body temperature'),
    unit: 'Cel',
    category: 'vital-signs',
    decimals: 1,
    range: fixed(36.1, 37.2),
  },
  spo2: {
    ...loinc('59408-5', 'Oxygen saturation in Arterial blood by Pulse oximetry'),
    unit: '%',
    category: 'vital-signs',
    decimals: 0,
    range: fixed(95, 100),
  },
  weight: {
    ...loinc('29463-7', 'Body weight'),
    unit: 'kg',
    category: 'vital-signs',
    decimals: 1,
  },
  height: {
    ...loinc('8302-2', 'Body height'),
    unit: 'cm',
    category: 'vital-signs',
    decimals: 1,
  },
  bmi: {
    ...loinc('39156-5', 'Body mass index (BMI) [Ratio]'),
    unit: 'kg/m2',
    category: 'vital-signs',
    decimals: 1,
    range: fixed(18.5, 24.9),
  },
} as const satisfies Record<string, Measure>;

export const bpPanel = loinc('85354-9', 'Blood pressure panel with all children optional');

export const labs = {
  glucose: {
    ...loinc('2345-7', 'Glucose [Mass/volume] in Serum or Plasma'),
    unit: 'mg/dL',
    category: 'laboratory',
    decimals: 0,
    range: fixed(70, 99),
  },
  hba1c: {
    ...loinc('4548-4', 'Hemoglobin A1c/Hemoglobin.total in Blood'),
    unit: '%',
    category: 'laboratory',
    decimals: 1,
    range: fixed(4, 5.6),
  },
  creatinine: {
    ...loinc('2160-0', 'Creatinine [Mass/volume] in Serum or Plasma'),
    unit: 'mg/dL',
    category: 'laboratory',
    decimals: 2,
    range: (g) => (g === 'male' ? { low: 0.74, high: 1.35 } : { low: 0.59, high: 1.04 }),
  },
  potassium: {
    ...loinc('2823-3', 'Potassium [Moles/volume] in Serum or Plasma'),
    unit: 'mmol/L',
    category: 'laboratory',
    decimals: 1,
    range: fixed(3.5, 5.1),
  },
  sodium: {
    ...loinc('2951-2', 'Sodium [Moles/volume] in Serum or Plasma'),
    unit: 'mmol/L',
    category: 'laboratory',
    decimals: 0,
    range: fixed(136, 145),
  },
  hemoglobin: {
    ...loinc('718-7', 'Hemoglobin [Mass/volume] in Blood'),
    unit: 'g/dL',
    category: 'laboratory',
    decimals: 1,
    range: (g) => (g === 'male' ? { low: 13.5, high: 17.5 } : { low: 12, high: 15.5 }),
  },
  wbc: {
    ...loinc('6690-2', 'Leukocytes [#/volume] in Blood by Automated count'),
    unit: '10*3/uL',
    category: 'laboratory',
    decimals: 1,
    range: fixed(4.5, 11),
  },
  platelets: {
    ...loinc('777-3', 'Platelets [#/volume] in Blood by Automated count'),
    unit: '10*3/uL',
    category: 'laboratory',
    decimals: 0,
    range: fixed(150, 400),
  },
  cholesterol: {
    ...loinc('2093-3', 'Cholesterol [Mass/volume] in Serum or Plasma'),
    unit: 'mg/dL',
    category: 'laboratory',
    decimals: 0,
    range: fixed(undefined, 200),
  },
  hdl: {
    ...loinc('2085-9', 'Cholesterol in HDL [Mass/volume] in Serum or Plasma'),
    unit: 'mg/dL',
    category: 'laboratory',
    decimals: 0,
    range: fixed(40, undefined),
  },
  ldl: {
    ...loinc('13457-7', 'Cholesterol in LDL [Mass/volume] in Serum or Plasma by calculation'),
    unit: 'mg/dL',
    category: 'laboratory',
    decimals: 0,
    range: fixed(undefined, 100),
  },
  triglycerides: {
    ...loinc('2571-8', 'Triglyceride [Mass/volume] in Serum or Plasma'),
    unit: 'mg/dL',
    category: 'laboratory',
    decimals: 0,
    range: fixed(undefined, 150),
  },
} as const satisfies Record<string, Measure>;

/** Chronic conditions that shape a patient's trends. */
export const conditions = {
  hypertension: snomed('38341003', 'Hypertensive disorder, systemic arterial (disorder)'),
  diabetes: snomed('44054006', 'Diabetes mellitus type 2 (disorder)'),
  obesity: snomed('414916001', 'Obesity (disorder)'),
} satisfies Record<string, Code>;
