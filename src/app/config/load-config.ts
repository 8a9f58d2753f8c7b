import { ConfigValidation, validateRuntimeConfig } from './validate-config';

export const CONFIG_URL = 'config.json';

/**
 * Reads config.json with plain fetch: it runs before Angular exists, so HttpClient (and the
 * auth interceptor, which needs OktaAuth) are not available yet.
 */
export async function loadRuntimeConfig(
  fetchFn: typeof fetch = (input, init) => fetch(input, init),
  url: string = CONFIG_URL,
): Promise<ConfigValidation> {
  const fix = `Put a ${url} next to index.html (see public/config.json in the repository).`;
  let response: Response;
  try {
    response = await fetchFn(url, { cache: 'no-store' });
  } catch {
    return {
      ok: false,
      problems: [{ field: '(file)', message: `${url} could not be fetched`, fix }],
    };
  }
  if (!response.ok) {
    return {
      ok: false,
      problems: [{ field: '(file)', message: `${url} answered HTTP ${response.status}`, fix }],
    };
  }
  let raw: unknown;
  try {
    raw = await response.json();
  } catch {
    return {
      ok: false,
      problems: [
        { field: '(file)', message: `${url} is not valid JSON`, fix: 'Check the file for typos.' },
      ],
    };
  }
  return validateRuntimeConfig(raw);
}
