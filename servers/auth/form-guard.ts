/**
 * Cross-site request forgery guard for the EHR simulator's forms (the interaction pages have theirs
 * in oidc-provider's interaction cookie): a posted form must come from a page of this origin (the
 * browser's `Origin` header, which a page elsewhere cannot set) and carry the random token this
 * browser was given in a SameSite=Strict cookie (double submit). On localhost every port is the same
 * site, so the Origin check is what keeps the app's own pages from posting here.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Request, Response } from 'express';

const COOKIE = 'ehr_form';
const FIELD = 'form_token';

function cookieValue(req: Request, name: string): string | undefined {
  for (const part of (req.get('cookie') ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}

/** The hidden field for this browser's forms, setting its cookie the first time. */
export function formToken(req: Request, res: Response, path: string): Record<string, string> {
  let token = cookieValue(req, COOKIE);
  if (!token || !/^[A-Za-z0-9_-]{43}$/.test(token)) {
    token = randomBytes(32).toString('base64url');
    res.append('Set-Cookie', `${COOKIE}=${token}; Path=${path}; HttpOnly; SameSite=Strict`);
  }
  return { [FIELD]: token };
}

/** Whether a posted form is this origin's own, with this browser's token. */
export function isOwnForm(req: Request, origin: string): boolean {
  if (req.get('origin') !== origin) return false;
  const expected = cookieValue(req, COOKIE);
  const sent: unknown = (req.body as Record<string, unknown> | undefined)?.[FIELD];
  if (!expected || typeof sent !== 'string') return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(sent);
  return a.length === b.length && timingSafeEqual(a, b);
}
