import { PageMemoryStorage, ensurePageStorage } from './page-storage';

describe('page storage where the browser refuses it', () => {
  function fakeWindow(refused: boolean): Window {
    const win = {};
    for (const name of ['sessionStorage', 'localStorage']) {
      Object.defineProperty(win, name, {
        configurable: true,
        get: () => {
          if (refused)
            throw new DOMException('Access is denied for this document.', 'SecurityError');
          return new PageMemoryStorage();
        },
      });
    }
    return win as Window;
  }

  it('gives the page memory under the same names, so the app still starts', () => {
    const win = fakeWindow(true);
    expect(ensurePageStorage(win)).toBeFalse();
    expect(win.sessionStorage).toBeInstanceOf(PageMemoryStorage);
    expect(win.localStorage).toBeInstanceOf(PageMemoryStorage);
    win.sessionStorage.setItem('a', '1');
    expect(win.sessionStorage.getItem('a')).toBe('1');
  });

  it('leaves the browser’s own storage alone where it is there', () => {
    const win = fakeWindow(false);
    expect(ensurePageStorage(win)).toBeTrue();
    expect(Object.getOwnPropertyDescriptor(win, 'sessionStorage')?.get).toBeDefined();
  });

  it('behaves as Storage', () => {
    const storage = new PageMemoryStorage();
    storage.setItem('a', '1');
    storage.setItem('b', '2');
    expect(storage.length).toBe(2);
    expect(storage.key(1)).toBe('b');
    storage.removeItem('a');
    expect(storage.getItem('a')).toBeNull();
    storage.clear();
    expect(storage.length).toBe(0);
    expect(storage.key(0)).toBeNull();
  });
});
