import { lookupTable } from './lookup-table';

/** HL7 v3 ActCode encounter classes (Encounter.class) in words, for servers that send no display. */
export const ENCOUNTER_CLASSES = lookupTable([
  ['AMB', 'Ambulatory'],
  ['EMER', 'Emergency'],
  ['IMP', 'Inpatient'],
  ['ACUTE', 'Inpatient acute'],
  ['NONAC', 'Inpatient non-acute'],
  ['OBSENC', 'Observation encounter'],
  ['PRENC', 'Pre-admission'],
  ['SS', 'Short stay'],
  ['VR', 'Virtual'],
  ['HH', 'Home health'],
  ['FLD', 'Field'],
]);
