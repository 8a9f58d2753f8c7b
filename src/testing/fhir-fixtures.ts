// Official HL7 FHIR R4 example resources from ../shared/fixtures/hl7-r4-examples (CC0),
// trimmed to the fields the app reads, plus one Synthea patient and observation (Apache-2.0).
import { Observation, Patient } from '../app/fhir/fhir-types';

export const bloodPressure: Observation = {
  resourceType: 'Observation',
  id: 'blood-pressure',
  status: 'final',
  category: [
    {
      coding: [
        {
          system: 'http://terminology.hl7.org/CodeSystem/observation-category',
          code: 'vital-signs',
          display: 'Vital Signs',
        },
      ],
    },
  ],
  code: {
    coding: [
      {
        system: 'http://loinc.org',
        code: '85354-9',
        display: 'Blood pressure panel with all children optional',
      },
    ],
    text: 'Blood pressure systolic & diastolic',
  },
  subject: { reference: 'Patient/example' },
  effectiveDateTime: '2012-09-17',
  interpretation: [
    {
      coding: [
        {
          system: 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation',
          code: 'L',
          display: 'low',
        },
      ],
      text: 'Below low normal',
    },
  ],
  component: [
    {
      code: {
        coding: [
          { system: 'http://loinc.org', code: '8480-6', display: 'Systolic blood pressure' },
          {
            system: 'http://snomed.info/sct',
            code: '271649006',
            display: 'Systolic blood pressure',
          },
          {
            system: 'http://acme.org/devices/clinical-codes',
            code: 'bp-s',
            display: 'Systolic Blood pressure',
          },
        ],
      },
      valueQuantity: {
        value: 107,
        unit: 'mmHg',
        system: 'http://unitsofmeasure.org',
        code: 'mm[Hg]',
      },
      interpretation: [
        {
          coding: [
            {
              system: 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation',
              code: 'N',
              display: 'normal',
            },
          ],
          text: 'Normal',
        },
      ],
    },
    {
      code: {
        coding: [
          { system: 'http://loinc.org', code: '8462-4', display: 'Diastolic blood pressure' },
        ],
      },
      valueQuantity: {
        value: 60,
        unit: 'mmHg',
        system: 'http://unitsofmeasure.org',
        code: 'mm[Hg]',
      },
      interpretation: [
        {
          coding: [
            {
              system: 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation',
              code: 'L',
              display: 'low',
            },
          ],
          text: 'Below low normal',
        },
      ],
    },
  ],
};

export const eyeColor: Observation = {
  resourceType: 'Observation',
  id: 'eye-color',
  status: 'final',
  code: { text: 'eye color' },
  subject: { reference: 'Patient/example' },
  effectiveDateTime: '2016-05-18',
  valueString: 'blue',
};

export const lastMenstrualPeriod: Observation = {
  resourceType: 'Observation',
  id: 'date-lastmp',
  status: 'final',
  category: [
    {
      coding: [
        {
          system: 'http://terminology.hl7.org/CodeSystem/observation-category',
          code: 'survey',
          display: 'Survey',
        },
      ],
      text: 'AOE',
    },
  ],
  code: {
    coding: [{ system: 'http://loinc.org', code: '8665-2', display: 'Date last menstrual period' }],
    text: 'Date last menstrual period',
  },
  subject: { reference: 'Patient/pat2' },
  effectiveDateTime: '2016-01-24',
  valueDateTime: '2016-12-30',
};

export const abdominalTenderness: Observation = {
  resourceType: 'Observation',
  id: 'abdo-tender',
  status: 'final',
  category: [
    {
      coding: [
        {
          system: 'http://terminology.hl7.org/CodeSystem/observation-category',
          code: 'exam',
          display: 'Exam',
        },
      ],
    },
  ],
  code: {
    coding: [
      {
        system: 'http://snomed.info/sct',
        code: '43478001',
        display: 'Abdominal tenderness (finding)',
      },
    ],
    text: 'Abdominal tenderness',
  },
  subject: { reference: 'Patient/example' },
  effectivePeriod: { start: '2018-04-02T10:30:10+01:00' },
  issued: '2018-04-03T15:30:10+01:00',
  valueBoolean: true,
  interpretation: [
    {
      coding: [
        {
          system: 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation',
          code: 'A',
          display: 'Abnormal',
        },
      ],
      text: 'Abnormal',
    },
  ],
};

export const baseExcess: Observation = {
  resourceType: 'Observation',
  id: 'f002',
  status: 'final',
  code: {
    coding: [
      {
        system: 'http://loinc.org',
        code: '11555-0',
        display: 'Base excess in Blood by calculation',
      },
    ],
  },
  subject: { reference: 'Patient/f001', display: 'P. van de Heuvel' },
  effectivePeriod: { start: '2013-04-02T10:30:10+01:00', end: '2013-04-05T10:30:10+01:00' },
  issued: '2013-04-03T15:30:10+01:00',
  valueQuantity: {
    value: 12.6,
    unit: 'mmol/l',
    system: 'http://unitsofmeasure.org',
    code: 'mmol/L',
  },
  interpretation: [
    {
      coding: [
        {
          system: 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation',
          code: 'H',
          display: 'High',
        },
      ],
    },
  ],
  referenceRange: [
    {
      low: { value: 7.1, unit: 'mmol/l', system: 'http://unitsofmeasure.org', code: 'mmol/L' },
      high: { value: 11.2, unit: 'mmol/l', system: 'http://unitsofmeasure.org', code: 'mmol/L' },
    },
  ],
};

