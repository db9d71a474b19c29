import type { Database } from 'better-sqlite3';
import type { ImportKind, ImportProgress } from '../../src-shared/import/contract';
import type { ImportPlan } from '../../src-shared/import/preview';

/** Previews waiting for confirmation, and the progress of imports. Lives in main's memory only: a restart forgets it. */
export interface PreviewEntry {
  readonly id: string;
  readonly kind: ImportKind;
  /** The rows to import; dropped once the import has run (or failed), so memory holds only waiting previews. */
  plan: ImportPlan | null;
  progress: ImportProgress;
}

/** A preview of a big file holds every valid row: keep only the latest few waiting for confirmation. */
export const MAX_WAITING_PREVIEWS = 3;
/** Finished imports are remembered (without their rows) so a progress poll after the end still gets an answer. */
const MAX_ENTRIES = 20;

export class PreviewRegistry {
  private readonly entries = new Map<string, PreviewEntry>();

  add(id: string, kind: ImportKind, plan: ImportPlan): PreviewEntry {
    const entry: PreviewEntry = { id, kind, plan, progress: { state: 'idle', done: 0, total: plan.rows.length, message: null } };
    this.entries.set(id, entry);
    this.evict();
    return entry;
  }

  get(id: string): PreviewEntry | undefined {
    return this.entries.get(id);
  }

  /** Oldest first (a Map iterates in insertion order); a running import is never dropped. */
  private evict(): void {
    const waiting = [...this.entries.values()].filter((entry) => entry.progress.state === 'idle');
    for (const entry of waiting.slice(0, Math.max(0, waiting.length - MAX_WAITING_PREVIEWS))) this.entries.delete(entry.id);
    const finished = [...this.entries.values()].filter((entry) => entry.progress.state === 'done' || entry.progress.state === 'failed');
    const excess = this.entries.size - MAX_ENTRIES;
    for (const entry of finished.slice(0, Math.max(0, excess))) this.entries.delete(entry.id);
  }
}

/** One registry per store connection, so two stores in one process (tests) never see each other's previews. */
const registries = new WeakMap<Database, PreviewRegistry>();

export function previewRegistry(db: Database): PreviewRegistry {
  let registry = registries.get(db);
  if (!registry) {
    registry = new PreviewRegistry();
    registries.set(db, registry);
  }
  return registry;
}
