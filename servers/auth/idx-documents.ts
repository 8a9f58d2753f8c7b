/**
 * The Identity Engine (IDX) documents the Sign-In Widget and okta-auth-js `idx` read: ion+json with a
 * `stateHandle`, remediation forms, and `successWithInteractionCode` once the user is known.
 */
import type { Response } from 'express';
import { CLIENT_LABEL } from './defaults.ts';

const ION_TYPE = 'application/ion+json; okta-version=1.0.0';
const ACCEPTS = 'application/json; okta-version=1.0.0';

export interface IdxContext {
  /** Org URL (the issuer's origin): the IDX API lives at `{origin}/idp/idx/...`. */
  origin: string;
  issuer: string;
  clientId: string;
  stateHandle: string;
  expiresAt: string;
}

export interface IdxMessage {
  message: string;
  key: string;
}

function stateHandleField(stateHandle: string) {
  return {
    name: 'stateHandle',
    required: true,
    value: stateHandle,
    visible: false,
    mutable: false,
  };
}

function app(ctx: IdxContext) {
  return { type: 'object', value: { name: 'oidc_client', label: CLIENT_LABEL, id: ctx.clientId } };
}

function cancel(ctx: IdxContext) {
  return {
    rel: ['create-form'],
    name: 'cancel',
    href: `${ctx.origin}/idp/idx/cancel`,
    method: 'POST',
    produces: ION_TYPE,
    value: [stateHandleField(ctx.stateHandle)],
    accepts: ACCEPTS,
  };
}

function messages(list: IdxMessage[]) {
  return {
    type: 'array',
    value: list.map((m) => ({ message: m.message, i18n: { key: m.key }, class: 'ERROR' })),
  };
}

/** One form: username + password (+ remember me), the widget's "identify with password" step. */
export function identifyDocument(ctx: IdxContext, errors: IdxMessage[] = []) {
  return {
    version: '1.0.0',
    stateHandle: ctx.stateHandle,
    expiresAt: ctx.expiresAt,
    intent: 'LOGIN',
    remediation: {
      type: 'array',
      value: [
        {
          rel: ['create-form'],
          name: 'identify',
          href: `${ctx.origin}/idp/idx/identify`,
          method: 'POST',
          produces: ION_TYPE,
          value: [
            { name: 'identifier', label: 'Username', required: true },
            {
              name: 'credentials',
              type: 'object',
              form: { value: [{ name: 'passcode', label: 'Password', secret: true }] },
              required: true,
            },
            { name: 'rememberMe', type: 'boolean', label: 'Keep me signed in' },
            stateHandleField(ctx.stateHandle),
          ],
          accepts: ACCEPTS,
        },
      ],
    },
    ...(errors.length ? { messages: messages(errors) } : {}),
    cancel: cancel(ctx),
    app: app(ctx),
  };
}

/** The user is authenticated: the SDK posts these fields to `{issuer}/v1/token`. */
export function successDocument(
  ctx: IdxContext,
  user: { id: string; login: string },
  interactionCode: string,
) {
  return {
    version: '1.0.0',
    stateHandle: ctx.stateHandle,
    expiresAt: ctx.expiresAt,
    intent: 'LOGIN',
    user: { type: 'object', value: { id: user.id, identifier: user.login } },
    cancel: cancel(ctx),
    app: app(ctx),
    successWithInteractionCode: {
      rel: ['create-form'],
      name: 'issue',
      href: `${ctx.issuer}/v1/token`,
      method: 'POST',
      value: [
        { name: 'grant_type', required: true, value: 'interaction_code' },
        { name: 'interaction_code', required: true, value: interactionCode },
        { name: 'client_id', required: true, value: ctx.clientId },
        { name: 'code_verifier', required: true },
      ],
      accepts: 'application/x-www-form-urlencoded',
    },
  };
}

/** A terminal error with no way forward but to start over (expired transaction, unsupported step). */
export function terminalDocument(error: IdxMessage, stateHandle?: string) {
  return {
    version: '1.0.0',
    ...(stateHandle ? { stateHandle } : {}),
    intent: 'LOGIN',
    messages: messages([error]),
  };
}

/** Every IDX answer, success or refusal (errors.ts), goes out this way: ion+json, never cached. */
export function sendIon(res: Response, status: number, doc: object): void {
  res
    .status(status)
    .set('Cache-Control', 'no-store')
    .type(ION_TYPE)
    .send(Buffer.from(JSON.stringify(doc)));
}