export const unsatisfactorySample: Observation = {
  resourceType: 'Observation',
  id: 'unsat',
  status: 'cancelled',
  code: {
    coding: [
      { system: 'http://loinc.org', code: '15074-8', display: 'Glucose [Moles/volume] in Blood' },
    ],
  },
  subject: { reference: 'Patient/f001', display: 'P. van de Heuvel' },
  effectivePeriod: { start: '2013-04-02T09:30:10+01:00', end: '2013-04-05T09:30:10+01:00' },
  issued: '2013-04-03T15:30:10+01:00',
  dataAbsentReason: {
    coding: [
      {
        system: 'http://snomed.info/sct',
        code: '125154007',
        display: 'Specimen unsatisfactory for evaluation',
      },
    ],
  },
  referenceRange: [
    {
      low: { value: 3.1, unit: 'mmol/l', system: 'http://unitsofmeasure.org', code: 'mmol/L' },
      high: { value: 6.2, unit: 'mmol/l', system: 'http://unitsofmeasure.org', code: 'mmol/L' },
    },
  ],
};

export const staphylococcus: Observation = {
  resourceType: 'Observation',
  id: 'f206',
  status: 'final',
  code: {
    coding: [
      { system: 'http://acmelabs.org', code: '104177', display: 'Blood culture' },
      {
        system: 'http://loinc.org',
        code: '600-7',
        display: 'Bacteria identified in Blood by Culture',
      },
    ],
  },
  subject: { reference: 'Patient/f201', display: 'Roel' },
  issued: '2013-03-11T10:28:00+01:00',
  valueCodeableConcept: {
    coding: [
      { system: 'http://snomed.info/sct', code: '3092008', display: 'Staphylococcus aureus' },
    ],
  },
  interpretation: [
    {
      coding: [
        {
          system: 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation',
          code: 'POS',
        },
      ],
    },
  ],
};

export const cancelledBloodPressure: Observation = {
  resourceType: 'Observation',
  id: 'blood-pressure-cancel',
  status: 'cancelled',
  category: [
    {
      coding: [
        {
          system: 'http://terminology.hl7.org/CodeSystem/observation-category',
          code: 'vital-signs',
          display: 'Vital Signs',
        },
      ],
    },
  ],
  code: {
    coding: [
      {
        system: 'http://loinc.org',
        code: '85354-9',
        display: 'Blood pressure panel with all children optional',
      },
    ],
    text: 'Blood pressure systolic & diastolic',
  },
  subject: { reference: 'Patient/example' },
  effectiveDateTime: '2012-09-17',
  interpretation: [
    {
      coding: [
        {
          system: 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation',
          code: 'L',
          display: 'low',
        },
      ],
      text: 'Below low normal',
    },
  ],
  component: [
    {
      code: {
        coding: [
          { system: 'http://loinc.org', code: '8480-6', display: 'Systolic blood pressure' },
          {
            system: 'http://snomed.info/sct',
            code: '271649006',
            display: 'Systolic blood pressure',
          },
          {
            system: 'http://acme.org/devices/clinical-codes',
            code: 'bp-s',
            display: 'Systolic Blood pressure',
          },
        ],
      },
      dataAbsentReason: {
        coding: [
          {
            system: 'http://terminology.hl7.org/CodeSystem/data-absent-reason',
            code: 'not-asked',
            display: 'Not Asked',
          },
        ],
      },
    },
    {
      code: {
        coding: [
          { system: 'http://loinc.org', code: '8462-4', display: 'Diastolic blood pressure' },
        ],
      },
      dataAbsentReason: {
        coding: [
          {
            system: 'http://terminology.hl7.org/CodeSystem/data-absent-reason',
            code: 'not-asked',
            display: 'Not Asked',
          },
        ],
      },
    },
  ],
};

