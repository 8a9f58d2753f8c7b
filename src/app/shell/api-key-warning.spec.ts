import { TestBed } from '@angular/core/testing';
import { RuntimeConfig } from '../config/runtime-config';
import { RUNTIME_CONFIG } from '../config/runtime-config-token';
import { TEST_CONFIG } from '../../testing/test-config';
import { API_KEY_WARNING, ApiKeyWarning } from './api-key-warning';

describe('ApiKeyWarning', () => {
  async function render(config: RuntimeConfig) {
    TestBed.configureTestingModule({ providers: [{ provide: RUNTIME_CONFIG, useValue: config }] });
    const fixture = TestBed.createComponent(ApiKeyWarning);
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  it('shows a persistent status banner when a FHIR API key is configured', async () => {
    const el = await render({
      ...TEST_CONFIG,
      fhir: { ...TEST_CONFIG.fhir, apiKey: 'public-key-123' },
    });
    const banner = el.querySelector('[role="status"]');
    expect(banner).not.toBeNull();
    expect(banner?.textContent).toContain(
      'This deployment sends a FHIR API key from the browser. Anyone using this app can read it.',
    );
    expect(API_KEY_WARNING).toBe(
      'This deployment sends a FHIR API key from the browser. Anyone using this app can read it.',
    );
  });

  it('never shows the key itself', async () => {
    const el = await render({
      ...TEST_CONFIG,
      fhir: { ...TEST_CONFIG.fhir, apiKey: 'public-key-123' },
    });
    expect(el.textContent).not.toContain('public-key-123');
  });

  it('shows nothing when no key is configured', async () => {
    const el = await render(TEST_CONFIG);
    expect(el.querySelector('[role="status"]')).toBeNull();
    expect(el.textContent?.trim()).toBe('');
  });
});
