// better-sqlite3 is a native module: Electron Forge rebuilds it for Electron's ABI on `start`/`package`, after which
// plain Node (tests, web shell) cannot load it. Rebuild it for Node only when that has happened.
import { createRequire } from 'node:module';
import { run } from './run.mjs';

const require = createRequire(import.meta.url);

function loads() {
  try {
    const Database = require('better-sqlite3');
    new Database(':memory:').close();
    return { ok: true };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

const first = loads();
if (!first.ok) {
  if (!/NODE_MODULE_VERSION|was compiled against a different Node.js version/.test(first.message ?? '')) {
    console.error(`better-sqlite3 does not load: ${first.message}`);
    process.exit(1);
  }
  console.log('better-sqlite3 was last built for Electron; rebuilding it for Node (about a minute)...');
  const code = await run('npm', ['rebuild', 'better-sqlite3']);
  if (code !== 0 || !loads().ok) {
    console.error('Could not rebuild better-sqlite3 for Node. Run "npm rebuild better-sqlite3" and read its output.');
    process.exit(1);
  }
}
