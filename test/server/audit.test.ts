import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAudit } from '../../src-server/audit/append-audit';
import { auditHash, GENESIS_HASH } from '../../src-server/audit/audit-hash';
import { canonicalJson } from '../../src-server/audit/canonical-json';
import { verifyAuditChain } from '../../src-server/audit/verify-chain';
import { disableAccount } from '../../src-server/accounts/manage-accounts';
import { createSession } from '../../src-server/auth/sessions';
import type { Database, Queryable } from '../../src-server/db/database';
import { TEST_CONFIG } from './support/api';
import { insertAccount, insertPerson } from './support/org';
import { newId } from '../../src-shared/ids';
import { BACKENDS, openTestDatabase, POSTGRES_URL, type TestDatabase } from './support/databases';

/** Runs SQL as someone with direct database access would, bypassing the append-only triggers. */
async function tamper(db: Database, sql: string, params: unknown[] = []): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query('SET LOCAL session_replication_role = replica');
    await tx.query(sql, params);
  });
}

/** Appends `count` varied events, then takes a snapshot of the whole log to restore after each tampering. */
async function writeEvents(db: Database, count: number): Promise<void> {
  for (let i = 0; i < count; i += 1) {
    await db.transaction((tx) =>
      appendAudit(tx, new Date(Date.UTC(2026, 0, 1, 9, 0, i)), {
        actorId: i % 3 === 0 ? null : newId(),
        clientId: i % 2 === 0 ? 'desktop-a' : null,
        action: i % 2 === 0 ? 'account.disable' : 'session.sign_in',
        entityType: 'account',
        entityId: newId(),
        before: i === 0 ? null : { disabledAt: null, nested: { list: [1, 'two', { z: true, a: null }] } },
        after: { disabledAt: '2026-01-01T09:00:00.000Z', count: i, note: `événement ${String(i)} — “quoted”` },
      }),
    );
  }
}

describe('canonical JSON and the event hash', () => {
  it('gives one text per value whatever the key order', () => {
    expect(canonicalJson({ b: 1, a: [{ d: null, c: 'x' }] })).toBe('{"a":[{"c":"x","d":null}],"b":1}');
    expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }));
  });

  it('changes when any field changes, the previous hash included', () => {
    const event = {
      seq: 1,
      id: newId(),
      occurredAt: '2026-01-01T00:00:00.000Z',
      actorId: null,
      clientId: 'cli',
      action: 'a',
      entityType: 't',
      entityId: 'e',
      before: null,
      after: { x: 1 },
      prevHash: GENESIS_HASH,
    };
    const base = auditHash(event);
    for (const [key, value] of Object.entries({ seq: 2, actorId: newId(), clientId: 'other', action: 'b', after: { x: 2 }, prevHash: 'f'.repeat(64) })) {
      expect(auditHash({ ...event, [key]: value })).not.toBe(base);
    }
  });
});

