import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { EHR_SESSION } from '../fhir/fhir-session';
import { testEhrSession } from '../../testing/ehr-session';
import { EhrLanding } from './ehr-landing';
import { saveEhrSession } from './ehr-session';
import { SmartStyle } from './smart-style';

describe('EhrLanding (where a new EHR session starts)', () => {
  let navigate: jasmine.Spy;
  let applyStyle: jasmine.Spy;

  beforeEach(() => sessionStorage.clear());
  afterEach(() => sessionStorage.clear());

  async function land(context: Record<string, unknown>) {
    const session = testEhrSession(context);
    saveEhrSession(sessionStorage, session);
    applyStyle = jasmine.createSpy('apply');
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        { provide: EHR_SESSION, useValue: session },
        { provide: SmartStyle, useValue: { apply: applyStyle } },
      ],
    });
    navigate = spyOn(TestBed.inject(Router), 'navigate').and.resolveTo(true);
    await TestBed.inject(EhrLanding).open();
  }

  it('opens the launch patient’s chart in the EHR’s style', async () => {
    await land({ patient: 'pat-7' });
    expect(navigate).toHaveBeenCalledOnceWith(['/patients', 'pat-7'], { replaceUrl: true });
    expect(applyStyle).toHaveBeenCalled();
  });

  it('opens the patient list on the EHR’s server when the EHR named no patient', async () => {
    await land({});
    expect(navigate).toHaveBeenCalledOnceWith(['/patients'], { replaceUrl: true });
  });
});
