import { PGLITE_VARIANT } from './support/central';
import { defineSyncSuite } from './support/sync-suite';

// The "Must show" suite against one real server process on embedded PGlite (always runs).
defineSyncSuite(PGLITE_VARIANT);
