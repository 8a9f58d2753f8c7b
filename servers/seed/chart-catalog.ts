/**
 * The chart's vocabulary: SNOMED CT for problems, allergens, reactions and procedures, RxNorm for
 * drugs, CVX for vaccines, LOINC for report panels and note types. Real codes, so the app's code
 * displays and any terminology lookup behave as they would on production data.
 */
import { labs } from './catalog.ts';

export interface Code {
  code: string;
  display: string;
}

/** Problems beyond the three chronic ones in catalog.ts. */
export const problems = {
  asthma: { code: '195967001', display: 'Asthma (disorder)' },
  hyperlipidaemia: { code: '55822004', display: 'Hyperlipidemia (disorder)' },
  bronchitis: { code: '10509002', display: 'Acute bronchitis (disorder)' },
  pharyngitis: { code: '195662009', display: 'Acute viral pharyngitis (disorder)' },
  sinusitis: { code: '36971009', display: 'Sinusitis (disorder)' },
  ankleSprain: { code: '44465007', display: 'Sprain of ankle (disorder)' },
  laceration: { code: '284551006', display: 'Laceration of forearm (disorder)' },
  pneumonia: { code: '233604007', display: 'Pneumonia (disorder)' },
} as const satisfies Record<string, Code>;

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
    code: '314076',
    display: 'lisinopril 10 MG Oral Tablet',
    form: 'tablet',
    dose: 1,
    perDay: 1,
    text: 'Take 1 tablet by mouth once daily',
  },
  amlodipine: {
    code: '197361',
    display: 'amlodipine 5 MG Oral Tablet',
    form: 'tablet',
    dose: 1,
    perDay: 1,
    text: 'Take 1 tablet by mouth once daily',
  },
  hydrochlorothiazide: {
    code: '310798',
    display: 'hydrochlorothiazide 25 MG Oral Tablet',
    form: 'tablet',
    dose: 1,
    perDay: 1,
    text: 'Take 1 tablet by mouth every morning',
  },
  metformin: {
    code: '861007',
    display: 'metformin hydrochloride 500 MG Oral Tablet',
    form: 'tablet',
    dose: 1,
    perDay: 2,
    text: 'Take 1 tablet by mouth twice daily with meals',
  },
  atorvastatin: {
    code: '617310',
    display: 'atorvastatin 20 MG Oral Tablet',
    form: 'tablet',
    dose: 1,
    perDay: 1,
    text: 'Take 1 tablet by mouth at bedtime',
  },
  albuterol: {
    code: '745679',
    display: '200 ACTUAT albuterol 0.09 MG/ACTUAT Metered Dose Inhaler',
    form: 'inhaler',
    dose: 2,
    perDay: 0,
    text: 'Inhale 2 puffs every 4 to 6 hours as needed for wheezing',
  },
  fluticasone: {
    code: '895994',
    display: '120 ACTUAT fluticasone propionate 0.044 MG/ACTUAT Metered Dose Inhaler',
    form: 'inhaler',
    dose: 2,
    perDay: 2,
    text: 'Inhale 2 puffs twice daily; rinse mouth after use',
  },
  amoxicillin: {
    code: '308191',
    display: 'amoxicillin 500 MG Oral Capsule',
    form: 'capsule',
    dose: 1,
    perDay: 3,
    text: 'Take 1 capsule by mouth three times daily for 7 days',
  },
  azithromycin: {
    code: '308460',
    display: 'azithromycin 250 MG Oral Tablet',
    form: 'tablet',
    dose: 1,
    perDay: 1,
    text: 'Take 2 tablets on day 1, then 1 tablet daily for 4 days',
  },
  ibuprofen: {
    code: '197806',
    display: 'ibuprofen 400 MG Oral Tablet',
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

const anaphylaxis = { code: '39579001', display: 'Anaphylaxis (disorder)' };
const urticaria = { code: '126485001', display: 'Urticaria (disorder)' };
const rash = { code: '271807003', display: 'Eruption of skin (disorder)' };
const angioedema = { code: '41291007', display: 'Angioedema (disorder)' };
const wheezing = { code: '56018004', display: 'Wheezing (finding)' };
const rhinitis = { code: '61582004', display: 'Allergic rhinitis (disorder)' };
const nausea = { code: '422587007', display: 'Nausea (finding)' };

/** Reactions that make an allergy high-criticality: they can kill. */
export const lifeThreatening: readonly string[] = [anaphylaxis.code, angioedema.code];

export const allergens = {
  penicillin: {
    code: '764146007',
    display: 'Penicillin (substance)',
    category: 'medication',
    reactions: [anaphylaxis, urticaria, rash],
  },
  sulfonamide: {
    code: '387406002',
    display: 'Sulfonamide (substance)',
    category: 'medication',
    reactions: [rash, urticaria],
  },
  aspirin: {
    code: '387458008',
    display: 'Aspirin (substance)',
    category: 'medication',
    reactions: [nausea, angioedema, wheezing],
  },
  peanut: {
    code: '762952008',
    display: 'Peanut (substance)',
    category: 'food',
    reactions: [anaphylaxis, urticaria, angioedema],
  },
  latex: {
    code: '111088007',
    display: 'Latex (substance)',
    category: 'environment',
    reactions: [urticaria, rash],
  },
  grassPollen: {
    code: '256277009',
    display: 'Grass pollen (substance)',
    category: 'environment',
    reactions: [rhinitis, wheezing],
  },
  dustMite: {
    code: '260147004',
    display: 'House dust mite (substance)',
    category: 'environment',
    reactions: [rhinitis, wheezing],
  },
} as const satisfies Record<string, Allergen>;

export const noKnownAllergy = { code: '716186003', display: 'No known allergy (situation)' };

export const vaccines = {
  influenza: {
    code: '140',
    display: 'Influenza, seasonal, injectable, preservative free',
  },
  tdap: {
    code: '115',
    display: 'Tdap',
  },
  pneumococcalConjugate: { code: '133', display: 'Pneumococcal conjugate PCV 13' },
  pneumococcalPolysaccharide: {
    code: '33',
    display: 'pneumococcal polysaccharide vaccine, 23 valent',
  },
  zoster: { code: '187', display: 'zoster vaccine recombinant' },
  covid: {
    code: '208',
    display:
      'SARS-COV-2 (COVID-19) vaccine, mRNA, spike protein, LNP, preservative free, 30 mcg/0.3mL dose',
  },
  hpv: { code: '165', display: 'HPV9' },
} as const satisfies Record<string, Code>;

export const procedures = {
  ecg: { code: '268400002', display: '12 lead electrocardiogram (procedure)' },
  spirometry: { code: '127783003', display: 'Spirometry (procedure)' },
  colonoscopy: { code: '73761001', display: 'Colonoscopy (procedure)' },
  chestXray: { code: '399208008', display: 'Plain X-ray of chest (procedure)' },
  suture: { code: '288086009', display: 'Suture open wound (procedure)' },
} as const satisfies Record<string, Code>;

export interface Panel extends Code {
  /** LOINC codes of the results it groups (catalog.ts `labs`). */
  members: readonly string[];
}

/** The reports a visit's labs are filed in; a visit gets one per panel that has any result. */
export const panels: readonly Panel[] = [
  {
    code: '51990-0',
    display: 'Basic metabolic panel - Blood',
    members: [labs.glucose, labs.creatinine, labs.potassium, labs.sodium].map((m) => m.loinc),
  },
  {
    code: labs.hba1c.loinc,
    display: labs.hba1c.display,
    members: [labs.hba1c.loinc],
  },
  {
    code: '24331-1',
    display: 'Lipid 1996 panel - Serum or Plasma',
    members: [labs.cholesterol, labs.hdl, labs.ldl, labs.triglycerides].map((m) => m.loinc),
  },
  {
    code: '58410-2',
    display: 'CBC panel - Blood by Automated count',
    members: [labs.hemoglobin, labs.wbc, labs.platelets].map((m) => m.loinc),
  },
];

export const noteTypes = {
  progress: { code: '11506-3', display: 'Progress note' },
  historyAndPhysical: { code: '34117-2', display: 'History and physical note' },
  emergency: { code: '34111-5', display: 'Emergency department Note' },
  discharge: { code: '18842-5', display: 'Discharge summary' },
} as const satisfies Record<string, Code>;

export const encounterTypes = {
  checkUp: { code: '185349003', display: 'Encounter for check up (procedure)' },
  followUp: { code: '390906007', display: 'Follow-up encounter (procedure)' },
  emergency: { code: '50849002', display: 'Emergency room admission (procedure)' },
  admission: { code: '32485007', display: 'Hospital admission (procedure)' },
} as const satisfies Record<string, Code>;
