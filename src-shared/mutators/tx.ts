import type { Rows, TableName } from '../domain/tables';

/** Who is making a change, from where, and when (the client's clock: shown to people, never used to order changes). */
export interface MutationContext {
  readonly clientId: string;
  /** This mutation's gap-free id from its client: with clientId, names the mutation everywhere it runs. */
  readonly mutationId: number;
  /** The signed-in account, or null before sign-in exists on this installation. */
  readonly actorId: string | null;
  readonly now: string;
}

/**
 * The small transaction interface every store implements (SQLite on the desktop, PostgreSQL on the server), so one
 * mutator runs in both places. Async because the server's store is; the desktop resolves each call synchronously.
 */
export interface MutatorTx {
  readonly context: MutationContext;
  /**
   * An id for a record the mutator makes itself (a history event, an acknowledgement). Derived from the mutation's
   * identity, so the desktop's optimistic run and the server's authoritative run make the same ids.
   */
  newId(): string;
  get<T extends TableName>(table: T, id: string): Promise<Rows[T] | undefined>;
  findBy<T extends TableName, K extends keyof Rows[T] & string>(
    table: T,
    column: K,
    value: Rows[T][K],
  ): Promise<Rows[T] | undefined>;
  /** Every row whose `column` equals `value`, in id order (the same order in every store). */
  listBy<T extends TableName, K extends keyof Rows[T] & string>(table: T, column: K, value: Rows[T][K]): Promise<Rows[T][]>;
  /** Every row of a small table (the country policy's), in id order. */
  listAll<T extends TableName>(table: T): Promise<Rows[T][]>;
  insert<T extends TableName>(table: T, row: Rows[T]): Promise<void>;
  update<T extends TableName>(table: T, id: string, patch: Partial<Omit<Rows[T], 'id'>>): Promise<void>;
}
