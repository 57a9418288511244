/** One call a fake fetch received. */
export interface FetchCall {
  url: string;
  init: RequestInit;
}

/**
 * A fetch that records its calls and answers with `answer`: a Response, a thrown error (a
 * rejection, as a network failure), or a promise that never settles (a server that hangs).
 */
export function fakeFetch(answer: (call: FetchCall) => Response | Promise<Response>) {
  const calls: FetchCall[] = [];
  const impl = ((url: RequestInfo | URL, init?: RequestInit) => {
    const call = { url: String(url), init: init ?? {} };
    calls.push(call);
    try {
      return Promise.resolve(answer(call));
    } catch (error) {
      return Promise.reject(error);
    }
  }) as typeof fetch;
  return { impl, calls };
}
