/** One numbered SQL migration from db/local (0001_initial.sql → version 1). */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

const FILE_NAME = /(?:^|\/)(\d{4})_([a-z0-9_]+)\.sql$/;

/**
 * Orders migrations by their number and insists the numbers run 1, 2, 3… with no gap or duplicate:
 * a gap would mean two installations could disagree about what "version 3" contains.
 */
export function parseMigrations(files: Readonly<Record<string, string>>): Migration[] {
  const migrations = Object.entries(files).map(([path, sql]) => {
    const match = FILE_NAME.exec(path);
    if (!match?.[1] || !match[2]) {
      throw new Error(`Migration file name ${path} must look like 0001_description.sql`);
    }
    return { version: Number(match[1]), name: match[2], sql };
  });
  migrations.sort((a, b) => a.version - b.version);
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(`Migrations must be numbered 1, 2, 3… without gaps; found ${String(migration.version)} at position ${String(index + 1)}`);
    }
  });
  return migrations;
}