describe.each(BACKENDS)('the audit log on %s', { timeout: 30_000 }, (backend) => {
  let test: TestDatabase;
  const EVENTS = 12;
  let snapshot: Record<string, unknown>[] = [];
  let head: Record<string, unknown> | undefined;

  beforeAll(async () => {
    test = await openTestDatabase(backend);
    await writeEvents(test.db, EVENTS);
    snapshot = (await test.db.query('SELECT * FROM audit_events ORDER BY seq')).rows;
    head = (await test.db.query('SELECT * FROM audit_head')).rows[0];
  }, 60_000);
  afterAll(() => test.close());

  async function restore(): Promise<void> {
    await tamper(test.db, 'DELETE FROM audit_events');
    for (const row of snapshot) {
      await tamper(
        test.db,
        `INSERT INTO audit_events (seq, id, occurred_at, actor_id, client_id, action, entity_type, entity_id, before, after, prev_hash, hash)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10::jsonb, $11, $12)`,
        [row.seq, row.id, row.occurred_at, row.actor_id, row.client_id, row.action, row.entity_type, row.entity_id,
          row.before === null ? null : JSON.stringify(row.before), row.after === null ? null : JSON.stringify(row.after), row.prev_hash, row.hash],
      );
    }
    await tamper(test.db, 'UPDATE audit_head SET seq = $1, hash = $2', [head?.seq, head?.hash]);
  }

  it('writes the audit event in the change’s own transaction: if the event cannot be written, the change is undone', async () => {
    const personId = newId();
    await insertPerson(test.db, { id: personId, name: 'bob', email: 'rollback@example.gov.uk', lineManagerId: null, roles: ['staff'] });
    await insertAccount(test.db, personId, '$argon2id$v=19$m=1024,t=1,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo');
    await createSession(test.db, TEST_CONFIG.sessions, { personId, clientId: null, now: new Date() });
    // The same database, except that writing an audit event fails.
    const refusesAudit: Database = {
      ...test.db,
      transaction: (work) =>
        test.db.transaction((tx) => {
          const guarded: Queryable = {
            exec: (sql) => tx.exec(sql),
            query: (sql, params) => (sql.includes('INSERT INTO audit_events') ? Promise.reject(new Error('audit write failed')) : tx.query(sql, params)),
          };
          return work(guarded);
        }),
    };
    const actor = { personId: newId(), roles: ['admin' as const] };
    await expect(disableAccount({ db: refusesAudit, actor, clientId: null, now: new Date() }, personId)).rejects.toThrow(/audit write failed/);
    const { rows } = await test.db.query<{ disabled: boolean; live: number }>(
      'SELECT (a.disabled_at IS NOT NULL) AS disabled, (SELECT count(*)::int FROM sessions s WHERE s.person_id = a.person_id AND s.revoked_at IS NULL) AS live FROM accounts a WHERE a.person_id = $1',
      [personId],
    );
    expect(rows).toEqual([{ disabled: false, live: 1 }]);
    expect(await verifyAuditChain(test.db)).toMatchObject({ ok: true, events: EVENTS });
  });

  it('verifies an intact chain', async () => {
    expect(await verifyAuditChain(test.db)).toMatchObject({ ok: true, events: EVENTS });
  });

  it('refuses UPDATE, DELETE and TRUNCATE of audit events in the database itself', async () => {
    for (const sql of ["UPDATE audit_events SET action = 'x' WHERE seq = 1", 'DELETE FROM audit_events WHERE seq = 1', 'TRUNCATE audit_events']) {
      await expect(test.db.query(sql)).rejects.toMatchObject({ code: '42501' });
    }
    expect(await verifyAuditChain(test.db)).toMatchObject({ ok: true, events: EVENTS });
  });

  const COLUMN_CHANGES: Record<string, string> = {
    occurred_at: "occurred_at = occurred_at + interval '1 second'",
    actor_id: "actor_id = '00000000-0000-4000-8000-000000000001'",
    client_id: "client_id = 'forged-client'",
    action: "action = 'account.enable'",
    entity_type: "entity_type = 'person'",
    entity_id: "entity_id = 'someone-else'",
    before: `before = '{"disabledAt": "2020-01-01"}'::jsonb`,
    after: `after = jsonb_set(coalesce(after, '{}'::jsonb), '{count}', '999')`,
    prev_hash: `prev_hash = '${'a'.repeat(64)}'`,
    hash: `hash = '${'b'.repeat(64)}'`,
  };

  /** Puts one event back exactly as it was written (cheaper than restoring the whole log after each change). */
  async function restoreEvent(seq: number): Promise<void> {
    const row = snapshot[seq - 1];
    if (!row) throw new Error(`no event ${String(seq)} in the snapshot`);
    await tamper(
      test.db,
      `UPDATE audit_events SET occurred_at = $2, actor_id = $3, client_id = $4, action = $5, entity_type = $6, entity_id = $7,
         before = $8::jsonb, after = $9::jsonb, prev_hash = $10, hash = $11 WHERE seq = $1`,
      [seq, row.occurred_at, row.actor_id, row.client_id, row.action, row.entity_type, row.entity_id,
        row.before === null ? null : JSON.stringify(row.before), row.after === null ? null : JSON.stringify(row.after), row.prev_hash, row.hash],
    );
  }

  it('detects a change to any column of any event, and names that event as the first broken link', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: EVENTS }), fc.constantFrom(...Object.keys(COLUMN_CHANGES)), async (seq, column) => {
        await tamper(test.db, `UPDATE audit_events SET ${COLUMN_CHANGES[column] ?? ''} WHERE seq = $1`, [seq]);
        try {
          const report = await verifyAuditChain(test.db);
          expect(report.ok).toBe(false);
          if (!report.ok) expect([column, report.brokenAt.seq]).toEqual([column, seq]);
        } finally {
          await restoreEvent(seq);
        }
      }),
      { numRuns: 30 },
    );
    expect(await verifyAuditChain(test.db)).toMatchObject({ ok: true, events: EVENTS });
  }, 120_000);

  it('detects a removed event (a gap), removed newest events (the head), and an event added behind the writer’s back', async () => {
    await tamper(test.db, 'DELETE FROM audit_events WHERE seq = 5');
    let report = await verifyAuditChain(test.db);
    expect(report).toMatchObject({ ok: false, brokenAt: { seq: 5 } });
    await restore();

    await tamper(test.db, `DELETE FROM audit_events WHERE seq > ${String(EVENTS - 2)}`);
    report = await verifyAuditChain(test.db);
    expect(report).toMatchObject({ ok: false, brokenAt: { seq: EVENTS - 1 } });
    if (!report.ok) expect(report.brokenAt.reason).toMatch(/removed from the end/);
    await restore();

    await tamper(test.db, 'UPDATE audit_head SET seq = seq - 1');
    report = await verifyAuditChain(test.db);
    expect(report).toMatchObject({ ok: false, brokenAt: { seq: EVENTS } });
    await restore();
    expect(await verifyAuditChain(test.db)).toMatchObject({ ok: true });
  });

  it('a forger who recomputes the changed event’s own hash still breaks the link to the next event', async () => {
    const { rows } = await test.db.query<{ id: string; occurred_at: Date; actor_id: string | null; client_id: string | null; entity_type: string; entity_id: string; before: never; after: never; prev_hash: string }>(
      'SELECT id::text AS id, occurred_at, actor_id::text AS actor_id, client_id, entity_type, entity_id, before, after, prev_hash FROM audit_events WHERE seq = 4',
    );
    const row = rows[0];
    if (!row) throw new Error('no event 4');
    const forgedHash = auditHash({
      seq: 4,
      id: row.id,
      occurredAt: new Date(row.occurred_at).toISOString(),
      actorId: row.actor_id,
      clientId: row.client_id,
      action: 'account.enable',
      entityType: row.entity_type,
      entityId: row.entity_id,
      before: row.before,
      after: row.after,
      prevHash: row.prev_hash,
    });
    await tamper(test.db, "UPDATE audit_events SET action = 'account.enable', hash = $1 WHERE seq = 4", [forgedHash]);
    expect(await verifyAuditChain(test.db)).toMatchObject({ ok: false, brokenAt: { seq: 5 } });
    await restore();
  });
});

// Concurrency needs several connections: PostgreSQL (DATABASE_URL; always set in CI). PGlite serves one at a time.
describe.runIf(POSTGRES_URL !== undefined)('the audit log under concurrent writers on PostgreSQL', () => {
  it('appends from many concurrent transactions as one unforked chain', { timeout: 60_000 }, async () => {
    const test = await openTestDatabase('postgres');
    try {
      const writes = Array.from({ length: 20 }, (_, i) =>
        test.db.transaction((tx) =>
          appendAudit(tx, new Date(Date.UTC(2026, 0, 1, 0, 0, i)), {
            actorId: null,
            clientId: null,
            action: 'test.concurrent',
            entityType: 'test',
            entityId: String(i),
            before: null,
            after: null,
          }),
        ),
      );
      const seqs = (await Promise.all(writes)).map((w) => w.seq).sort((a, b) => a - b);
      expect(seqs).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
      expect(await verifyAuditChain(test.db)).toMatchObject({ ok: true, events: 20 });
    } finally {
      await test.close();
    }
  });
});
