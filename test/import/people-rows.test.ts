import { describe, expect, it, vi } from 'vitest';
import type { PersonCreateArgs } from '../../src-shared/domain/person';
import type { ImportPlan } from '../../src-shared/import/preview';
import { importRows } from '../../src-main/import/import-rows';
import { memoryStore } from '../support/store';
import { addPerson, csv, environment, fixture, PEOPLE_HEADER, preview, rowErrors } from './support';

// A 3,000-person chain is imported; the default 5 s is a timeout, not a speed check.
vi.setConfig({ testTimeout: 60_000 });

const person = (staff: string, manager = '', extra: { roles?: string; status?: string; training?: string; email?: string; name?: string } = {}) =>
  [staff, extra.name ?? `Person ${staff}`, extra.email ?? `${staff.toLowerCase()}@example.gov.uk`, manager, extra.roles ?? '', extra.status ?? '', extra.training ?? ''].join(',');

function peopleArgs(plan: ImportPlan): PersonCreateArgs[] {
  if (plan.kind !== 'people') throw new Error('expected a people plan');
  return plan.rows.map((r) => r.args);
}

describe("Custodian's people template", () => {
  it('imports the fixture: line managers later in the file, roles by key or label, both date styles', async () => {
    const store = memoryStore();
    const { preview: p, plan } = await preview(store, 'people', fixture('custodian-people.csv'));
    expect([p.format, p.rows, p.valid, p.errorCount]).toEqual(['custodian', 5, 5, 0]);
    const args = peopleArgs(plan);
    // Managers come before their reports, whatever the file order.
    expect(args.map((a) => a.staffNumber)).toEqual(['S1001', 'S1002', 'S1003', 'S1004', 'S1005']);
    const byStaff = new Map(args.map((a) => [a.staffNumber, a]));
    expect(byStaff.get('S1002')?.lineManagerId).toBe(byStaff.get('S1001')?.id);
    expect(byStaff.get('S1001')?.roles).toEqual(['staff', 'line_manager', 'admin']);
    expect(byStaff.get('S1003')).toMatchObject({ roles: ['staff', 'it_service_desk'], trainingCompletedOn: '2026-03-15' });
    expect(byStaff.get('S1004')?.status).toBe('leaving');
    expect(await importRows(environment(store), plan)).toEqual({ imported: 5 });
  });

  it('finds a line manager already in the directory', async () => {
    const store = memoryStore();
    const managerId = await addPerson(store, 'S0001', 'Existing Manager');
    const { plan, preview: p } = await preview(store, 'people', csv(PEOPLE_HEADER, person('S2', 's0001')));
    expect(peopleArgs(plan)[0]?.lineManagerId).toBe(managerId);
    expect(p.sample[0]?.['Line manager']).toBe('S0001 Existing Manager');
  });

  it.each([
    ['boss', 'Unknown role "boss": use staff, line_manager, it_service_desk, security, admin, separated by semicolons'],
  ])('refuses the role %s', async (roles, message) => {
    const { preview: p } = await preview(memoryStore(), 'people', csv(PEOPLE_HEADER, person('S1', '', { roles })));
    expect(rowErrors(p, 2)).toEqual([{ field: 'roles', message }]);
  });

  it('refuses an unknown status and a date that does not exist', async () => {
    const { preview: p } = await preview(memoryStore(), 'people', csv(PEOPLE_HEADER, person('S1', '', { status: 'retired', training: '29/02/2023' })));
    expect(rowErrors(p, 2)).toEqual([
      { field: 'status', message: 'Unknown status "retired": use active, leaving or left' },
      { field: 'training_completed_on', message: 'The training completion date 29/02/2023 is not a real date' },
    ]);
  });

  it('refuses a missing name, a bad email and a bad staff number', async () => {
    const { preview: p } = await preview(memoryStore(), 'people', csv(PEOPLE_HEADER, 'S 1,,not-an-email,,,,'));
    expect(rowErrors(p, 2).map((e) => e.field)).toEqual(['staff_number', 'name', 'email']);
  });
});

