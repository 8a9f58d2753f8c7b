import { ROW_CONTEXT, detailsOf } from '../../../testing/chart-fixtures';
import { noteRow, noteStatus } from './notes';

describe('Notes', () => {
  it('statuses in words: superseded is inactive, entered in error is set apart', () => {
    expect(noteStatus({ resourceType: 'DocumentReference', status: 'superseded' })).toEqual({
      label: 'Superseded',
      group: 'inactive',
    });
    expect(
      noteStatus({ resourceType: 'DocumentReference', status: 'entered-in-error' }).group,
    ).toBe('entered-in-error');
  });

  it('a note is titled by its type, else its description, and offers its content', () => {
    const row = noteRow(
      {
        resourceType: 'DocumentReference',
        description: 'Discharge summary',
        date: '2024-01-14T12:00:00Z',
        author: [{ display: 'Dr. Ben Haddad' }],
        content: [{ attachment: { contentType: 'text/plain', data: btoa('Home on day 4.') } }],
      },
      ROW_CONTEXT,
    );
    expect(row.title).toBe('Discharge summary');
    expect(row.when).toBe('Written Jan 14, 2024');
    expect(detailsOf(row)).toEqual({ Author: 'Dr. Ben Haddad' });
    expect(row.attachments.length).toBe(1);
  });
});
