import { HttpErrorResponse } from '@angular/common/http';
import { PhiSafeErrorHandler } from './phi-safe-error-handler';

describe('PhiSafeErrorHandler', () => {
  let logged: string[];

  beforeEach(() => {
    logged = [];
    spyOn(console, 'error').and.callFake((...parts: unknown[]) => logged.push(parts.join(' ')));
  });

  it('never writes an HTTP error’s URL, with its search terms, to the console', () => {
    const error = new HttpErrorResponse({
      url: 'http://localhost:4400/fhir/Patient?name=Nelson&identifier=123763',
      status: 500,
    });
    new PhiSafeErrorHandler().handleError(error);
    expect(logged.length).toBe(1);
    expect(logged[0]).not.toContain('Nelson');
    expect(logged[0]).not.toContain('123763');
  });

  it('names the kind of error and Angular’s code, and nothing from the message', () => {
    new PhiSafeErrorHandler().handleError(new TypeError('NG0100: value "Ana Nelson" changed'));
    expect(logged[0]).toContain('TypeError NG0100');
    expect(logged[0]).not.toContain('Ana Nelson');
  });
});
