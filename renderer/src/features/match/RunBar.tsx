import type { MatchRun } from '../../../../shared/engine/match/run-match';
import { SidebarIcon } from '../../components/icons';
import { formatCount, formatDuration } from '../../lib/format';
import { PASS_LABEL } from './status';

interface RunBarProps {
  run: MatchRun;
  /** Counts runs (a decision re-runs too), so a test or a screen reader can tell a fresh result from the last. */
  version: number;
  /** The editor's spec differs from the one this run used. */
  isStale: boolean;
  /** Decisions recorded since this run (their re-run was cancelled or failed): the figures do not include them. */
  unappliedDecisions: number;
  /** A run (or a decision's re-run) is under way: the figures below are about to change. */
  isRunning: boolean;
  isEditorOpen: boolean;
  onToggleEditor(): void;
  /** Re-runs this run's spec, which replays the recorded decisions. */
  onApplyDecisions(): void;
}

/** Why the figures below are behind, or null when they are current. */
function staleText(isStale: boolean, unappliedDecisions: number): string | null {
  const reasons = [
    isStale ? 'spec edited' : null,
    unappliedDecisions === 1 ? '1 decision not applied' : unappliedDecisions > 1 ? `${formatCount(unappliedDecisions)} decisions not applied` : null,
  ].filter((reason) => reason !== null);
  return reasons.length > 0 ? `${reasons.join(', ')} — run again to apply` : null;
}

/** What the results below came from: spec, sides, passes and how long it took. */
export function RunBar({ run, version, isStale, unappliedDecisions, isRunning, isEditorOpen, onToggleEditor, onApplyDecisions }: RunBarProps) {
  const stale = staleText(isStale, unappliedDecisions);
  return (
    <div className="run-bar" data-testid="match-run-bar" data-run-version={version}>
      <button type="button" className={`btn btn-sm run-bar-spec${isEditorOpen ? ' is-on' : ''}`} onClick={onToggleEditor} aria-pressed={isEditorOpen} title={isEditorOpen ? 'Hide the spec panel' : 'Show the spec panel to edit and re-run'} data-testid="match-toggle-spec">
        <SidebarIcon /> Spec
      </button>
      <div className="run-bar-title">
        <strong className="truncate">{run.spec.name}</strong>
        <span className="run-bar-sides truncate num">
          {run.spec.left.table} ({formatCount(run.leftRows)}) ↔ {run.spec.right.table} ({formatCount(run.rightRows)})
        </span>
        {isRunning ? (
          <span className="run-bar-running" role="status">
            <span className="spinner" /> Running…
          </span>
        ) : stale !== null ? (
          <span className="run-bar-stale" data-testid="match-run-stale">
            {stale}
          </span>
        ) : null}
        {!isRunning && unappliedDecisions > 0 ? (
          <button type="button" className="btn btn-sm" data-testid="match-apply-decisions" onClick={onApplyDecisions} title="Re-run this spec: recorded decisions are replayed before the passes">
            Run again
          </button>
        ) : null}
      </div>
      <ul className="run-bar-passes num" aria-label="Matches per pass">
        {run.manualDecisions > 0 ? (
          <li title="Manual decisions replayed before the passes">
            <span className="run-pass-name">manual</span> {formatCount(run.manualDecisions)}
          </li>
        ) : null}
        {run.passes.map((pass) => (
          <li key={pass.pass} title={`${PASS_LABEL[pass.name]} — ${formatDuration(pass.elapsedMs)}`}>
            <span className="run-pass-name">pass {pass.pass}</span> {formatCount(pass.matches)}
          </li>
        ))}
        <li className="run-bar-breaks" title="Items to investigate: differences, ambiguous and one-sided items">
          <span className="run-pass-name">open breaks</span> {formatCount(run.openBreaks)}
        </li>
        <li className="run-bar-time" data-testid="match-run-time" data-elapsed-ms={Math.round(run.elapsedMs)} data-phases={JSON.stringify(run.phases)} title={`${run.reusedSides ? 'both sides reused from the previous run (tables unchanged)' : `read ${formatDuration(run.phases.loadMs)}`}, passes ${formatDuration(run.phases.passesMs)}, results ${formatDuration(run.phases.materializeMs + run.phases.summaryMs)}`}>
          {formatDuration(run.elapsedMs)}
        </li>
      </ul>
    </div>
  );
}
