import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { EHR_SESSION } from '../fhir/fhir-session';
import { testEhrSession } from '../../testing/ehr-session';
import { saveEhrSession } from './ehr-session';
import { SmartStyle, contrast, styleColours, styleFonts } from './smart-style';

const READABLE = { color_background: '#edeae3', color_text: '#1f1f1f' };

describe('a SMART style sheet, checked before it themes the app', () => {
  it('takes readable colours as the app’s theme variables', () => {
    expect(
      styleColours({ ...READABLE, color_highlight: '#00529b', color_error: '#a4161a' }),
    ).toEqual({
      '--mat-sys-surface': '#edeae3',
      '--mat-sys-on-surface': '#1f1f1f',
      '--mat-sys-primary': '#00529b',
      '--mat-sys-error': '#a4161a',
    });
  });

  it('takes no colours when text would be unreadable on the background', () => {
    expect(styleColours({ color_background: '#ffffff', color_text: '#eeeeee' })).toEqual({});
    expect(styleColours({ color_background: '#ffffff' })).toEqual({});
  });

  it('leaves out a highlight or error colour that is unreadable on the background', () => {
    const colours = styleColours({ ...READABLE, color_highlight: '#f0f0f0' });
    expect(colours['--mat-sys-primary']).toBeUndefined();
    expect(colours['--mat-sys-surface']).toBe('#edeae3');
  });

  it('refuses anything but a hex colour: names, functions, CSS tricks', () => {
    for (const bad of ['red', 'rgb(0,0,0)', '#12345', '#0000; background: url(x)', 7, null]) {
      expect(styleColours({ ...READABLE, color_text: bad }))
        .withContext(String(bad))
        .toEqual({});
    }
  });

  it('takes font family lists, and nothing that is not one', () => {
    expect(
      styleFonts({
        font_family_body: "Georgia, 'Times New Roman', serif",
        font_family_heading: 'x',
      }),
    ).toEqual({ body: "Georgia, 'Times New Roman', serif", heading: 'x' });
    for (const bad of ['url(https://evil.test/f.woff)', 'x; color: red', 'a\\62', '', 3]) {
      expect(styleFonts({ font_family_body: bad }))
        .withContext(String(bad))
        .toEqual({});
    }
  });

  it('computes WCAG contrast', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#fff', '#fff')).toBeCloseTo(1, 5);
  });
});

describe('SmartStyle', () => {
  let controller: HttpTestingController;

  afterEach(() => {
    controller.verify();
    sessionStorage.clear();
    document.documentElement.style.removeProperty('--mat-sys-surface');
    document.documentElement.style.removeProperty('--mat-sys-on-surface');
  });

  function apply(styleUrl: string | undefined, ehr = true): void {
    sessionStorage.clear();
    const session = testEhrSession(styleUrl ? { smart_style_url: styleUrl } : {});
    saveEhrSession(sessionStorage, session);
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: EHR_SESSION, useValue: ehr ? session : undefined },
      ],
    });
    controller = TestBed.inject(HttpTestingController);
    TestBed.inject(SmartStyle).apply();
  }

  it('reads the style from the EHR’s origin, without a token, and applies what passes', () => {
    apply('https://ehr.example/smart-style.json');
    const request = controller.expectOne('https://ehr.example/smart-style.json');
    expect(request.request.headers.has('Authorization')).toBeFalse();
    request.flush(READABLE);
    const root = document.documentElement.style;
    expect(root.getPropertyValue('--mat-sys-surface')).toBe('#edeae3');
    expect(root.getPropertyValue('--mat-sys-on-surface')).toBe('#1f1f1f');
  });

  it('also from its authorization server’s origin', () => {
    apply('https://auth.ehr.example/style.json');
    controller.expectOne('https://auth.ehr.example/style.json').flush({});
  });

  it('reads nothing from any other origin', () => {
    apply('https://cdn.evil.test/style.json');
    controller.expectNone(() => true);
  });

  it('does nothing in an Okta session or without a style', () => {
    apply('https://ehr.example/smart-style.json', false);
    controller.expectNone(() => true);
    TestBed.resetTestingModule();
    apply(undefined);
    controller.expectNone(() => true);
  });

  it('keeps the app’s theme when the style cannot be read', () => {
    apply('https://ehr.example/smart-style.json');
    controller
      .expectOne('https://ehr.example/smart-style.json')
      .flush('', { status: 500, statusText: 'Error' });
    expect(document.documentElement.style.getPropertyValue('--mat-sys-surface')).toBe('');
  });
});
