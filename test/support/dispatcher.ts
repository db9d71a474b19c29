import { createDispatcher, type Dispatch, type Logger } from '../../src-main/bridge/dispatch';
import type { Store } from '../../src-main/store/open-store';
import type { StoreError } from '../../src-main/store/store-error';
import { fixedClock, memoryStore } from './store';

export interface RecordingLogger extends Logger {
  readonly errors: { details: object; message: string }[];
}

export function recordingLogger(): RecordingLogger {
  const errors: { details: object; message: string }[] = [];
  return { errors, error: (details, message) => errors.push({ details, message }) };
}

/** A dispatcher over a fresh in-memory store, as both shells build it. */
export function testDispatcher(store: Store | StoreError = memoryStore()): { dispatch: Dispatch; store: Store | StoreError; log: RecordingLogger } {
  const log = recordingLogger();
  const dispatch = createDispatcher({
    store,
    info: { version: '0.0.0-test', shell: 'web', dataDir: '/nowhere' },
    actorId: null,
    clock: fixedClock,
    log,
  });
  return { dispatch, store, log };
}
