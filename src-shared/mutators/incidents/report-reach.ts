import { grantReaches, heldGrants, MUTATOR_RULES } from '../../auth/mutator-permissions';
import { DomainError } from '../../result';
import type { MutatorTx } from '../tx';

/** Whether `managerId` is above `personId` in the line-management tree as this store knows it (cycles stop). */
async function managesFromAbove(tx: MutatorTx, personId: string, managerId: string): Promise<boolean> {
  const seen = new Set<string>([personId]);
  let current = (await tx.get('people', personId))?.lineManagerId ?? null;
  while (current !== null && !seen.has(current)) {
    if (current === managerId) return true;
    seen.add(current);
    current = (await tx.get('people', current))?.lineManagerId ?? null;
  }
  return false;
}

/**
 * Who may report an asset lost, stolen or damaged: its holder, their line managers, the IT service desk and the
 * security team (MUTATOR_RULES['asset.reportLoss']). The server checks every pushed change against that table anyway;
 * the mutator checks it too, from the actor's own person row, so that a member of staff choosing someone else's
 * equipment is told at once, on the field, in the same words on the desktop and the server, and nothing is written.
 * Before anyone has signed in (actorId null) the desktop is a local register with no accounts, and nothing is checked.
 */
export async function assertMayReportFor(tx: MutatorTx, subjectId: string | null, assetTag: string): Promise<void> {
  const { actorId } = tx.context;
  if (actorId === null) return;
  const actor = await tx.get('people', actorId);
  const who = { personId: actorId, roles: actor?.roles ?? ['staff' as const] };
  const rule = MUTATOR_RULES['asset.reportLoss'];
  const reports = subjectId !== null && subjectId !== actorId && (await managesFromAbove(tx, subjectId, actorId));
  if (heldGrants(who, rule).some((grant) => grantReaches(who, grant, subjectId, () => reports))) return;
  const whose = who.roles.includes('line_manager') ? 'you or the people who report to you hold' : 'you hold';
  const message = `You can report only equipment ${whose}: ${assetTag} is not issued to ${whose === 'you hold' ? 'you' : 'any of you'}`;
  throw new DomainError('forbidden', message, { assetId: message });
}
