import type { MatchPhase, MatchProgress } from '../../../../shared/engine/api';
import { CloseIcon, InfoIcon } from '../../components/icons';

/**
 * Rough shares of a 1M × 1M run's time per phase (reading both sides is
 * most of it, writing the result tables next), so the bar moves about as
 * the time does. The engine reports whole steps, so the bar steps too.
 */
const PHASE_SHARE: Record<MatchPhase, number> = { load: 0.45, passes: 0.25, summary: 0.05, write: 0.25 };
const PHASE_ORDER: readonly MatchPhase[] = ['load', 'passes', 'summary', 'write'];

/** How far the run is overall, 0–1. */
export function runFraction(progress: MatchProgress | null): number {
  if (!progress) return 0;
  let before = 0;
  for (const phase of PHASE_ORDER) {
    if (phase === progress.phase) break;
    before += PHASE_SHARE[phase];
  }
  const within = progress.total > 0 ? Math.min(1, progress.done / progress.total) : 1;
  return Math.min(1, before + PHASE_SHARE[progress.phase] * within);
}

/** What the run is doing now: a report names the step about to start. */
export function phaseLabel(progress: MatchProgress | null, sides: { left: string; right: string } | null): string {
  if (!progress) return 'Starting';
  switch (progress.phase) {
    case 'load':
      return progress.done === 0 ? `Reading ${sides?.left ?? 'the left table'}` : progress.done === 1 ? `Reading ${sides?.right ?? 'the right table'}` : 'Read both tables';
    case 'passes':
      return progress.done < progress.total ? `Matching — pass ${progress.done + 1} of ${progress.total}` : 'Matched';
    case 'summary':
      return 'Totalling and tying out';
    case 'write':
      return progress.done < progress.total ? 'Writing results' : 'Results written';
  }
}

interface RunProgressProps {
  progress: MatchProgress | null;
  sides: { left: string; right: string } | null;
  isCancelling: boolean;
  cancelHint: string;
  onCancel(): void;
}

/** The strip above the match while a run is under way: phase, a bar, Cancel. */
export function RunProgress({ progress, sides, isCancelling, cancelHint, onCancel }: RunProgressProps) {
  const fraction = runFraction(progress);
  // Once results are being written the run can no longer stop (the write is one transaction).
  const isWriting = progress?.phase === 'write';
  return (
    <section className="match-progress" data-testid="match-progress" data-phase={progress?.phase ?? 'start'} aria-live="polite" aria-label="Match progress">
      <div className="match-progress-title">
        <span className="spinner" />
        <span className="match-progress-verb">{isCancelling ? 'Cancelling' : 'Matching'}</span>
        <span className="match-progress-phase truncate" data-testid="match-progress-phase">
          {phaseLabel(progress, sides)}
        </span>
      </div>
      <div className="match-progress-bar" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(fraction * 100)} aria-label="Match run">
        <div className="match-progress-fill" style={{ transform: `scaleX(${fraction.toFixed(3)})` }} />
      </div>
      <button
        type="button"
        className="btn"
        data-testid="match-cancel"
        disabled={isCancelling || isWriting}
        onClick={onCancel}
        title={isWriting ? 'Results are being written; the run can no longer be cancelled' : `Cancel the match (${cancelHint}); the previous results stay`}
      >
        Cancel
      </button>
    </section>
  );
}

/** Shown after a cancelled run, until the next run or dismissed. */
export function RunNotice({ text, onDismiss }: { text: string; onDismiss(): void }) {
  return (
    <div className="notices match-notices">
      <section className="notice notice-info" data-testid="match-cancelled" role="status">
        <span className="notice-icon">
          <InfoIcon />
        </span>
        <div className="notice-body">
          <p className="notice-message">{text}</p>
        </div>
        <button type="button" className="icon-btn" aria-label="Dismiss" onClick={onDismiss}>
          <CloseIcon />
        </button>
      </section>
    </div>
  );
}
