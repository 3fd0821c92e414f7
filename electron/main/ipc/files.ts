/**
 * wb:file.save. The renderer proposes a name and supplies the bytes; the user
 * picks the path in the native dialog, so main only writes where the user
 * chose. Writes are atomic (see atomic-write.ts).
 */
import path from 'node:path';
import { ValidationError } from '../../../shared/ipc/guards';
import { MAX_SAVE_BYTES } from '../../../shared/ipc/validate';
import type { ExportDirectory, IpcHandlers, SaveDialog, WriteFile } from './types';

export interface FileHandlerDeps {
  readonly showSaveDialog: SaveDialog;
  readonly writeFileAtomic: WriteFile;
  readonly exportDirectory: ExportDirectory;
}

export function encodeData(data: Uint8Array | string): Uint8Array {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  // The validator bounded the string's length; its UTF-8 form can be up to 3× larger.
  if (bytes.byteLength > MAX_SAVE_BYTES) throw new ValidationError('data: larger than 512 MiB once encoded');
  return bytes;
}

export function createFileHandlers(deps: FileHandlerDeps): Pick<IpcHandlers, 'wb:file.save'> {
  return {
    'wb:file.save': async (request) => {
      const bytes = encodeData(request.data);
      const target = await deps.showSaveDialog({
        defaultPath: path.join(deps.exportDirectory.current(), request.suggestedName),
        filters: request.filters ?? [],
      });
      if (target === null) return null;
      await deps.writeFileAtomic(target, bytes);
      deps.exportDirectory.remember(path.dirname(target));
      return { path: target };
    },
  };
}
