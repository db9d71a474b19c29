/** Lets the event loop run (IPC, progress queries, window events) before carrying on with a long piece of work. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
