import { parseMigrations, type Migration } from './migrations';

/**
 * The central database's migrations, bundled into the server build by Vite (the built server never reads SQL
 * from disk, so what was tested is what runs). Vitest understands import.meta.glob too: tests run these files.
 */
const files = import.meta.glob<string>('../../db/central/*.sql', { query: '?raw', import: 'default', eager: true });

export const CENTRAL_MIGRATIONS: readonly Migration[] = parseMigrations(files);
