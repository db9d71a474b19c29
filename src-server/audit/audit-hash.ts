import { createHash } from 'node:crypto';
import { canonicalJson, type JsonValue } from './canonical-json';

/** The hash "before" the first event. */
export const GENESIS_HASH = '0'.repeat(64);

/** Names the hashing scheme inside the hashed text, so a future scheme can never collide with this one. */
const SCHEME = 'custodian-audit-v1';

export interface AuditEventContent {
  readonly seq: number;
  readonly id: string;
  readonly occurredAt: string;
  readonly actorId: string | null;
  readonly clientId: string | null;
  readonly action: string;
  readonly entityType: string;
  readonly entityId: string;
  readonly before: JsonValue;
  readonly after: JsonValue;
  readonly prevHash: string;
}

/** SHA-256 over the scheme name and the canonical JSON of every field, the previous event's hash included. */
export function auditHash(event: AuditEventContent): string {
  const material = canonicalJson({
    scheme: SCHEME,
    seq: event.seq,
    id: event.id,
    occurredAt: event.occurredAt,
    actorId: event.actorId,
    clientId: event.clientId,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId,
    before: event.before,
    after: event.after,
    prevHash: event.prevHash,
  });
  return createHash('sha256').update(material).digest('hex');
}
