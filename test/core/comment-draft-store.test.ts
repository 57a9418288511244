import { expect } from '@open-wc/testing';
import { DRAFT_KEY_PREFIX, DraftStore, IDENTITY_KEY, draftKey } from '../../src/core/comment/draft-store.js';

/** A Storage over a Map, whose methods can be made to throw. */
class FakeStorage implements Storage {
  data = new Map<string, string>();
  fail: { get?: Error; set?: Error | ((value: string) => Error | undefined); remove?: Error } = {};
  get length() {
    return this.data.size;
  }
  clear() {
    this.data.clear();
  }
  key(i: number) {
    return [...this.data.keys()][i] ?? null;
  }
  getItem(key: string) {
    if (this.fail.get) throw this.fail.get;
    return this.data.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    const failure = typeof this.fail.set === 'function' ? this.fail.set(value) : this.fail.set;
    if (failure) throw failure;
    this.data.set(key, value);
  }
  removeItem(key: string) {
    if (this.fail.remove) throw this.fail.remove;
    this.data.delete(key);
  }
}

const security = () => new DOMException('The operation is insecure.', 'SecurityError');
const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');
const draft = { content: 'My words', name: 'Leila', email: 'leila@example.com', url: '' };
const KEY = draftKey('/wp-json/wp/v2/comments', '4', '0');

