/**
 * wb:print.toPdf. Asks for the destination first (cancelling is then free),
 * renders the sender's page with Chromium's printToPDF, and writes atomically.
 */
import path from 'node:path';
import type { ExportDirectory, IpcHandlers, SaveDialog, WriteFile } from './types';

export interface PrintHandlerDeps {
  readonly showSaveDialog: SaveDialog;
  readonly writeFileAtomic: WriteFile;
  readonly exportDirectory: ExportDirectory;
}

export function withPdfExtension(name: string): string {
  return /\.pdf$/i.test(name) ? name : `${name}.pdf`;
}

export function createPrintHandlers(deps: PrintHandlerDeps): Pick<IpcHandlers, 'wb:print.toPdf'> {
  return {
    'wb:print.toPdf': async (request, context) => {
      const target = await deps.showSaveDialog({
        defaultPath: path.join(deps.exportDirectory.current(), withPdfExtension(request.suggestedName)),
        filters: [{ name: 'PDF document', extensions: ['pdf'] }],
      });
      if (target === null) return null;
      const pdf = await context.printPage();
      await deps.writeFileAtomic(target, pdf);
      deps.exportDirectory.remember(path.dirname(target));
      return { path: target };
    },
  };
}
