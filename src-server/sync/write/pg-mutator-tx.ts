import type { Rows, TableName } from '../../../src-shared/domain/tables';
import { mutationRecordId } from '../../../src-shared/ids';
import type { MutationContext, MutatorTx } from '../../../src-shared/mutators/tx';
import type { SyncRowStore } from './row-store';

/**
 * The server's MutatorTx (the desktop's is src-main/store/sqlite-tx.ts): the shared mutators run against PostgreSQL
 * through a push's SyncRowStore, which builds SQL from TABLE_COLUMNS only and binds every value. Rows come back in
 * the desktop's form (ISO timestamps, YYYY-MM-DD dates, roles as an array), so a mutator decides the same here as it
 * did there.
 */
export class PgMutatorTx implements MutatorTx {
  private madeIds = 0;

  constructor(
    private readonly store: SyncRowStore,
    readonly context: MutationContext,
  ) {}

  /** The n-th id this mutation makes, exactly as the desktop's run made it: both runs create the same records. */
  newId(): string {
    this.madeIds += 1;
    return mutationRecordId(this.context.clientId, this.context.mutationId, this.madeIds);
  }

  async get<T extends TableName>(table: T, id: string): Promise<Rows[T] | undefined> {
    return (await this.store.get(table, id)) as Rows[T] | undefined;
  }

  async findBy<T extends TableName, K extends keyof Rows[T] & string>(table: T, column: K, value: Rows[T][K]): Promise<Rows[T] | undefined> {
    return (await this.store.findBy(table, column, value)) as Rows[T] | undefined;
  }

  async listBy<T extends TableName, K extends keyof Rows[T] & string>(table: T, column: K, value: Rows[T][K]): Promise<Rows[T][]> {
    return (await this.store.list(table, column, value)) as unknown as Rows[T][];
  }

  async listAll<T extends TableName>(table: T): Promise<Rows[T][]> {
    return (await this.store.list(table)) as unknown as Rows[T][];
  }

  insert<T extends TableName>(table: T, row: Rows[T]): Promise<void> {
    this.store.insert(table, row as unknown as Readonly<Record<string, unknown>>);
    return Promise.resolve();
  }

  update<T extends TableName>(table: T, id: string, patch: Partial<Omit<Rows[T], 'id'>>): Promise<void> {
    return this.store.update(table, id, patch);
  }
}
