import { Encounter } from '../../fhir/fhir-types';
import { ROW_CONTEXT, detailsOf, inpatientStay } from '../../../testing/chart-fixtures';
import { encounterRow, encounterStatus } from './encounters';

describe('Encounters', () => {
  it('statuses in words: finished counts, cancelled is inactive', () => {
    expect(encounterStatus({ resourceType: 'Encounter', status: 'finished' })).toEqual({
      label: 'Finished',
      group: 'active',
    });
    expect(encounterStatus({ resourceType: 'Encounter', status: 'cancelled' }).group).toBe(
      'inactive',
    );
  });

  it('a row names the kind of visit, where and who: the class in words when no display is sent', () => {
    const visit: Encounter = {
      resourceType: 'Encounter',
      status: 'finished',
      class: { code: 'AMB' },
      period: { start: '2024-01-10T08:00:00Z' },
      location: [{ location: { display: 'Clinic A' } }, { location: { display: 'Room 2' } }],
      participant: [{ individual: { display: 'Dr. Ada Okonkwo' } }],
      reasonCode: [{ text: 'Check-up' }],
    };
    const row = encounterRow(visit, ROW_CONTEXT);
    expect(row.title).toBe('AMB');
    expect(detailsOf(row)).toEqual({
      Class: 'Ambulatory',
      Location: 'Clinic A, Room 2',
      Reason: 'Check-up',
      'Seen by': 'Dr. Ada Okonkwo',
    });
    expect(detailsOf(encounterRow(inpatientStay, ROW_CONTEXT))['Location']).toBe('Ward 3');
  });
});
