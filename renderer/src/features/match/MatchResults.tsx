import { useCallback, useEffect, useImperativeHandle, useState, type Ref } from 'react';
import type { MatchStatus } from '../../../../shared/engine/match/summary';
import type { EngineClient } from '../../engine/client';
import { useLatest } from '../../lib/use-latest';
import { formatCount } from '../../lib/format';
import { AuditTable } from './AuditTable';
import { DecisionDialog } from './DecisionDialog';
import type { ExplainTarget } from './ExplainPanel';
import { ItemsView } from './ItemsView';
import type { StepHandle } from './match-handle';
import { RunBar } from './RunBar';
import { allowedDifference, EMPTY_SELECTION, matchAction, selectionTotals, selectRows, type SelectedRow, type Selection } from './selection';
import { SelectionBar } from './SelectionBar';
import { SummaryTable } from './SummaryTable';
import { TieOutPanel } from './TieOutPanel';
import { useAudit } from './use-audit';
import { useBreakKeys } from './use-break-keys';
import { useDecisions } from './use-decisions';
import { useItemColumns } from './use-item-columns';
import { useMatchItems } from './use-match-items';
import type { MatchSession } from './use-match-session';

export type ResultsTab = 'summary' | 'items' | 'audit';
type Tab = ResultsTab;

interface MatchResultsProps {
  client: EngineClient;
  session: MatchSession & { run: NonNullable<MatchSession['run']> };
  isStale: boolean;
  isActive: boolean;
  hints: { next: string; previous: string };
  handleRef: Ref<StepHandle>;
  isEditorOpen: boolean;
  onToggleEditor(): void;
  onTabChange(tab: ResultsTab): void;
  onMessage(text: string): void;
}

const NO_COLUMNS: never[] = [];

/** The last run: summary and tie-out, the side-by-side items with selection and decisions, and the audit. */
export function MatchResults({ client, session, isStale, isActive, hints, handleRef, isEditorOpen, onToggleEditor, onTabChange, onMessage }: MatchResultsProps) {
  const { run, runVersion } = session;
  const [tab, setTabState] = useState<Tab>('summary');
  const onTabChangeRef = useLatest(onTabChange);
  const setTab = useCallback(
    (next: Tab) => {
      setTabState(next);
      onTabChangeRef.current(next);
    },
    [onTabChangeRef],
  );
  const [selection, setSelection] = useState<Selection>(EMPTY_SELECTION);
  const [explain, setExplain] = useState<ExplainTarget | null>(null);
  const items = useMatchItems(client, run, runVersion);
  const audit = useAudit(client, run.spec.name, runVersion, session.decisionCount);
  const columns = useItemColumns(run.spec, items.page?.leftColumns ?? NO_COLUMNS, items.page?.rightColumns ?? NO_COLUMNS);
  const totals = selectionTotals(selection);
  const allowed = allowedDifference(run.spec, totals.left);
  const action = matchAction(run.spec, totals);
  const canUnmatch = selection.size > 0 && [...selection.values()].every((row) => row.status === 'matched' || row.status === 'matched_diff');

  // A fresh run opens on its summary; a decision (which re-runs too) leaves the analyst where they were.
  useEffect(() => setTab('summary'), [session.runCount, setTab]);
  // Row ids are only meaningful for the run they came from.
  useEffect(() => setSelection(EMPTY_SELECTION), [runVersion]);
  const onDecided = useCallback(() => {
    setSelection(EMPTY_SELECTION);
    setExplain(null);
  }, []);
  const decisions = useDecisions(client, run, selection, session.decide, onDecided);
  const onSelect = useCallback((rows: readonly SelectedRow[], isAdditive: boolean) => setSelection((current) => selectRows(current, rows, isAdditive)), []);

  const step = useCallback(
    (direction: 1 | -1) => {
      setTab('items');
      const moved = items.step(direction);
      if (!moved) onMessage(direction === 1 ? 'No more differences after this one.' : 'No differences before this one.');
      return true;
    },
    [items, onMessage, setTab],
  );
  useImperativeHandle(handleRef, () => ({ step }), [step]);
  useBreakKeys(isActive, step);

  const pickStatus = (status: MatchStatus) => {
    items.setStatus(status);
    setTab('items');
  };
  const tabs: readonly (readonly [Tab, string])[] = [
    ['summary', 'Summary'],
    ['items', `Side by side${items.counts ? ` · ${formatCount(items.counts.all)}` : ''}`],
    ['audit', `Audit${audit.length > 0 ? ` · ${formatCount(audit.length)}` : ''}`],
  ];
  return (
    <section className="match-results" aria-label="Match results">
      <RunBar
        run={run}
        version={runVersion}
        isStale={isStale}
        unappliedDecisions={session.unappliedDecisions}
        isRunning={session.busy === 'run' || session.busy === 'decide'}
        isEditorOpen={isEditorOpen}
        onToggleEditor={onToggleEditor}
        onApplyDecisions={() => void session.applyDecisions()}
      />
      <div className="match-tabs" role="tablist">
        {tabs.map(([id, label]) => (
          <button key={id} type="button" role="tab" aria-selected={tab === id} className={`match-tab${tab === id ? ' is-on' : ''}`} data-testid={`match-tab-${id}`} onClick={() => setTab(id)}>
            {label}
          </button>
        ))}
      </div>
      <div className="match-tab-body">
        {tab === 'summary' ? (
          <div className="summary-pane">
            <TieOutPanel run={run} />
            <SummaryTable run={run} onPickStatus={pickStatus} />
          </div>
        ) : null}
        {tab === 'items' ? (
          <ItemsView client={client} run={run} runVersion={runVersion} items={items} columns={columns} selection={selection} explain={explain} hints={hints} onSelect={onSelect} onExplain={setExplain} onError={onMessage} />
        ) : null}
        {tab === 'audit' ? <AuditTable entries={audit} /> : null}
      </div>
      {selection.size > 0 && tab === 'items' ? (
        <SelectionBar
          totals={totals}
          scale={run.scale}
          allowed={allowed}
          action={action}
          canUnmatch={canUnmatch}
          isBusy={session.busy !== null}
          onMatch={() => decisions.open('match')}
          onForce={() => decisions.open('force')}
          onUnmatch={() => decisions.open('unmatch')}
          onClear={() => setSelection(EMPTY_SELECTION)}
        />
      ) : null}
      {decisions.pending ? (
        <DecisionDialog
          kind={decisions.pending.kind}
          totals={decisions.pending.totals}
          scale={run.scale}
          allowed={allowedDifference(run.spec, decisions.pending.totals.left)}
          isBusy={session.busy === 'decide'}
          error={decisions.error}
          onConfirm={decisions.confirm}
          onCancel={decisions.cancel}
        />
      ) : null}
    </section>
  );
}
