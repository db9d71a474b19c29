import type { AssetDetail } from '../../src-shared/api/asset-queries';
import { refusalMessage, type AssetCommand } from '../../src-shared/domain/asset-lifecycle';

/**
 * Why `command` cannot be applied to the asset as last loaded, in the same words the store would use (the shared
 * `refusalMessage`), or null when it can. A page shows this instead of a form that could only be refused; the store
 * still decides on submit, so a change made elsewhere in the meantime is refused with its own message.
 */
export function refusalFor(command: AssetCommand, { asset, history, commands }: AssetDetail): string | null {
  if (commands.includes(command)) return null;
  const setByName = asset.statusChangedBy === null ? null : (history.find((entry) => entry.actorId === asset.statusChangedBy)?.actorName ?? 'an account not on this desktop');
  return refusalMessage(command, { assetTag: asset.assetTag, status: asset.status, setByName, setAt: asset.statusChangedAt });
}
