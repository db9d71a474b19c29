/**
 * V8 flags for the Node processes the npm scripts start (the web shell, the command line, the benchmark).
 *
 * --max-semi-space-size=64: V8's young generation defaults to 16 MB semi-spaces. Previewing a CSV import makes
 * millions of short-lived objects (parsed cells, zod results) while the plan it builds stays alive, so a 25,000-row
 * preview spent about a third of its time in scavenges copying the survivors; with 64 MB semi-spaces it took ~205 ms
 * instead of ~360 ms. The cost is up to 3 × 48 MB more young-generation memory, which a desktop can spare.
 * The flag must be given when the process starts (v8.setFlagsFromString afterwards has no effect on the heap).
 */
export const NODE_V8_FLAGS = ['--max-semi-space-size=64'];

/** The same flags for Electron's main process, which takes V8 flags through Chromium's --js-flags switch. */
export const ELECTRON_JS_FLAGS = `--js-flags=${NODE_V8_FLAGS.join(' ')}`;