describe('duplicates and line managers', () => {
  it('reports staff numbers and emails twice in the file, or already in the directory', async () => {
    const store = memoryStore();
    await addPerson(store, 'S9', 'Nine Existing');
    const text = csv(PEOPLE_HEADER, person('S1'), person('s1', '', { email: 'other@example.gov.uk' }), person('S2', '', { email: 'S1@example.gov.uk' }), person('S9'), person('S3', '', { email: 'nine.existing@example.gov.uk' }));
    const { preview: p } = await preview(store, 'people', text);
    expect(p.errors).toEqual([
      { row: 3, field: 'staff_number', message: 'Staff number S1 is already on row 2 of this file' },
      { row: 4, field: 'email', message: 'Email address s1@example.gov.uk is already on row 2 of this file' },
      { row: 5, field: 'staff_number', message: 'Staff number S9 already belongs to Nine Existing' },
      { row: 6, field: 'email', message: 'Email address nine.existing@example.gov.uk already belongs to Nine Existing' },
    ]);
    expect(p.valid).toBe(1);
  });

  it('reports an unknown line manager and a person managing themselves', async () => {
    const { preview: p } = await preview(memoryStore(), 'people', csv(PEOPLE_HEADER, person('S1', 'S404'), person('S2', 's2')));
    expect(p.errors).toEqual([
      { row: 2, field: 'line_manager_staff_number', message: 'Unknown line manager: no one with staff number S404 is in this file or the directory' },
      { row: 3, field: 'line_manager_staff_number', message: 'A person cannot be their own line manager' },
    ]);
  });

  it('reports line managers that go round in a loop, and the rows that depend on them', async () => {
    const text = csv(PEOPLE_HEADER, person('S1', 'S2'), person('S2', 'S3'), person('S3', 'S1'), person('S4', 'S3'), person('S5'), person('S6', 'S5'));
    const { preview: p, plan } = await preview(memoryStore(), 'people', text);
    expect(p.errors).toEqual([
      { row: 2, field: 'line_manager_staff_number', message: 'Line managers go round in a loop: S1 → S2 → S3 → S1' },
      { row: 3, field: 'line_manager_staff_number', message: 'Line managers go round in a loop: S1 → S2 → S3 → S1' },
      { row: 4, field: 'line_manager_staff_number', message: 'Line managers go round in a loop: S1 → S2 → S3 → S1' },
      { row: 5, field: 'line_manager_staff_number', message: 'Line manager S3 (row 4) cannot be imported, so this row cannot be either' },
    ]);
    expect(peopleArgs(plan).map((a) => a.staffNumber)).toEqual(['S5', 'S6']);
  });

  it('does not import a row whose line manager in the file has errors, and says why', async () => {
    const text = csv(PEOPLE_HEADER, person('S3', 'S2'), person('S2', 'S1'), person('S1', '', { email: 'broken' }));
    const { preview: p } = await preview(memoryStore(), 'people', text);
    expect(p.errors.map((e) => [e.row, e.message])).toEqual([
      [2, 'Line manager S2 (row 3) cannot be imported, so this row cannot be either'],
      [3, 'Line manager S1 (row 4) cannot be imported, so this row cannot be either'],
      [4, 'Enter an email address in the correct format, like name@example.gov.uk'],
    ]);
    expect(p.valid).toBe(0);
  });

  it('imports a long chain written reports-first, in one batch', async () => {
    const store = memoryStore();
    const chain = Array.from({ length: 3000 }, (_, i) => person(`S${String(i)}`, i === 2999 ? '' : `S${String(i + 1)}`));
    const { preview: p, plan } = await preview(store, 'people', csv(PEOPLE_HEADER, ...chain));
    expect(p.errorCount).toBe(0);
    expect(peopleArgs(plan)[0]?.staffNumber).toBe('S2999');
    expect(await importRows(environment(store), plan)).toEqual({ imported: 3000 });
  });
});
