import { TestBed } from '@angular/core/testing';
import { ActivatedRoute, ParamMap, convertToParamMap } from '@angular/router';
import { BehaviorSubject } from 'rxjs';
import { ignoredQueryParams, queryState, toQueryParams } from './url-state';

describe('URL state', () => {
  const defaults = { name: '', count: 20, page: 1 };

  it('leaves fields at their default out of the query', () => {
    expect(toQueryParams({ name: 'Rob', count: 20, page: 2 }, defaults)).toEqual({
      name: 'Rob',
      page: '2',
    });
    expect(toQueryParams(defaults, defaults)).toEqual({});
  });

  it('names unknown parameters and values the page had to drop or replace', () => {
    const params = convertToParamMap({ name: 'Rob', count: '7000', colour: 'blue', page: '2' });
    const understood = { name: 'Rob', count: 20, page: 2 };
    expect(ignoredQueryParams(params, understood, defaults)).toEqual(['count', 'colour']);
  });

  it('names a parameter called like an object built-in as not understood, whatever its value', () => {
    const params = convertToParamMap({ constructor: String(Object), toString: String(toString) });
    expect(ignoredQueryParams(params, { name: '', count: 20, page: 1 }, defaults)).toEqual([
      'constructor',
      'toString',
    ]);
  });

  it('does not count a default written out, surrounding spaces or an empty value as ignored', () => {
    const params = convertToParamMap({ name: ' Rob ', count: '20', page: '' });
    expect(ignoredQueryParams(params, { name: 'Rob ', count: 20, page: 1 }, defaults)).toEqual([]);
  });

  it('follows the URL as signals: the state read from it, and what it could not use', () => {
    const query = new BehaviorSubject<ParamMap>(convertToParamMap({ name: 'Rob', colour: 'blue' }));
    TestBed.configureTestingModule({
      providers: [{ provide: ActivatedRoute, useValue: { queryParamMap: query } }],
    });
    const read = (params: ParamMap) => ({ ...defaults, name: params.get('name') ?? '' });
    const { state, ignored } = TestBed.runInInjectionContext(() => queryState(read, defaults));
    expect(state()).toEqual({ name: 'Rob', count: 20, page: 1 });
    expect(ignored()).toEqual(['colour']);
    query.next(convertToParamMap({ name: 'Ada' }));
    expect(state().name).toBe('Ada');
    expect(ignored()).toEqual([]);
  });
});
