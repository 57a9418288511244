import { aTimeout, expect, waitUntil } from '@open-wc/testing';
import { fetchText, unusableAnswer, type FetchTextResult } from '../../src/core/fetch.js';
import { fakeFetch } from '../helpers/fake-fetch.js';

/** Never settles, and ignores its signal: the helper must not wait for it. */
const never = () => new Promise<Response>(() => {});

/** A 200 whose body sends one chunk and then never ends (and ignores cancel). */
const endless = () =>
  new Response(
    new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('[{"headline":'));
      },
    }),
    { status: 200 },
  );

/** A 200 whose body breaks off with an error. */
const broken = (error: Error) =>
  new Response(
    new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.error(error);
      },
    }),
    { status: 200 },
  );

const failure = (result: FetchTextResult) => {
  if (result.ok) throw new Error('expected a failure');
  return result;
};

/** A signal whose listeners can be counted. */
function countedSignal() {
  const controller = new AbortController();
  let listeners = 0;
  const { signal } = controller;
  const add = signal.addEventListener.bind(signal);
  const remove = signal.removeEventListener.bind(signal);
  signal.addEventListener = ((...args: Parameters<AbortSignal['addEventListener']>) => {
    listeners += 1;
    add(...args);
  }) as AbortSignal['addEventListener'];
  signal.removeEventListener = ((...args: Parameters<AbortSignal['removeEventListener']>) => {
    listeners -= 1;
    remove(...args);
  }) as AbortSignal['removeEventListener'];
  return { controller, signal, listeners: () => listeners };
}

