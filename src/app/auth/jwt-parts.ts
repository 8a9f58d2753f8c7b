import { Directive, TemplateRef, inject } from '@angular/core';
import { DecodedJwt } from './token-checks';

/** What the template showing a decoded token's parts is given. */
export interface JwtPartsContext {
  readonly $implicit: DecodedJwt;
  /** "Access token", "ID token": what the header and claims regions are labelled after. */
  readonly name: string;
}

/**
 * Marks the `<ng-template>` that shows a decoded token's header and claims, so that both its `let-`
 * variables and what an outlet passes to it are type-checked: an ng-template's context is otherwise
 * `any`.
 */
@Directive({ selector: 'ng-template[appJwtParts]', exportAs: 'appJwtParts' })
export class JwtPartsTemplate {
  /** For `*ngTemplateOutlet`, which then checks the context it is given against this type. */
  readonly template = inject<TemplateRef<JwtPartsContext>>(TemplateRef);

  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- only the signature matters: the template type-checker calls it
  static ngTemplateContextGuard(_: JwtPartsTemplate, context: unknown): context is JwtPartsContext {
    return true;
  }
}
