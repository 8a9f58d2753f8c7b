// Small HTTP helpers for the doctor: every call has a timeout, and a network failure becomes a sentence.
export interface Answer {
  status: number;
  headers: Headers;
  body: string;
}

export async function request(url: string, init: RequestInit = {}): Promise<Answer> {
  const response = await fetch(url, {
    ...init,
    redirect: 'manual',
    signal: AbortSignal.timeout(10_000),
  });
  return { status: response.status, headers: response.headers, body: await response.text() };
}

export function describeNetworkError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as Error & { cause?: { code?: string; message?: string } }).cause;
  if (cause?.code === 'ECONNREFUSED')
    return 'connection refused (is the server running on that port?)';
  if (cause?.code === 'ENOTFOUND') return 'host name not found';
  if (error.name === 'TimeoutError') return 'no answer within 10 s';
  return cause?.message ?? error.message;
}

export function parseJson(body: string): unknown {
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return undefined;
  }
}

/** A CORS preflight as the browser would send it from the app's origin. */
export async function preflight(
  url: string,
  origin: string,
  method: string,
  headers: string[],
): Promise<Answer> {
  return request(url, {
    method: 'OPTIONS',
    headers: {
      Origin: origin,
      'Access-Control-Request-Method': method,
      'Access-Control-Request-Headers': headers.join(','),
    },
  });
}

export function allowsOrigin(answer: Answer, origin: string): boolean {
  const allowed = answer.headers.get('access-control-allow-origin');
  return answer.status < 400 && (allowed === origin || allowed === '*');
}

/** Whether a preflight answer lets the app's origin send these headers (listed: "*" never covers Authorization). */
export function allowsHeaders(answer: Answer, headers: readonly string[]): boolean {
  const allowed = (answer.headers.get('access-control-allow-headers') ?? '')
    .split(',')
    .map((header) => header.trim().toLowerCase());
  return headers.every((header) => allowed.includes(header.toLowerCase()));
}
