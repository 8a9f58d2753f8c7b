/**
 * The chart's vocabulary: SNOMED CT for problems, allergens, reactions and procedures, RxNorm for
 * drugs, CVX for vaccines, LOINC for report panels and note types. Real codes, so the app's code
 * displays and any terminology lookup behave as they would on production data.
 */
import { labs } from './catalog.ts';
import { cvx, loinc, rxnorm, snomed, type Code } from './fhir-shapes.ts';

/** Problems beyond the three chronic ones in catalog.ts. */
export const problems = {
  asthma: snomed('195967001', 'Asthma (disorder)'),
  hyperlipidaemia: snomed('55822004', 'Hyperlipidemia (disorder)'),
  bronchitis: snomed('10509002', 'Acute bronchitis (disorder)'),
  pharyngitis: snomed('195662009', 'Acute viral pharyngitis (disorder)'),
  sinusitis: snomed('36971009', 'Sinusitis (disorder)'),
  ankleSprain: snomed('44465007', 'Sprain of ankle (disorder)'),
  laceration: snomed('284551006', 'Laceration of forearm (disorder)'),
  pneumonia: snomed('233604007', 'Pneumonia (disorder)'),
} satisfies Record<string, Code>;

export interface Drug extends Code {
  /** RxNorm code; also the id of its Medication resource (`med-<rxnorm>`). */
  form: 'tablet' | 'capsule' | 'inhaler';
  /** Units per dose, doses per day (0: as needed), and the sig the prescriber wrote. */
  dose: number;
  perDay: number;
  text: string;
}

export const drugs = {
  lisinopril: {
    ...rxnorm('314076', 'lisinopril 10 MG Oral Tablet'),
    form: 'tablet',
    dose: 1,
    perDay: 1,
    text: 'Take 1 tablet by mouth once daily',
  },
  amlodipine: {
    ...rxnorm('197361', 'amlodipine 5 MG Oral Tablet'),
    form: 'tablet',
    dose: 1,
    perDay: 1,
    text: 'Take 1 tablet by mouth once daily',
  },
  hydrochlorothiazide: {
    ...rxnorm('310798', 'hydrochlorothiazide 25 MG Oral Tablet'),
    form: 'tablet',
    dose: 1,
    perDay: 1,
    text: 'Take 1 tablet by mouth every morning',
  },
  metformin: {
    ...rxnorm('861007', 'metformin hydrochloride 500 MG Oral Tablet'),
    form: 'tablet',
    dose: 1,
    perDay: 2,
    text: 'Take 1 tablet by mouth twice daily with meals',
  },
  atorvastatin: {
    ...rxnorm('617310', 'atorvastatin 20 MG Oral Tablet'),
    form: 'tablet',
    dose: 1,
    perDay: 1,
    text: 'Take 1 tablet by mouth at bedtime',
  },
  albuterol: {
    ...rxnorm('745679', '200 ACTUAT albuterol 0.09 MG/ACTUAT Metered Dose Inhaler'),
    form: 'inhaler',
    dose: 2,
    perDay: 0,
    text: 'Inhale 2 puffs every 4 to 6 hours as needed for wheezing',
  },
  fluticasone: {
    ...rxnorm('895994', '120 ACTUAT fluticasone propionate 0.044 MG/ACTUAT Metered Dose Inhaler'),
    form: 'inhaler',
    dose: 2,
    perDay: 2,
    text: 'Inhale 2 puffs twice daily; rinse mouth after use',
  },
  amoxicillin: {
    ...rxnorm('308191', 'amoxicillin 500 MG Oral Capsule'),
    form: 'capsule',
    dose: 1,
    perDay: 3,
    text: 'Take 1 capsule by mouth three times daily for 7 days',
  },
  azithromycin: {
    ...rxnorm('308460', 'azithromycin 250 MG Oral Tablet'),
    form: 'tablet',
    dose: 1,
    perDay: 1,
    text: 'Take 2 tablets on day 1, then 1 tablet daily for 4 days',
  },
  ibuprofen: {
    ...rxnorm('197806', 'ibuprofen 400 MG Oral Tablet'),
    form: 'tablet',
    dose: 1,
    perDay: 3,
    text: 'Take 1 tablet by mouth three times daily with food for up to 7 days',
  },
} as const satisfies Record<string, Drug>;
export type DrugName = keyof typeof drugs;

export interface Allergen extends Code {
  category: 'medication' | 'food' | 'environment';
  reactions: readonly Code[];
}

