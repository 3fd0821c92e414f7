import { useEffect, useRef } from 'react';
import { Dialog } from '../../components/Dialog';
import { AlertIcon } from '../../components/icons';
import { formatCount, formatMegabytes } from '../../lib/format';
import type { SerializedEngineError } from '../../../../shared/engine/errors';
import { errorHeadline, errorLocation } from '../ingest/error-text';
import type { ImportOverrides } from '../ingest/import-types';
import { PreviewColumns } from './PreviewColumns';
import { PreviewIssues } from './PreviewIssues';
import { PreviewOptions } from './PreviewOptions';
import type { PreviewState } from './use-import-preview';
import './preview.css';

interface PreviewDialogProps {
  file: File;
  /** Files queued behind this one. */
  waiting: number;
  state: PreviewState;
  overrides: ImportOverrides;
  onChange(overrides: ImportOverrides): void;
  onLoad(): void;
  onLoadAll(): void;
  onCancel(): void;
}

/** One file before it is loaded: what was detected, the choices to change, and what the sample showed. */
export function PreviewDialog({ file, waiting, state, overrides, onChange, onLoad, onLoadAll, onCancel }: PreviewDialogProps) {
  const { preview, failure, isLoading } = state;
  const loadRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    // After the Dialog's own effect has opened it (parent effects run after this one), so Enter loads and Escape cancels.
    const timer = window.setTimeout(() => loadRef.current?.focus(), 0);
    return () => window.clearTimeout(timer);
  }, []);
  const footer = (
    <>
      <span className="preview-foot-note">Nothing is loaded until you press Load.</span>
      <button type="button" className="btn" onClick={onCancel} data-testid="preview-cancel">
        Cancel
      </button>
      {waiting > 0 ? (
        <button type="button" className="btn" onClick={onLoadAll} data-testid="preview-load-all" title="Load this file with these settings and the others as detected, without previews">
          Load all {waiting + 1}
        </button>
      ) : null}
      <button ref={loadRef} type="button" className="btn btn-primary" onClick={onLoad} data-testid="preview-load">
        Load
      </button>
    </>
  );
  return (
    <Dialog title={`Preview: ${file.name}`} onClose={onCancel} width={1080} testId="preview-dialog" footer={footer}>
      <div className="preview" aria-busy={isLoading}>
        <dl className="preview-summary">
          <div>
            <dt>Detected</dt>
            <dd data-testid="preview-detected">{preview ? preview.detected : isLoading ? 'Reading…' : '—'}</dd>
          </div>
          <div>
            <dt>Sample</dt>
            <dd data-testid="preview-sample">{preview && !preview.error ? sampleText(preview.rowsSampled, preview.bytesSampled, file.size, preview.isTruncated) : '—'}</dd>
          </div>
          {preview && preview.extraTables.length > 0 ? (
            <div>
              <dt>Also creates</dt>
              <dd data-testid="preview-extra-tables">{preview.extraTables.map((extra) => `${extra.name} (${formatCount(extra.rows)} rows)`).join(', ')}</dd>
            </div>
          ) : null}
          {waiting > 0 ? (
            <div>
              <dt>Waiting</dt>
              <dd>{waiting} more file(s)</dd>
            </div>
          ) : null}
          {isLoading ? <span className="spinner" aria-label="Updating the preview" /> : null}
        </dl>
        {preview ? <PreviewOptions preview={preview} overrides={overrides} onChange={onChange} /> : null}
        {failure ? <ErrorCard error={failure} /> : null}
        {preview?.error ? <ErrorCard error={preview.error} /> : null}
        {preview && preview.columns.length > 0 ? <PreviewColumns preview={preview} overrides={overrides} onChange={onChange} /> : null}
        {preview ? <PreviewIssues preview={preview} /> : null}
      </div>
    </Dialog>
  );
}

function sampleText(rows: number, bytes: number, size: number, isTruncated: boolean): string {
  const what = `${formatCount(rows)} row${rows === 1 ? '' : 's'}`;
  return isTruncated ? `${what} from the first ${formatMegabytes(bytes)} of ${formatMegabytes(size)}; Load reads the whole file` : `${what}, the whole file`;
}

function ErrorCard({ error }: { error: SerializedEngineError }) {
  const location = errorLocation(error);
  return (
    <section className="notice notice-error preview-error" role="alert" data-testid="preview-error">
      <span className="notice-icon">
        <AlertIcon />
      </span>
      <div className="notice-body">
        <h3 className="notice-title">{errorHeadline(error)}</h3>
        <p className="notice-message">{error.message}</p>
        {location ? (
          <p className="notice-location mono" data-testid="preview-error-location">
            {location}
          </p>
        ) : null}
      </div>
    </section>
  );
}
