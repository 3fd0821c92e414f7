import type { RecentFile } from '../../platform/platform';
import { OpenIcon, SparkIcon, UploadIcon } from '../../components/icons';
import { formatClock, formatSize } from '../../lib/format';

interface EmptyStateProps {
  recent: readonly RecentFile[];
  openHint: string;
  sampleHint: string;
  isBusy: boolean;
  onOpen(): void;
  onLoadSample(): void;
}

/** First screen: one obvious thing to do (drop or open a file), and a one-click sample. */
export function EmptyState({ recent, openHint, sampleHint, isBusy, onOpen, onLoadSample }: EmptyStateProps) {
  return (
    <div className="empty">
      <div className="drop-zone" data-testid="drop-zone">
        <div className="drop-zone-icon">
          <UploadIcon size={26} />
        </div>
        <h1>Drop processor exports or bank statements here</h1>
        <p>CSV, up to millions of rows — or open them from disk. Everything stays on this computer.</p>
        <div className="drop-zone-actions">
          <button type="button" className="btn btn-primary btn-lg" onClick={onOpen} title={`Open files (${openHint})`}>
            <OpenIcon /> Open files…
          </button>
          <button type="button" className="btn btn-lg" onClick={onLoadSample} disabled={isBusy} data-testid="load-sample" title={`Load sample data (${sampleHint})`}>
            <SparkIcon /> Load sample data
          </button>
        </div>
        <p className="drop-zone-foot">Delimiter, encoding and column types are detected for you. Amounts are kept exact to the cent.</p>
      </div>
      {recent.length > 0 ? (
        <section className="recent" aria-label="Recent files">
          <h2>Recent files</h2>
          <ul>
            {recent.map((file) => (
              <li key={`${file.path ?? ''}${file.name}${file.openedAt}`}>
                <button type="button" className="recent-item" onClick={onOpen} title={file.path ?? `${file.name} — open it again from disk`}>
                  <span className="recent-name truncate">{file.name}</span>
                  <span className="recent-meta num">{formatSize(file.sizeBytes)}</span>
                  <span className="recent-meta">{formatClock(file.openedAt)}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
