import { NgTemplateOutlet } from '@angular/common';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { JwtPartsTemplate } from './jwt-parts';
import { DecodedJwt } from './token-checks';

@Component({
  imports: [NgTemplateOutlet, JwtPartsTemplate],
  template: `
    <ng-template appJwtParts #parts="appJwtParts" let-token let-name="name">
      <p>{{ name }}: {{ token.header['kid'] }} for {{ token.claims['sub'] }}</p>
    </ng-template>
    <ng-container
      *ngTemplateOutlet="parts.template; context: { $implicit: token, name: 'ID token' }"
    />
  `,
})
class Host {
  protected readonly token: DecodedJwt = { header: { kid: 'k1' }, claims: { sub: 'casey' } };
}

describe('JwtPartsTemplate', () => {
  it('hands an outlet the template it marks, which shows the token and name it is given', async () => {
    const fixture = TestBed.createComponent(Host);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    expect(el.querySelector('p')?.textContent).toBe('ID token: k1 for casey');
  });
});
