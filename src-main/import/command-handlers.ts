import { DomainError } from '../../src-shared/result';
import type { CommandHandlers } from '../bridge/command-handlers';
import { decodeBase64 } from './decode-bytes';
import { importRows } from './import-rows';
import { previewImportBytes } from './preview-file';
import { previewRegistry } from './preview-registry';

const PREVIEW_GONE =
  'That preview is no longer available (only the latest few are kept, and none survives a restart): choose the file and preview it again';

/** Import command implementations (handler table: src-shared/api/import-handlers.ts). */
export const importCommandHandlers: Pick<CommandHandlers, 'import.preview' | 'import.commit'> = {
  'import.preview': async (ctx, { kind, fileName, contentBase64 }) => {
    const bytes = decodeBase64(contentBase64);
    if (bytes === null) {
      throw new DomainError('invalid_input', 'The file content did not arrive intact (it is not valid base64)', {
        contentBase64: 'Send the file content as base64 text',
      });
    }
    const { preview, plan } = await previewImportBytes(ctx.db, { kind, fileName, bytes });
    previewRegistry(ctx.db).add(preview.previewId, kind, plan);
    return preview;
  },

  'import.commit': async (ctx, { previewId }) => {
    const entry = previewRegistry(ctx.db).get(previewId);
    if (entry?.progress.state === 'done') throw new DomainError('conflict', 'This file has already been imported');
    if (entry?.progress.state === 'failed') throw new DomainError('conflict', entry.progress.message ?? PREVIEW_GONE);
    const plan = entry?.plan;
    if (!entry || !plan) throw new DomainError('not_found', PREVIEW_GONE);
    const total = plan.rows.length;
    entry.progress = { state: 'running', done: 0, total, message: null };
    // The plan is let go whatever happens: after a failure the store may have changed, so the file is previewed again.
    entry.plan = null;
    try {
      const result = await importRows(ctx.mutations, plan, (done) => {
        entry.progress = { state: 'running', done, total, message: `Imported ${done.toLocaleString('en-GB')} of ${total.toLocaleString('en-GB')} rows` };
      });
      entry.progress = { state: 'done', done: total, total, message: `Imported ${total.toLocaleString('en-GB')} rows` };
      return result;
    } catch (error) {
      const message = error instanceof DomainError ? error.message : 'The import failed and nothing was imported';
      entry.progress = { state: 'failed', done: 0, total, message };
      throw error;
    }
  },
};
