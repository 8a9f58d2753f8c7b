import { FamilyMemberHistory } from '../../fhir/fhir-types';
import { detailsOf } from '../../../testing/chart-fixtures';
import { familyHistoryRow, familyHistoryStatus, familyHistorySection } from './family-history';

const ROLE_CODE = 'http://terminology.hl7.org/CodeSystem/v3-RoleCode';

describe('Family history', () => {
  it('a relative reads as who they are, each condition with the age it began, and whether they died of it', () => {
    const father: FamilyMemberHistory = {
      resourceType: 'FamilyMemberHistory',
      id: 'fmh-1',
      status: 'completed',
      patient: { reference: 'Patient/pat-0001' },
      date: '2023-03-25',
      relationship: {
        coding: [{ system: ROLE_CODE, code: 'FTH', display: 'father' }],
        text: 'Father',
      },
      sex: { text: 'Male' },
      condition: [
        {
          code: { text: 'Myocardial infarction' },
          onsetAge: { value: 58, unit: 'years', system: 'http://unitsofmeasure.org', code: 'a' },
          contributedToDeath: true,
        },
        { code: { text: 'Hypertension' } },
      ],
      deceasedAge: { value: 71, unit: 'years', system: 'http://unitsofmeasure.org', code: 'a' },
    };
    const row = familyHistoryRow(father);
    expect(row.id).toBe('fmh-1');
    expect(row.title).toBe('Father');
    expect(row.status).toEqual({ label: 'Completed', group: 'active' });
    expect(row.when).toBe('Recorded Mar 25, 2023');
    expect(detailsOf(row)).toEqual({
      Conditions: 'Myocardial infarction, onset at age 58, contributed to death; Hypertension',
      Sex: 'Male',
      Deceased: 'at age 71',
    });
  });

  it('a relative with nothing recorded still says so, never that they had nothing', () => {
    const row = familyHistoryRow({ resourceType: 'FamilyMemberHistory', deceasedBoolean: true });
    expect(row.title).toBe('Unnamed relative');
    expect(row.when).toBe('Date not recorded');
    expect(row.status).toEqual({ label: 'Status unknown', group: 'unknown' });
    expect(detailsOf(row)).toEqual({ Conditions: 'No conditions recorded', Deceased: 'Yes' });
  });

  it('statuses in words: partial and health unknown count, entered in error is set apart', () => {
    const of = (status: FamilyMemberHistory['status']) =>
      familyHistoryStatus({ resourceType: 'FamilyMemberHistory', status });
    expect(of('partial')).toEqual({ label: 'Partial', group: 'active' });
    expect(of('health-unknown')).toEqual({ label: 'Health unknown', group: 'active' });
    expect(of('entered-in-error').group).toBe('entered-in-error');
  });

  it('asks for the patient’s family history, its relatives named by the relationship', () => {
    expect(familyHistorySection.type).toBe('FamilyMemberHistory');
    expect(familyHistorySection.heading).toBe('Family history');
    expect(familyHistorySection.query).toEqual({ _count: 50 });
  });
});
