export type SerialGate = <T>(task: () => Promise<T>) => Promise<T>;

/**
 * Runs tasks one at a time, in arrival order. A mutation keeps its SQLite transaction open across awaits, so no
 * other call may touch the connection until it finishes; a task that fails does not block the ones behind it.
 * The sync engine shares the dispatcher's gate: its store work (and a whole pull run) queues with the app's calls.
 */
export function createSerialGate(): SerialGate {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>): Promise<T> => {
    const run = tail.then(task);
    tail = run.catch(() => undefined); // the caller gets the failure; the queue only needs to know it finished
    return run;
  };
}
