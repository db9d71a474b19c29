import { z } from 'zod';
import { command, returns } from './handler-spec';

/** What loading the demo department put in the store. */
export interface DemoLoadResult {
  readonly people: number;
  readonly assets: number;
}

/** Demo department methods of the handler table. */
export const demoHandlers = {
  /**
   * Fills an EMPTY store with a generated department (src-shared/demo) by running its mutations through the real
   * mutators in one transaction; refused (conflict) once the store holds any person or asset.
   */
  'demo.load': command(z.strictObject({}), returns<DemoLoadResult>()),
} as const;