export const temperatureEnteredInError: Observation = {
  resourceType: 'Observation',
  id: 'f202',
  status: 'entered-in-error',
  category: [
    {
      coding: [
        {
          system: 'http://terminology.hl7.org/CodeSystem/observation-category',
          code: 'vital-signs',
          display: 'Vital Signs',
        },
      ],
    },
  ],
  code: {
    coding: [
      { system: 'http://acme.lab', code: 'BT', display: 'Body temperature' },
      { system: 'http://loinc.org', code: '8310-5', display: 'Body temperature' },
      { system: 'http://loinc.org', code: '8331-1', display: 'Oral temperature' },
      { system: 'http://snomed.info/sct', code: '56342008', display: 'Temperature taking' },
    ],
    text: 'Temperature',
  },
  subject: { reference: 'Patient/f201', display: 'Roel' },
  issued: '2013-04-04T13:27:00+01:00',
  valueQuantity: { value: 39, unit: 'degrees C', system: 'http://unitsofmeasure.org', code: 'Cel' },
  interpretation: [
    {
      coding: [
        { system: 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation', code: 'H' },
      ],
    },
  ],
  referenceRange: [{ high: { value: 38.2, unit: 'degrees C' } }],
};

export const heartRate: Observation = {
  resourceType: 'Observation',
  id: 'heart-rate',
  status: 'final',
  category: [
    {
      coding: [
        {
          system: 'http://terminology.hl7.org/CodeSystem/observation-category',
          code: 'vital-signs',
          display: 'Vital Signs',
        },
      ],
      text: 'Vital Signs',
    },
  ],
  code: {
    coding: [{ system: 'http://loinc.org', code: '8867-4', display: 'Heart rate' }],
    text: 'Heart rate',
  },
  subject: { reference: 'Patient/example' },
  effectiveDateTime: '1999-07-02',
  valueQuantity: {
    value: 44,
    unit: 'beats/minute',
    system: 'http://unitsofmeasure.org',
    code: '/min',
  },
};

export const syntheaPatient: Patient = {
  resourceType: 'Patient',
  id: 'a196b317-2719-4739-b449-4ac5ec4fce62',
  name: [{ use: 'official', family: 'Reynolds', given: ['Noel'] }],
  gender: 'male',
  birthDate: '2019-01-24',
  identifier: [
    {
      system: 'https://github.com/synthetichealth/synthea',
      value: '368d6c9b-be99-45a0-a126-ae796bc32eac',
    },
    {
      type: {
        coding: [
          {
            system: 'http://terminology.hl7.org/CodeSystem/v2-0203',
            code: 'MR',
            display: 'Medical Record Number',
          },
        ],
        text: 'Medical Record Number',
      },
      system: 'http://hospital.smarthealthit.org',
      value: '368d6c9b-be99-45a0-a126-ae796bc32eac',
    },
    {
      type: {
        coding: [
          {
            system: 'http://terminology.hl7.org/CodeSystem/v2-0203',
            code: 'SS',
            display: 'Social Security Number',
          },
        ],
        text: 'Social Security Number',
      },
      system: 'http://hl7.org/fhir/sid/us-ssn',
      value: '999-71-3190',
    },
  ],
};

export const syntheaCodedObservation: Observation = {
  resourceType: 'Observation',
  id: '78f2f8b5-b2c8-44a5-89a2-e2b9a3da8c41',
  status: 'final',
  category: [
    {
      coding: [
        {
          system: 'http://terminology.hl7.org/CodeSystem/observation-category',
          code: 'survey',
          display: 'survey',
        },
      ],
    },
  ],
  code: {
    coding: [
      { system: 'http://loinc.org', code: '72166-2', display: 'Tobacco smoking status NHIS' },
    ],
    text: 'Tobacco smoking status NHIS',
  },
  subject: { reference: 'urn:uuid:a196b317-2719-4739-b449-4ac5ec4fce62' },
  effectiveDateTime: '2019-01-25T03:51:16+00:00',
  issued: '2019-01-25T03:51:16.294+00:00',
  valueCodeableConcept: {
    coding: [{ system: 'http://snomed.info/sct', code: '266919005', display: 'Never smoker' }],
    text: 'Never smoker',
  },
};

export const syntheaBloodPressure: Observation = {
  resourceType: 'Observation',
  id: '917d5308-2885-4c10-bb1d-79ecb3ec6685',
  status: 'final',
  category: [
    {
      coding: [
        {
          system: 'http://terminology.hl7.org/CodeSystem/observation-category',
          code: 'vital-signs',
          display: 'vital-signs',
        },
      ],
    },
  ],
  code: {
    coding: [{ system: 'http://loinc.org', code: '55284-4', display: 'Blood Pressure' }],
    text: 'Blood Pressure',
  },
  subject: { reference: 'urn:uuid:a196b317-2719-4739-b449-4ac5ec4fce62' },
  effectiveDateTime: '2019-01-25T03:51:16+00:00',
  issued: '2019-01-25T03:51:16.294+00:00',
  component: [
    {
      code: {
        coding: [
          { system: 'http://loinc.org', code: '8462-4', display: 'Diastolic Blood Pressure' },
        ],
        text: 'Diastolic Blood Pressure',
      },
      valueQuantity: {
        value: 87.93446800269939,
        unit: 'mm[Hg]',
        system: 'http://unitsofmeasure.org',
        code: 'mm[Hg]',
      },
    },
    {
      code: {
        coding: [
          { system: 'http://loinc.org', code: '8480-6', display: 'Systolic Blood Pressure' },
        ],
        text: 'Systolic Blood Pressure',
      },
      valueQuantity: {
        value: 114.81341443490089,
        unit: 'mm[Hg]',
        system: 'http://unitsofmeasure.org',
        code: 'mm[Hg]',
      },
    },
  ],
};
