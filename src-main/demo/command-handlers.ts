import type { Database } from 'better-sqlite3';
import { generateDepartment } from '../../src-shared/demo/department';
import { DEMO_SCALE } from '../../src-shared/demo/scale';
import { DomainError } from '../../src-shared/result';
import type { CommandHandlers } from '../bridge/command-handlers';
import { loadMutations } from './load-department';

interface Counts {
  readonly people: number;
  readonly assets: number;
}

function countRecords(db: Database): Counts {
  return db.prepare('SELECT (SELECT COUNT(*) FROM people) AS people, (SELECT COUNT(*) FROM assets) AS assets').get() as Counts;
}

function plural(count: number, one: string, many: string): string {
  return `${count.toLocaleString('en-GB')} ${count === 1 ? one : many}`;
}

/** Demo department command implementations (handler table: src-shared/api/demo-handlers.ts). */
export const demoCommandHandlers: Pick<CommandHandlers, 'demo.load'> = {
  'demo.load': async (ctx) => {
    const before = countRecords(ctx.db);
    // Only an empty first run: demo people and kit must never be mixed into a real register.
    if (before.people > 0 || before.assets > 0) {
      throw new DomainError(
        'conflict',
        `The demo department can only be loaded into an empty store, and this one already has ${plural(before.people, 'person', 'people')} ` +
          `and ${plural(before.assets, 'asset', 'assets')}. Nothing was changed.`,
      );
    }
    // The serial gate keeps every other call out until this returns, so the store is still empty when the batch runs.
    const department = generateDepartment(DEMO_SCALE, { asOf: ctx.now() });
    await loadMutations(ctx.mutations, department.mutations());
    return countRecords(ctx.db);
  },
};
