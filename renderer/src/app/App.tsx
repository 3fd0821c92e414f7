import { useCallback, useEffect, useRef, useState } from 'react';
import { findCommand, formatAccelerator, type CommandId } from '../../../shared/commands';
import type { PageResult } from '../../../shared/engine/api';
import type { RecentFile } from '../platform/platform';
import { getPlatform } from '../platform';
import { DataGrid } from '../features/grid/DataGrid';
import { GridWarmup } from '../features/grid/GridWarmup';
import type { GridHandle } from '../features/grid/grid-handle';
import type { SelectionStats } from '../features/grid/selection-stats';
import { DropOverlay } from '../features/ingest/DropOverlay';
import { EmptyState } from '../features/ingest/EmptyState';
import { ImportNotices } from '../features/ingest/ImportNotices';
import { ImportPanel } from '../features/ingest/ImportPanel';
import { createSampleFile } from '../features/ingest/sample-data';
import { useFileDrop } from '../features/ingest/use-file-drop';
import { useImportQueue } from '../features/ingest/use-import-queue';
import { useImportPreview } from '../features/preview/use-import-preview';
import type { MatchHandle } from '../features/match/match-handle';
import { MatchView } from '../features/match/MatchView';
import { ShortcutsDialog } from '../features/shortcuts/ShortcutsDialog';
import { useShortcutKeys } from '../features/shortcuts/use-shortcut-keys';
import { TableSidebar } from '../features/tables/TableSidebar';
import { useTables } from '../features/tables/use-tables';
import { engineClient, useEngineReady } from './engine';
import { SidebarResizer } from './SidebarResizer';
import { StatusBar, type EngineState } from './StatusBar';
import { Toolbar } from './Toolbar';
import { useAppSettings } from './use-app-settings';
import { useFlashMessage } from './use-flash-message';
import { useIsMac } from './use-is-mac';
import './layout.css';

/** The table browser, or the matching workbench over the same tables. */
type View = 'tables' | 'match';

const ACCEPTED_FILES = '.csv,.tsv,.txt,.psv,.tab,.json,.xlsx,.sta,.mta,.mt940,.xml,.ach,.bai,.bai2,text/csv,text/plain,text/tab-separated-values';

