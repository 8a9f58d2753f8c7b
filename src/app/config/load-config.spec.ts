import { renderConfigErrorPage } from './config-error-page';
import { loadRuntimeConfig } from './load-config';
import { validateRuntimeConfig } from './validate-config';

function fakeFetch(response: Response | Error): typeof fetch {
  return () => (response instanceof Error ? Promise.reject(response) : Promise.resolve(response));
}

describe('loadRuntimeConfig', () => {
  it('returns the validated config', async () => {
    const body = {
      okta: { issuer: 'https://o.okta.com/oauth2/default', clientId: 'abc', scopes: ['openid'] },
      loginMode: 'redirect',
      fhir: { baseUrl: 'https://fhir.test/r4' },
    };
    const result = await loadRuntimeConfig(fakeFetch(new Response(JSON.stringify(body))));
    expect(result.ok).toBeTrue();
  });

  it('reports a missing file', async () => {
    const result = await loadRuntimeConfig(fakeFetch(new Response('nope', { status: 404 })));
    expect(result.ok ? '' : result.problems[0].message).toBe('config.json answered HTTP 404');
  });

  it('reports a file that is not JSON', async () => {
    const result = await loadRuntimeConfig(fakeFetch(new Response('{ "okta": ')));
    expect(result.ok ? '' : result.problems[0].message).toBe('config.json is not valid JSON');
  });

  it('reports a network failure', async () => {
    const result = await loadRuntimeConfig(fakeFetch(new TypeError('Failed to fetch')));
    expect(result.ok ? '' : result.problems[0].message).toBe('config.json could not be fetched');
  });
});

describe('renderConfigErrorPage', () => {
  it('shows a heading and each bad field with its fix, as text (never HTML)', () => {
    const host = document.createElement('div');
    renderConfigErrorPage(host, [
      { field: 'okta.issuer', message: 'is missing', fix: 'Set "okta.issuer" <b>now</b>.' },
    ]);
    expect(host.querySelector('[role="alert"] h1')?.textContent).toBe(
      'The app is not configured correctly',
    );
    expect(host.querySelector('code')?.textContent).toBe('okta.issuer');
    expect(host.textContent).toContain('is missing.');
    expect(host.querySelector('b')).toBeNull();
    expect(host.textContent).toContain('<b>now</b>');
  });

  it('names a bad EHR entry and says what to write instead', () => {
    const result = validateRuntimeConfig({
      okta: { issuer: 'https://o.okta.com/oauth2/default', clientId: 'abc', scopes: ['openid'] },
      fhir: { baseUrl: 'https://fhir.test/r4' },
      ehrs: [{ name: 'Hospital EHR', iss: 'https://ehr.example/fhir/../x', clientId: 'fhirokta' }],
    });
    const host = document.createElement('div');
    renderConfigErrorPage(host, result.ok ? [] : result.problems);
    expect(host.querySelector('code')?.textContent).toBe('ehrs[0].iss');
    expect(host.textContent).toContain('must not contain "." or ".." path segments');
    expect(host.textContent).toContain('Set "ehrs[0].iss" to the EHR\'s FHIR base URL');
  });
});
