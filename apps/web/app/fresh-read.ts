// Many requests, one query: while a read is in flight, callers that arrive wait for the *next* read, which starts
// when the current one ends — never for the one already running, which may have started before their request
// arrived and so miss a change committed just before it. Every caller gets a value read after it called; at most
// one read runs at a time. (Under load, the site's content-version lookup then costs one query per round trip
// instead of one per request.)
export function freshRead<T>(read: () => Promise<T>): () => Promise<T> {
  let running: Promise<T> | null = null;
  let next: Promise<T> | null = null;
  const start = (): Promise<T> => {
    const p = read().finally(() => {
      if (running === p) running = null;
    });
    running = p;
    return p;
  };
  return () => {
    if (!running) return start();
    if (!next) {
      next = running
        .then(
          () => undefined,
          () => undefined,
        )
        .then(() => {
          next = null;
          return start();
        });
    }
    return next;
  };
}
