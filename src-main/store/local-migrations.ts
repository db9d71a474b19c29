import { parseMigrations, type Migration } from './migrations';

/**
 * The desktop store's migrations, bundled into the build by Vite so a packaged app never reads them from disk.
 * Vitest understands import.meta.glob too, so tests run exactly these files.
 */
const files = import.meta.glob<string>('../../db/local/*.sql', { query: '?raw', import: 'default', eager: true });

export const LOCAL_MIGRATIONS: readonly Migration[] = parseMigrations(files);
