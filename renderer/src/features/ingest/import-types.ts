import type { ImportOptions, ImportProgress } from '../../../../shared/engine/api';
import type { SerializedEngineError } from '../../../../shared/engine/errors';

/** What the user chose in the preview (encoding, delimiter, header, column types…); empty means "as detected". */
export type ImportOverrides = Omit<ImportOptions, 'importId' | 'budgetBytes' | 'chunkBytes'>;

/** One file waiting for or going through the engine. */
export interface ImportJob {
  /** Also the engine's importId, so progress events find their job. */
  readonly id: string;
  readonly file: File;
  readonly options: ImportOverrides;
  readonly state: 'queued' | 'running' | 'cancelling';
  readonly progress: ImportProgress | null;
  /** Known once the engine created the table (firstRows). */
  readonly tableName: string | null;
}

/** A finished import that needs the user's attention: a failure, or a cancel. */
export interface ImportNotice {
  readonly id: string;
  readonly fileName: string;
  readonly error: SerializedEngineError;
}
