import { HttpClient, provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Loader, createLoader } from './load-state';

describe('createLoader', () => {
  let controller: HttpTestingController;
  const id = signal('a');

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    controller = TestBed.inject(HttpTestingController);
    id.set('a');
  });

  afterEach(() => controller.verify());

  /** A loader of `/items/<id>`, following `id`; effects are flushed so its first request is out. */
  function itemLoader(permitted?: boolean): Loader<string> {
    const http = TestBed.inject(HttpClient);
    const loader = TestBed.runInInjectionContext(() =>
      createLoader({
        params: () => id(),
        request: (item) => http.get(`/items/${item}`, { responseType: 'text' }),
        permitted,
      }),
    );
    TestBed.tick();
    return loader;
  }

  it('is loading until the answer arrives, then holds the data', () => {
    const loader = itemLoader();
    expect(loader.state()).toEqual({ status: 'loading' });
    expect(loader.data()).toBeUndefined();
    controller.expectOne('/items/a').flush('item a');
    expect(loader.state()).toEqual({ status: 'loaded', data: 'item a' });
    expect(loader.data()).toBe('item a');
  });

  it("is an error with the server's OperationOutcome text when the request fails", () => {
    const loader = itemLoader();
    controller.expectOne('/items/a').flush(
      JSON.stringify({
        resourceType: 'OperationOutcome',
        issue: [{ diagnostics: 'Store offline' }],
      }),
      { status: 500, statusText: 'Server Error' },
    );
    const state = loader.state();
    expect(state.status).toBe('error');
    expect(state.status === 'error' && state.error.detail).toBe('Store offline');
    expect(loader.data()).toBeUndefined();
  });

  it('is "not permitted", not an error, when the server answers 403', () => {
    const loader = itemLoader();
    controller.expectOne('/items/a').flush('', { status: 403, statusText: 'Forbidden' });
    expect(loader.state()).toEqual({ status: 'not-permitted' });
    expect(loader.data()).toBeUndefined();
  });

  it('is "not permitted" at once and sends nothing when access cannot include the data', () => {
    const loader = itemLoader(false);
    controller.expectNone(() => true);
    expect(loader.state()).toEqual({ status: 'not-permitted' });
    loader.retry();
    controller.expectNone(() => true);
  });

  it('drops the answer still on its way when the parameters change, and loads the new ones', () => {
    const loader = itemLoader();
    const first = controller.expectOne('/items/a');
    id.set('b');
    TestBed.tick();
    expect(first.cancelled).toBeTrue();
    expect(loader.state()).toEqual({ status: 'loading' });
    controller.expectOne('/items/b').flush('item b');
    expect(loader.data()).toBe('item b');
  });

  it('loads the same parameters again on retry, showing progress meanwhile', () => {
    const loader = itemLoader();
    controller.expectOne('/items/a').flush('', { status: 503, statusText: 'Unavailable' });
    expect(loader.state().status).toBe('error');
    loader.retry();
    expect(loader.state()).toEqual({ status: 'loading' });
    controller.expectOne('/items/a').flush('item a');
    expect(loader.data()).toBe('item a');
  });

  it('turns a request that throws before sending into an error, not a broken page', () => {
    const loader = TestBed.runInInjectionContext(() =>
      createLoader<string, string>({
        params: () => id(),
        request: () => {
          throw new Error('no such search');
        },
      }),
    );
    TestBed.tick();
    expect(loader.state().status).toBe('error');
  });
});
