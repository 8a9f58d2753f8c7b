import { HttpClient, HttpContext } from '@angular/common/http';
import { DOCUMENT, Injectable, inject } from '@angular/core';
import { WITHOUT_TOKEN } from '../auth/auth-interceptor';
import { EHR_SESSION } from '../fhir/fhir-session';
import { LaunchSession } from './launch-session';
import { endpointOrigins } from './smart-discovery';

/** A hex colour without transparency: the only kind whose contrast can be checked. */
const HEX = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i;
/** Family names and generic families, comma-separated: no url(), no escapes, nothing else of CSS. */
const FONT_FAMILY = /^[A-Za-z0-9 ,'"-]{1,120}$/;
/** WCAG AA contrast for body text. */
const MIN_CONTRAST = 4.5;
const BODY_SCALES = ['body', 'label', 'title'];
const HEADING_SCALES = ['headline', 'display'];
const SIZES = ['large', 'medium', 'small'];

type Json = Readonly<Record<string, unknown>>;

function relativeLuminance(hex: string): number {
  const digits = hex.length === 4 ? [...hex.slice(1)].map((d) => d + d).join('') : hex.slice(1);
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = parseInt(digits.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrast(a: string, b: string): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [
    number,
    number,
  ];
  return (light + 0.05) / (dark + 0.05);
}

function colour(style: Json, key: string): string | undefined {
  const value = style[key];
  return typeof value === 'string' && HEX.test(value) ? value : undefined;
}

function font(style: Json, key: string): string | undefined {
  const value = style[key];
  return typeof value === 'string' && FONT_FAMILY.test(value) ? value : undefined;
}

/**
 * The colours and fonts of a SMART style sheet (`smart_style_url`) that the app takes, as the app's
 * theme variables; everything else is ignored. Colours are taken only if they stay readable: text on
 * background, and the highlight and error colours on that background, at WCAG AA contrast.
 */
export function styleColours(style: Json): Record<string, string> {
  const background = colour(style, 'color_background');
  const text = colour(style, 'color_text');
  if (!background || !text || contrast(background, text) < MIN_CONTRAST) return {};
  const readable = (key: string) => {
    const value = colour(style, key);
    return value && contrast(background, value) >= MIN_CONTRAST ? value : undefined;
  };
  const highlight = readable('color_highlight');
  const error = readable('color_error');
  return {
    '--mat-sys-surface': background,
    '--mat-sys-on-surface': text,
    ...(highlight ? { '--mat-sys-primary': highlight } : {}),
    ...(error ? { '--mat-sys-error': error } : {}),
  };
}

/** The font families of a SMART style sheet: body text, and headings. */
export function styleFonts(style: Json): { body?: string; heading?: string } {
  const body = font(style, 'font_family_body');
  const heading = font(style, 'font_family_heading');
  return { ...(body ? { body } : {}), ...(heading ? { heading } : {}) };
}

/**
 * Themes the app with the launching EHR's style sheet. It is read only from the EHR's own origins (its
 * FHIR server and authorization server), as JSON, without a token; nothing else is loaded from it.
 */
@Injectable({ providedIn: 'root' })
export class SmartStyle {
  private readonly http = inject(HttpClient);
  private readonly launch = inject(LaunchSession);
  private readonly session = inject(EHR_SESSION);
  private readonly root = inject(DOCUMENT).documentElement;

  apply(): void {
    const url = this.launch.context()?.smartStyleUrl;
    if (!url || !this.session) return;
    const origins = [
      new URL(this.session.ehr.iss).origin,
      ...endpointOrigins(this.session.endpoints),
    ];
    if (!origins.includes(new URL(url).origin)) return;
    this.http
      .get<unknown>(url, {
        headers: { Accept: 'application/json' },
        context: new HttpContext().set(WITHOUT_TOKEN, true),
      })
      .subscribe({
        next: (style) => {
          if (typeof style === 'object' && style !== null && !Array.isArray(style)) {
            this.set(style as Json);
          }
        },
        // The app's own theme stays: a style sheet is a nicety, never a reason to fail.
        error: () => undefined,
      });
  }

  private set(style: Json): void {
    for (const [name, value] of Object.entries(styleColours(style))) {
      this.root.style.setProperty(name, value);
    }
    // Material's type scale variables are whole `font` values: each is rebuilt with the EHR's family.
    const fonts = styleFonts(style);
    const computed = getComputedStyle(this.root);
    const scales = (names: string[], family: string | undefined) => {
      if (!family) return;
      for (const scale of names.flatMap((name) =>
        SIZES.map((size) => `--mat-sys-${name}-${size}`),
      )) {
        const part = (p: string) => computed.getPropertyValue(`${scale}-${p}`).trim();
        if (!part('size')) continue;
        const value = `${part('weight')} ${part('size')} / ${part('line-height')} ${family}`;
        this.root.style.setProperty(scale, value);
      }
    };
    scales(BODY_SCALES, fonts.body);
    scales(HEADING_SCALES, fonts.heading);
  }
}
