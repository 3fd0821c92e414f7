import { KeyboardIcon, OpenIcon, SidebarIcon, SparkIcon } from '../components/icons';

interface ToolbarProps {
  hints: { open: string; sample: string; sidebar: string; shortcuts: string; match: string };
  view: 'tables' | 'match';
  /** The empty state has its own sample button; only one carries the test id at a time. */
  isSampleTestTarget: boolean;
  isBusy: boolean;
  onOpen(): void;
  onLoadSample(): void;
  onToggleSidebar(): void;
  onShortcuts(): void;
  onView(view: 'tables' | 'match'): void;
}

export function Toolbar({ hints, view, isSampleTestTarget, isBusy, onOpen, onLoadSample, onToggleSidebar, onShortcuts, onView }: ToolbarProps) {
  return (
    <header className="toolbar">
      <button type="button" className="icon-btn" onClick={onToggleSidebar} title={`Toggle sidebar (${hints.sidebar})`} aria-label="Toggle sidebar">
        <SidebarIcon />
      </button>
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">
          R
        </span>
        <span className="brand-name">Recon Workbench</span>
      </div>
      <div className="toolbar-sep" />
      <div className="view-switch" role="tablist" aria-label="View">
        <button type="button" role="tab" aria-selected={view === 'tables'} className={view === 'tables' ? 'is-on' : ''} onClick={() => onView('tables')} data-testid="view-tables">
          Tables
        </button>
        <button type="button" role="tab" aria-selected={view === 'match'} className={view === 'match' ? 'is-on' : ''} onClick={() => onView('match')} title={`Match two tables (${hints.match})`} data-testid="view-match">
          Match
        </button>
      </div>
      <div className="toolbar-sep" />
      <button type="button" className="btn btn-ghost" onClick={onOpen} title={`Open CSV files (${hints.open})`}>
        <OpenIcon /> Open…
      </button>
      <button
        type="button"
        className="btn btn-ghost"
        onClick={onLoadSample}
        disabled={isBusy}
        title={`Load a 2,000-row Stripe-like sample (${hints.sample})`}
        data-testid={isSampleTestTarget ? 'load-sample' : 'toolbar-load-sample'}
      >
        <SparkIcon /> Load sample data
      </button>
      <div className="toolbar-spacer" />
      <button type="button" className="btn btn-ghost" onClick={onShortcuts} title={`Keyboard shortcuts (${hints.shortcuts})`} data-testid="shortcuts-button">
        <KeyboardIcon /> Shortcuts <kbd>?</kbd>
      </button>
    </header>
  );
}