describe('core/comment/draft-store', () => {
  describe('draftKey', () => {
    it('is prefixed, trimmed and stable', () => {
      expect(draftKey(' /a ', ' 4 ', ' 7 ')).to.equal(draftKey('/a', '4', '7'));
      expect(draftKey('/a', '4', '7').startsWith(DRAFT_KEY_PREFIX)).to.equal(true);
    });
    it('treats an empty parent as top-level (0)', () => {
      expect(draftKey('/a', '4', '')).to.equal(draftKey('/a', '4', '0'));
    });
    it('differs by action, post and parent, and cannot be confused by separators', () => {
      const keys = [draftKey('/a', '4', '0'), draftKey('/b', '4', '0'), draftKey('/a', '5', '0'), draftKey('/a', '4', '9'), draftKey('/a|4', '', '0'), draftKey('/a', '|4', '0')];
      expect(new Set(keys).size).to.equal(keys.length);
    });
  });

  describe('with working storage', () => {
    let storage: FakeStorage;
    let store: DraftStore;
    beforeEach(() => {
      storage = new FakeStorage();
      store = new DraftStore(storage);
    });

    it('is available and leaves no probe behind', () => {
      expect(store.available).to.equal(true);
      expect(storage.length).to.equal(0);
    });

    it('saves and loads a draft with its start time', () => {
      expect(store.save(KEY, draft, 1234)).to.equal(true);
      expect(store.load(KEY)).to.deep.equal({ draft, startedAt: 1234 });
      expect(store.load(draftKey('/other', '4', '0'))).to.equal(null);
    });

    it('stores only the four fields', () => {
      store.save(KEY, { ...draft, secret: 'x' } as typeof draft, 1);
      expect(storage.getItem(KEY)).not.to.contain('secret');
    });

    it('clears instead of saving a draft whose fields are all empty', () => {
      store.save(KEY, draft, 1);
      expect(store.save(KEY, { content: '  ', name: '', email: '', url: '' }, 1)).to.equal(true);
      expect(storage.getItem(KEY)).to.equal(null);
    });

    it('clear() forgets the draft', () => {
      store.save(KEY, draft, 1);
      store.clear(KEY);
      expect(store.load(KEY)).to.equal(null);
    });

    const corrupt: Array<[string, string]> = [
      ['not JSON', '{"draft": '],
      ['a number', '42'],
      ['null', 'null'],
      ['an array', '[1,2]'],
      ['no draft', '{"startedAt": 5}'],
      ['a draft that is a string', '{"draft": "hello"}'],
    ];
    for (const [title, raw] of corrupt) {
      it(`returns null for ${title}, never throws`, () => {
        storage.data.set(KEY, raw);
        expect(store.load(KEY)).to.equal(null);
        expect(store.available).to.equal(true);
      });
    }

    it('removes a corrupt entry', () => {
      storage.data.set(KEY, '{oops');
      store.load(KEY);
      expect(storage.data.has(KEY)).to.equal(false);
    });

    it('reads fields of the wrong type as empty and a missing start time as 0', () => {
      storage.data.set(KEY, JSON.stringify({ draft: { content: 'Kept', name: 7, email: null } }));
      expect(store.load(KEY)).to.deep.equal({ draft: { content: 'Kept', name: '', email: '', url: '' }, startedAt: 0 });
    });

    it('remembers, loads and forgets the identity', () => {
      expect(store.loadIdentity()).to.equal(null);
      expect(store.saveIdentity({ name: 'Leila', email: 'leila@example.com', url: 'example.com' })).to.equal(true);
      expect(store.loadIdentity()).to.deep.equal({ name: 'Leila', email: 'leila@example.com', url: 'example.com' });
      expect(storage.data.has(IDENTITY_KEY)).to.equal(true);
      store.clearIdentity();
      expect(store.loadIdentity()).to.equal(null);
    });

    it('clears instead of saving an empty identity', () => {
      store.saveIdentity({ name: 'Leila', email: '', url: '' });
      store.saveIdentity({ name: ' ', email: '', url: '' });
      expect(storage.data.has(IDENTITY_KEY)).to.equal(false);
    });

    it('returns null for a corrupt identity', () => {
      storage.data.set(IDENTITY_KEY, 'not json');
      expect(store.loadIdentity()).to.equal(null);
    });

    it('a full storage refuses the save but stays available (a shorter text may fit)', () => {
      storage.fail.set = (value) => (value.length > 200 ? quota() : undefined);
      expect(store.save(KEY, { ...draft, content: 'x'.repeat(500) }, 1)).to.equal(false);
      expect(store.available).to.equal(true);
      expect(store.save(KEY, draft, 1)).to.equal(true);
      expect(store.load(KEY)?.draft).to.deep.equal(draft);
    });

    it('a storage that starts refusing (SecurityError) becomes unavailable', () => {
      storage.fail.set = security();
      expect(store.save(KEY, draft, 1)).to.equal(false);
      expect(store.available).to.equal(false);
    });

    it('a storage whose reads start failing becomes unavailable', () => {
      store.save(KEY, draft, 1);
      storage.fail.get = security();
      expect(store.load(KEY)).to.equal(null);
      expect(store.available).to.equal(false);
    });
  });

  describe('without working storage', () => {
    it('null, undefined, or a storage that throws on every method: unavailable, every call harmless', () => {
      const throwing = new FakeStorage();
      throwing.fail = { get: security(), set: security(), remove: security() };
      for (const store of [new DraftStore(null), new DraftStore(undefined), new DraftStore(throwing)]) {
        expect(store.available).to.equal(false);
        expect(store.load(KEY)).to.equal(null);
        expect(store.save(KEY, draft, 1)).to.equal(false);
        expect(() => store.clear(KEY)).not.to.throw();
        expect(store.loadIdentity()).to.equal(null);
        expect(store.saveIdentity(draft)).to.equal(false);
        expect(() => store.clearIdentity()).not.to.throw();
      }
    });

    it('a storage whose every write is over quota (old Safari private mode) is unavailable', () => {
      const storage = new FakeStorage();
      storage.fail.set = quota();
      expect(new DraftStore(storage).available).to.equal(false);
    });

    it('a storage whose methods throw on access is unavailable', () => {
      const hostile = new Proxy({} as Storage, {
        get() {
          throw security();
        },
      });
      const store = new DraftStore(hostile);
      expect(store.available).to.equal(false);
      expect(store.save(KEY, draft, 1)).to.equal(false);
    });
  });

  describe('DraftStore.fromWindow', () => {
    const original = Object.getOwnPropertyDescriptor(globalThis, 'localStorage');
    afterEach(() => {
      if (original) Object.defineProperty(globalThis, 'localStorage', original);
      localStorage.removeItem(KEY);
    });

    it('uses the page’s localStorage', () => {
      const store = DraftStore.fromWindow();
      expect(store.available).to.equal(true);
      store.save(KEY, draft, 1);
      expect(localStorage.getItem(KEY)).to.contain('My words');
    });

    it('survives a localStorage getter that throws (sandboxed iframe)', () => {
      Object.defineProperty(globalThis, 'localStorage', {
        configurable: true,
        get() {
          throw security();
        },
      });
      let store: DraftStore | undefined;
      expect(() => (store = DraftStore.fromWindow())).not.to.throw();
      expect(store!.available).to.equal(false);
    });
  });
});