const anaphylaxis = snomed('39579001', 'Anaphylaxis (disorder)');
const urticaria = snomed('126485001', 'Urticaria (disorder)');
const rash = snomed('271807003', 'Eruption of skin (disorder)');
const angioedema = snomed('41291007', 'Angioedema (disorder)');
const wheezing = snomed('56018004', 'Wheezing (finding)');
const rhinitis = snomed('61582004', 'Allergic rhinitis (disorder)');
const nausea = snomed('422587007', 'Nausea (finding)');

/** Reactions that make an allergy high-criticality: they can kill. */
export const lifeThreatening: readonly string[] = [anaphylaxis.code, angioedema.code];

export const allergens = {
  penicillin: {
    ...snomed('764146007', 'Penicillin (substance)'),
    category: 'medication',
    reactions: [anaphylaxis, urticaria, rash],
  },
  sulfonamide: {
    ...snomed('387406002', 'Sulfonamide (substance)'),
    category: 'medication',
    reactions: [rash, urticaria],
  },
  aspirin: {
    ...snomed('387458008', 'Aspirin (substance)'),
    category: 'medication',
    reactions: [nausea, angioedema, wheezing],
  },
  peanut: {
    ...snomed('762952008', 'Peanut (substance)'),
    category: 'food',
    reactions: [anaphylaxis, urticaria, angioedema],
  },
  latex: {
    ...snomed('111088007', 'Latex (substance)'),
    category: 'environment',
    reactions: [urticaria, rash],
  },
  grassPollen: {
    ...snomed('256277009', 'Grass pollen (substance)'),
    category: 'environment',
    reactions: [rhinitis, wheezing],
  },
  dustMite: {
    ...snomed('260147004', 'House dust mite (substance)'),
    category: 'environment',
    reactions: [rhinitis, wheezing],
  },
} as const satisfies Record<string, Allergen>;

export const noKnownAllergy = snomed('716186003', 'No known allergy (situation)');

export const vaccines = {
  influenza: cvx('140', 'Influenza, seasonal, injectable, preservative free'),
  tdap: cvx('115', 'Tdap'),
  pneumococcalConjugate: cvx('133', 'Pneumococcal conjugate PCV 13'),
  pneumococcalPolysaccharide: cvx('33', 'pneumococcal polysaccharide vaccine, 23 valent'),
  zoster: cvx('187', 'zoster vaccine recombinant'),
  covid: cvx(
    '208',
    'SARS-COV-2 (COVID-19) vaccine, mRNA, spike protein, LNP, preservative free, 30 mcg/0.3mL dose',
  ),
  hpv: cvx('165', 'HPV9'),
} satisfies Record<string, Code>;

export const procedures = {
  ecg: snomed('268400002', '12 lead electrocardiogram (procedure)'),
  spirometry: snomed('127783003', 'Spirometry (procedure)'),
  colonoscopy: snomed('73761001', 'Colonoscopy (procedure)'),
  chestXray: snomed('399208008', 'Plain X-ray of chest (procedure)'),
  suture: snomed('288086009', 'Suture open wound (procedure)'),
} satisfies Record<string, Code>;

export interface Panel extends Code {
  /** LOINC codes of the results it groups (catalog.ts `labs`). */
  members: readonly string[];
}

/** The reports a visit's labs are filed in; a visit gets one per panel that has any result. */
export const panels: readonly Panel[] = [
  {
    ...loinc('51990-0', 'Basic metabolic panel - Blood'),
    members: [labs.glucose, labs.creatinine, labs.potassium, labs.sodium].map((m) => m.code),
  },
  {
    ...loinc(labs.hba1c.code, labs.hba1c.display),
    members: [labs.hba1c.code],
  },
  {
    ...loinc('24331-1', 'Lipid 1996 panel - Serum or Plasma'),
    members: [labs.cholesterol, labs.hdl, labs.ldl, labs.triglycerides].map((m) => m.code),
  },
  {
    ...loinc('58410-2', 'CBC panel - Blood by Automated count'),
    members: [labs.hemoglobin, labs.wbc, labs.platelets].map((m) => m.code),
  },
];

export const noteTypes = {
  progress: loinc('11506-3', 'Progress note'),
  historyAndPhysical: loinc('34117-2', 'History and physical note'),
  emergency: loinc('34111-5', 'Emergency department Note'),
  discharge: loinc('18842-5', 'Discharge summary'),
} satisfies Record<string, Code>;

export const encounterTypes = {
  checkUp: snomed('185349003', 'Encounter for check up (procedure)'),
  followUp: snomed('390906007', 'Follow-up encounter (procedure)'),
  emergency: snomed('50849002', 'Emergency room admission (procedure)'),
  admission: snomed('32485007', 'Hospital admission (procedure)'),
} satisfies Record<string, Code>;
