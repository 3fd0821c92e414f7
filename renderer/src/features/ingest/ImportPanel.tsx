import { formatAccelerator } from '../../../../shared/commands';
import { CloseIcon } from '../../components/icons';
import { formatCount, formatEta, formatMegabytes } from '../../lib/format';
import type { ImportJob } from './import-types';
import './ingest.css';

interface ImportPanelProps {
  jobs: readonly ImportJob[];
  isMac: boolean;
  onCancel(id: string): void;
}

/** The import strip: the running file's progress and what is queued behind it. */
export function ImportPanel({ jobs, isMac, onCancel }: ImportPanelProps) {
  const running = jobs.find((job) => job.state !== 'queued');
  const queued = jobs.filter((job) => job.state === 'queued');
  if (!running && queued.length === 0) return null;
  return (
    <section className="import-panel" data-testid="import-progress" aria-live="polite" aria-label="Import progress">
      {running ? <RunningImport job={running} isMac={isMac} onCancel={onCancel} /> : null}
      {queued.length > 0 ? (
        <div className="import-queue">
          <span className="import-queue-label">Queued</span>
          {queued.map((job) => (
            <span key={job.id} className="import-queue-item" title={job.file.name}>
              <span className="truncate">{job.file.name}</span>
              <button type="button" className="icon-btn" aria-label={`Remove ${job.file.name} from the queue`} onClick={() => onCancel(job.id)}>
                <CloseIcon size={12} />
              </button>
            </span>
          ))}
        </div>
      ) : null}
    </section>
  );
}

function RunningImport({ job, isMac, onCancel }: { job: ImportJob; isMac: boolean; onCancel(id: string): void }) {
  const progress = job.progress;
  const total = job.file.size;
  const read = progress?.bytesRead ?? 0;
  const fraction = total > 0 ? Math.min(1, read / total) : 0;
  const isCancelling = job.state === 'cancelling';
  return (
    <div className="import-running">
      <div className="import-title">
        <span className="spinner" />
        <span className="import-verb">{isCancelling ? 'Cancelling' : 'Importing'}</span>
        <span className="import-file truncate" title={job.file.name}>
          {job.file.name}
        </span>
      </div>
      <div
        className="import-bar"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(fraction * 100)}
        aria-label={`Import of ${job.file.name}`}
      >
        <div className="import-bar-fill" style={{ transform: `scaleX(${fraction.toFixed(3)})` }} />
      </div>
      <dl className="import-stats num">
        <div>
          <dt>Read</dt>
          <dd>
            {formatMegabytes(read)} / {formatMegabytes(total)}
          </dd>
        </div>
        <div>
          <dt>Rows</dt>
          <dd data-testid="import-rows">{formatCount(progress?.rows ?? 0)}</dd>
        </div>
        <div>
          <dt>Speed</dt>
          <dd>{progress && progress.rowsPerSecond > 0 ? `${formatCount(progress.rowsPerSecond)} rows/s` : '—'}</dd>
        </div>
        <div>
          <dt>ETA</dt>
          <dd>{progress?.etaSeconds != null ? formatEta(progress.etaSeconds) : '—'}</dd>
        </div>
      </dl>
      <button
        type="button"
        className="btn"
        data-testid="import-cancel"
        disabled={isCancelling}
        onClick={() => onCancel(job.id)}
        title={`Cancel import (${formatAccelerator('Escape', isMac)})`}
      >
        Cancel
      </button>
    </div>
  );
}
