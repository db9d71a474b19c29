import { describe, it } from 'vitest';
import { POSTGRES_SKIP_REASON, POSTGRES_VARIANT } from './support/central';
import { defineSyncSuite } from './support/sync-suite';

// The same suite against PostgreSQL (DATABASE_URL; CI sets it), with two server processes serving one fresh schema
// and the desktops spread across them.
const skipReason = POSTGRES_SKIP_REASON;
if (skipReason === null) {
  defineSyncSuite(POSTGRES_VARIANT);
} else {
  console.warn(`[sync integration] ${skipReason}`);
  describe('sync between desktops and the central API (two server processes on one PostgreSQL database)', () => {
    it.skip(skipReason);
  });
}
