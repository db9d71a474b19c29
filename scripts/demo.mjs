// `npm run demo -- [--data-dir DIR]`: builds the tools (vite.tools.config.ts → dist/tools/) and loads the demo
// department into an empty store through the handler table's demo.load. Refuses a store that has any records.
import { run, runBin } from './run.mjs';

const built = await runBin('vite', ['build', '--config', 'vite.tools.config.ts', '--logLevel', 'warn']);
if (built !== 0) {
  console.error('Custodian: the demo tool could not be built (see above).');
  process.exit(built);
}
process.exit(await run(process.execPath, ['dist/tools/demo.js', ...process.argv.slice(2)]));
