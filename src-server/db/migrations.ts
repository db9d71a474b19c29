import { createHash } from 'node:crypto';

/** One numbered SQL migration from db/central (0001_initial.sql → version 1). */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
  /** SHA-256 of the SQL: an applied migration that was edited afterwards is refused, not silently skipped. */
  readonly checksum: string;
}

const FILE_NAME = /(?:^|\/)(\d{4})_([a-z0-9_]+)\.sql$/;

/**
 * Orders migrations by number and insists on 1, 2, 3… without gaps or duplicates: a gap would let two
 * deployments disagree about what "version 3" contains.
 */
export function parseMigrations(files: Readonly<Record<string, string>>): Migration[] {
  const migrations = Object.entries(files).map(([path, sql]) => {
    const match = FILE_NAME.exec(path);
    if (!match?.[1] || !match[2]) throw new Error(`Migration file name ${path} must look like 0001_description.sql`);
    return { version: Number(match[1]), name: match[2], sql, checksum: createHash('sha256').update(sql).digest('hex') };
  });
  migrations.sort((a, b) => a.version - b.version);
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(`Migrations must be numbered 1, 2, 3… without gaps; found ${String(migration.version)} at position ${String(index + 1)}`);
    }
  });
  return migrations;
}