describe('core/fetch: fetchText', () => {
  it('answers with the response and its whole body, passing init on with its own signal', async () => {
    const fetch = fakeFetch(() => new Response('héllo', { status: 201, headers: { 'X-Test': 'yes' } }));
    const caller = new AbortController();
    const result = await fetchText('/x', { method: 'POST', body: 'b' }, { signal: caller.signal, timeoutMs: 5000, fetchImpl: fetch.impl });
    if (!result.ok) throw new Error(`failed: ${result.reason}`);
    expect(result.body).to.equal('héllo');
    expect(result.response.status).to.equal(201);
    expect(result.response.headers.get('X-Test')).to.equal('yes');
    expect(fetch.calls).to.have.length(1);
    expect(fetch.calls[0].url).to.equal('/x');
    expect(fetch.calls[0].init).to.include({ method: 'POST', body: 'b' });
    expect(fetch.calls[0].init.signal).to.be.instanceOf(AbortSignal).and.not.equal(caller.signal);
  });

  it('a non-2xx answer is still an answer: fetchText does not judge the status', async () => {
    const fetch = fakeFetch(() => new Response('gone', { status: 404 }));
    const result = await fetchText('/x', {}, { timeoutMs: 5000, fetchImpl: fetch.impl });
    expect(result.ok).to.equal(true);
    expect(result.ok && result.response.status).to.equal(404);
  });

  it('cleans up after an answer: the timer no longer aborts and the caller’s listener is removed', async () => {
    const fetch = fakeFetch(() => new Response('ok'));
    const counted = countedSignal();
    const result = await fetchText('/x', {}, { signal: counted.signal, timeoutMs: 30, fetchImpl: fetch.impl });
    expect(result.ok).to.equal(true);
    expect(counted.listeners()).to.equal(0);
    await aTimeout(80);
    expect(fetch.calls[0].init.signal?.aborted).to.equal(false);
  });

  it('times out when no answer comes, even from a fetch that ignores its signal, and aborts the request', async () => {
    const fetch = fakeFetch(never);
    const counted = countedSignal();
    const started = performance.now();
    const result = await fetchText('/x', {}, { signal: counted.signal, timeoutMs: 30, fetchImpl: fetch.impl });
    expect(failure(result)).to.deep.equal({ ok: false, reason: 'timeout', status: 0 });
    expect(performance.now() - started).to.be.below(2000);
    expect(fetch.calls[0].init.signal?.aborted).to.equal(true);
    expect(counted.listeners()).to.equal(0);
  });

  it('times out while reading a body that never ends, with the status that had arrived', async () => {
    const fetch = fakeFetch(endless);
    const result = await fetchText('/x', {}, { timeoutMs: 50, fetchImpl: fetch.impl });
    expect(failure(result)).to.deep.equal({ ok: false, reason: 'timeout', status: 200 });
    expect(fetch.calls[0].init.signal?.aborted).to.equal(true);
  });

  it('an already aborted caller signal fetches nothing', async () => {
    const fetch = fakeFetch(() => new Response('ok'));
    const caller = new AbortController();
    caller.abort();
    const result = await fetchText('/x', {}, { signal: caller.signal, timeoutMs: 5000, fetchImpl: fetch.impl });
    expect(failure(result)).to.deep.equal({ ok: false, reason: 'aborted', status: 0 });
    expect(fetch.calls).to.have.length(0);
  });

  it('the caller’s abort during the fetch ends it at once (even if fetch ignores it) and aborts the request', async () => {
    const fetch = fakeFetch(never);
    const counted = countedSignal();
    const pending = fetchText('/x', {}, { signal: counted.signal, timeoutMs: 5000, fetchImpl: fetch.impl });
    await aTimeout(10);
    counted.controller.abort();
    expect(failure(await pending)).to.deep.equal({ ok: false, reason: 'aborted', status: 0 });
    expect(fetch.calls[0].init.signal?.aborted).to.equal(true);
    expect(counted.listeners()).to.equal(0);
  });

  it('the caller’s abort while reading the body ends it, with the status that had arrived', async () => {
    const fetch = fakeFetch(endless);
    const caller = new AbortController();
    const pending = fetchText('/x', {}, { signal: caller.signal, timeoutMs: 5000, fetchImpl: fetch.impl });
    await aTimeout(20);
    caller.abort();
    expect(failure(await pending)).to.deep.equal({ ok: false, reason: 'aborted', status: 200 });
  });

  it('a rejected (or throwing) fetch is a network failure carrying the error', async () => {
    const error = new TypeError('Failed to fetch');
    const rejecting = fakeFetch(() => Promise.reject(error));
    expect(await fetchText('/x', {}, { timeoutMs: 5000, fetchImpl: rejecting.impl })).to.deep.equal({ ok: false, reason: 'network', status: 0, error });
    const sync = (() => {
      throw error;
    }) as typeof fetch;
    expect(await fetchText('/x', {}, { timeoutMs: 5000, fetchImpl: sync })).to.deep.equal({ ok: false, reason: 'network', status: 0, error });
  });

  it('a body that breaks off is a network failure with the status and the error', async () => {
    const fetch = fakeFetch(() => broken(new TypeError('network error')));
    const result = failure(await fetchText('/x', {}, { timeoutMs: 5000, fetchImpl: fetch.impl }));
    expect(result).to.include({ reason: 'network', status: 200 });
    // Browsers reject text() with their own TypeError, not the stream's error.
    expect(result.error).to.be.instanceOf(Error);
  });

  it('a time-out beyond what setTimeout holds (2^31 - 1 ms) is clamped and does not fire at once', async () => {
    const fetch = fakeFetch(async () => {
      await aTimeout(50);
      return new Response('late');
    });
    for (const timeoutMs of [2 ** 31, 1e12, Number.MAX_SAFE_INTEGER]) {
      const result = await fetchText('/x', {}, { timeoutMs, fetchImpl: fetch.impl });
      expect(result.ok, String(timeoutMs)).to.equal(true);
    }
  });

  it('no time-out when timeoutMs is 0, negative, NaN or Infinity', async () => {
    const fetch = fakeFetch(async () => {
      await aTimeout(30);
      return new Response('late');
    });
    for (const timeoutMs of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) {
      const result = await fetchText('/x', {}, { timeoutMs, fetchImpl: fetch.impl });
      expect(result.ok && result.body, String(timeoutMs)).to.equal('late');
    }
  });

  it('without fetchImpl uses the global fetch as it is at call time', async () => {
    const original = globalThis.fetch;
    const fetch = fakeFetch(() => new Response('stubbed'));
    globalThis.fetch = fetch.impl;
    try {
      const result = await fetchText('/x', {}, { timeoutMs: 5000 });
      expect(result.ok && result.body).to.equal('stubbed');
    } finally {
      globalThis.fetch = original;
    }
  });

  describe('with the real fetch and the test server', () => {
    it('reads a file the dev server serves', async () => {
      const result = await fetchText('/package.json', { headers: { accept: 'application/json' } }, { timeoutMs: 5000 });
      if (!result.ok) throw new Error(`failed: ${result.reason}`);
      expect(result.response.status).to.equal(200);
      expect((JSON.parse(result.body) as { name: string }).name).to.equal('news-elements');
    });

    it('times out on a slow answer and the server sees the request aborted', async () => {
      const id = `fetch-timeout-${Math.random()}`;
      const result = await fetchText(`/test-api/related/slow?ms=5000&id=${id}`, {}, { timeoutMs: 100 });
      expect(failure(result)).to.deep.equal({ ok: false, reason: 'timeout', status: 0 });
      const state = async () => ((await (await fetch(`/test-api/related/seen?id=${id}`)).json()) as { state: string }).state;
      await waitUntil(async () => (await state()) === 'aborted', 'the server did not see the request aborted');
    });

    it('a refused connection is a network failure', async () => {
      const result = failure(await fetchText('http://127.0.0.1:9/x', {}, { timeoutMs: 5000 }));
      expect(result.reason).to.equal('network');
      expect(result.status).to.equal(0);
      expect(result.error).to.be.instanceOf(Error);
    });
  });
});

describe('core/fetch: unusableAnswer', () => {
  const response = (status: number) => new Response('x', { status });
  const cases: Array<[string, FetchTextResult, string]> = [
    ['a 200 with a body', { ok: true, response: response(200), body: '{}' }, ''],
    ['a 404', { ok: true, response: response(404), body: '' }, 'HTTP 404'],
    ['a 500 whose body then failed', { ok: false, reason: 'network', status: 500, error: new TypeError('x') }, 'HTTP 500'],
    ['a time-out', { ok: false, reason: 'timeout', status: 0, error: undefined }, 'no answer within 250 ms'],
    ['a 200 whose body broke off', { ok: false, reason: 'network', status: 200, error: new TypeError('x') }, 'the answer broke off'],
    ['a network error', { ok: false, reason: 'network', status: 0, error: new TypeError('Failed to fetch') }, 'Failed to fetch'],
  ];
  for (const [name, answer, expected] of cases) {
    it(`words ${name} as "${expected}"`, () => {
      expect(unusableAnswer(answer, 250)).to.equal(expected);
    });
  }
});