/** The workbench: toolbar, tables sidebar, grid, status bar; imports and commands wired between them. */
export function App() {
  const platform = getPlatform();
  const client = engineClient();
  const isReady = useEngineReady();
  const isMac = useIsMac(platform);
  const [settings, updateSettings] = useAppSettings(platform);
  const [dragWidth, setDragWidth] = useState<number | null>(null);
  const tables = useTables(client, isReady);
  const [stats, setStats] = useState<SelectionStats | null>(null);
  const [indexing, setIndexing] = useState<string | null>(null);
  const [message, flash] = useFlashMessage();
  const [isShortcutsOpen, setIsShortcutsOpen] = useState(false);
  const [recent, setRecent] = useState<readonly RecentFile[]>([]);
  const [view, setView] = useState<View>('tables');
  // Mounted on first visit and then kept (hidden), so a spec and its results survive a look at the tables.
  const [hasOpenedMatch, setHasOpenedMatch] = useState(false);
  const gridRef = useRef<GridHandle>(null);
  const matchRef = useRef<MatchHandle>(null);
  const fileInputRef = useRef<HTMLInputElement>(null);
  // Which table was shown before an import took over the view, to go back to if it fails.
  const restoreRef = useRef(new Map<string, string | null>());

  const refreshRecent = useCallback(() => {
    platform.listRecent().then(setRecent, () => undefined);
  }, [platform]);
  useEffect(refreshRecent, [refreshRecent]);

  // The first block of each streaming table, as the worker sent it with firstRows; the grid starts from it.
  const firstPagesRef = useRef(new Map<string, PageResult>());

  const imports = useImportQueue(client, platform, settings.importBudgetBytes, {
    onTableAppeared: (table, firstPage) => {
      restoreRef.current.set(table.name, tables.selected?.name ?? null);
      if (firstPage) firstPagesRef.current.set(table.name, firstPage);
      tables.upsert(table);
      tables.select(table.name);
    },
    onRowsProgress: tables.setRows,
    onImported: (report) => {
      // The finished table may have more columns (derived ones) than its first block.
      firstPagesRef.current.delete(report.table.name);
      restoreRef.current.delete(report.table.name);
      tables.upsert(report.table);
      // Statement files also create companion tables (e.g. <name>_statements).
      for (const extra of report.extraTables ?? []) tables.upsert(extra);
    },
    onFailed: (tableName) => {
      if (tableName !== null) firstPagesRef.current.delete(tableName);
      if (tableName !== null && tables.selected?.name === tableName) tables.select(restoreRef.current.get(tableName) ?? null);
      if (tableName !== null) restoreRef.current.delete(tableName);
      void tables.refresh();
    },
    onHashed: tables.upsert,
    onRecentFiles: setRecent,
  });

  const selected = tables.selected;
  // Dropped and opened files are previewed before loading; sample data loads directly.
  const preview = useImportPreview(client, imports.enqueue);
  const isDragging = useFileDrop(preview.open);
  useEffect(() => {
    document.title = view === 'match' ? 'Match — Recon Workbench' : selected ? `${selected.name} — Recon Workbench` : 'Recon Workbench';
  }, [selected?.name, view]);
  const showView = useCallback((next: View) => {
    setView(next);
    if (next === 'match') setHasOpenedMatch(true);
  }, []);
  const openPicker = useCallback(() => fileInputRef.current?.click(), []);
  const loadSample = useCallback(() => imports.enqueue([createSampleFile()]), [imports]);
  const hint = (id: CommandId) => formatAccelerator(findCommand(id).accelerator, isMac);

  const runCommand = (id: CommandId): boolean => {
    switch (id) {
      case 'file.open':
        openPicker();
        return true;
      case 'file.loadSample':
        loadSample();
        return true;
      case 'file.exportCsv':
        flash('Export CSV is not available yet — copy a selection with ' + hint('grid.copy') + ' instead.', 'info');
        return true;
      case 'app.printPdf':
        void platform.printToPdf(`${tables.selected?.name ?? 'recon-workbench'}.pdf`).catch(() => flash('Printing failed.', 'error'));
        return true;
      case 'import.cancel':
        // Imports first (their strip shows in both views), then a match run, only where its progress shows.
        return imports.cancelAll() || (view === 'match' && (matchRef.current?.cancelRun() ?? false));
      case 'grid.copy':
        gridRef.current?.copySelection();
        return gridRef.current !== null;
      case 'grid.autosize':
        gridRef.current?.autosizeColumns();
        return gridRef.current !== null;
      case 'grid.clearFilters':
        gridRef.current?.clearFilters();
        return gridRef.current !== null;
      case 'view.toggleSidebar':
        updateSettings({ isSidebarVisible: !settings.isSidebarVisible });
        return true;
      case 'view.shortcuts':
        setIsShortcutsOpen((open) => !open);
        return true;
      case 'view.match':
        showView(view === 'match' ? 'tables' : 'match');
        return true;
      case 'match.nextDifference':
      case 'match.previousDifference':
        // Outside the match view F8 keeps whatever meaning it has there.
        return view === 'match' && (matchRef.current?.step(id === 'match.nextDifference' ? 1 : -1) ?? false);
    }
  };
  useShortcutKeys(platform, isMac, runCommand);

  const running = imports.jobs.find((job) => job.state !== 'queued');
  const engine: EngineState = !isReady
    ? { kind: 'starting' }
    : indexing !== null
      ? { kind: 'indexing', column: indexing }
      : running
        ? { kind: 'importing', file: running.file.name }
        : { kind: 'ready' };
  const sidebarWidth = dragWidth ?? settings.sidebarWidth;
  // Progress and failures of imports show in whichever view is open (files can be dropped on either).
  const importStrip = (
    <>
      <ImportPanel jobs={imports.jobs} isMac={isMac} onCancel={imports.cancel} />
      <ImportNotices notices={imports.notices} onDismiss={imports.dismissNotice} />
    </>
  );

  return (
    <div className="app" data-testid="app">
      <Toolbar
        hints={{ open: hint('file.open'), sample: hint('file.loadSample'), sidebar: hint('view.toggleSidebar'), shortcuts: hint('view.shortcuts'), match: hint('view.match') }}
        view={view}
        onView={showView}
        isSampleTestTarget={selected !== null}
        isBusy={!isReady}
        onOpen={openPicker}
        onLoadSample={loadSample}
        onToggleSidebar={() => runCommand('view.toggleSidebar')}
        onShortcuts={() => setIsShortcutsOpen(true)}
      />
      <div className="workspace">
        {settings.isSidebarVisible && view === 'tables' ? (
          <>
            <TableSidebar
              tables={tables.tables}
              selectedName={selected?.name ?? null}
              width={sidebarWidth}
              onSelect={tables.select}
              onRemove={(name) => void tables.remove(name).catch((error: unknown) => flash(`Could not remove ${name}: ${String(error)}`, 'error'))}
            />
            <SidebarResizer
              width={sidebarWidth}
              onResize={setDragWidth}
              onCommit={(width) => {
                setDragWidth(null);
                updateSettings({ sidebarWidth: width });
              }}
            />
          </>
        ) : null}
        <main className="main" hidden={view !== 'tables'}>
          {view === 'tables' ? importStrip : null}
          {selected ? (
            <DataGrid
              key={`${selected.name}\u0000${selected.importedAt}`}
              client={client}
              table={selected}
              firstPage={firstPagesRef.current.get(selected.name) ?? null}
              clearFiltersHint={hint('grid.clearFilters')}
              handleRef={gridRef}
              onStats={setStats}
              onIndexing={setIndexing}
              onMessage={flash}
            />
          ) : (
            <EmptyState recent={recent} openHint={hint('file.open')} sampleHint={hint('file.loadSample')} isBusy={!isReady} onOpen={openPicker} onLoadSample={loadSample} />
          )}
        </main>
        {hasOpenedMatch ? (
          <MatchView
            client={client}
            isReady={isReady}
            platform={platform}
            tables={tables.tables}
            isActive={view === 'match'}
            hints={{ next: `N, ${hint('match.nextDifference')}`, previous: `P, ${hint('match.previousDifference')}`, run: isMac ? '⌘↵' : 'Ctrl+Enter', cancel: hint('import.cancel') }}
            handleRef={matchRef}
            banner={view === 'match' ? importStrip : null}
            onMessage={flash}
          />
        ) : null}
      </div>
      <StatusBar engine={engine} tableRows={view === 'tables' ? (selected?.rowCount ?? null) : null} stats={view === 'tables' ? stats : null} message={message} />
      <input
        ref={fileInputRef}
        type="file"
        multiple
        accept={ACCEPTED_FILES}
        className="sr-only"
        tabIndex={-1}
        aria-hidden="true"
        data-testid="open-files-input"
        onChange={(event) => {
          preview.open(Array.from(event.currentTarget.files ?? []));
          event.currentTarget.value = ''; // so picking the same file again still fires change
        }}
      />
      {/* Only before the first table: during an import it would compete with the real grid. */}
      {isReady && selected === null && imports.jobs.length === 0 ? <GridWarmup /> : null}
      {isDragging ? <DropOverlay /> : null}
      {preview.dialog}
      {isShortcutsOpen ? <ShortcutsDialog isMac={isMac} onClose={() => setIsShortcutsOpen(false)} /> : null}
    </div>
  );
}
