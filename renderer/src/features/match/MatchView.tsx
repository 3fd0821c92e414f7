import { useImperativeHandle, useMemo, useRef, useState, type ReactNode, type Ref } from 'react';
import type { TableInfo } from '../../../../shared/engine/api';
import type { MatchSpec } from '../../../../shared/engine/match/spec';
import type { EngineClient } from '../../engine/client';
import type { WorkbenchPlatform } from '../../platform';
import type { GridMessageTone } from '../grid/grid-handle';
import { buildSpec, type FieldErrors } from './build-spec';
import { engineMessage } from './engine-message';
import { MatchEmpty } from './MatchEmpty';
import type { MatchHandle, StepHandle } from './match-handle';
import { MatchResults } from './MatchResults';
import { PreviewDialog } from './PreviewDialog';
import { RunNotice, RunProgress } from './RunProgress';
import { SpecEditor } from './SpecEditor';
import { draftFromSpec, emptyDraft, type SpecDraft } from './spec-draft';
import { exportSpec, importSpec } from './spec-file';
import { useMatchSession } from './use-match-session';
import './match.css';
import './match-summary.css';
import './match-items.css';

interface MatchViewProps {
  client: EngineClient;
  isReady: boolean;
  platform: WorkbenchPlatform;
  tables: readonly TableInfo[];
  /** Hidden views keep their state but must not take keys. */
  isActive: boolean;
  hints: { next: string; previous: string; run: string; cancel: string };
  handleRef: Ref<MatchHandle>;
  /** The app's import progress and notices, shown above the match while files load. */
  banner: ReactNode;
  onMessage(text: string, tone: GridMessageTone): void;
}

const sameSpec = (a: MatchSpec | null | undefined, b: MatchSpec | null | undefined) => a != null && b != null && JSON.stringify(a) === JSON.stringify(b);

/** The Match view: spec editor on the left, the last run's results on the right. */
export function MatchView({ client, isReady, platform, tables, isActive, hints, handleRef, banner, onMessage }: MatchViewProps) {
  const session = useMatchSession(client, isReady);
  const [draft, setDraft] = useState<SpecDraft>(emptyDraft);
  // Field errors appear after the first attempt, then follow every edit so they clear as they are fixed.
  const [hasAttempted, setHasAttempted] = useState(false);
  const [fileError, setFileError] = useState<string | null>(null);
  const [isPreviewOpen, setIsPreviewOpen] = useState(false);
  // Side by side wants the full width: the spec panel steps aside there and returns with the other tabs.
  const [isEditorOpen, setIsEditorOpen] = useState(true);
  const built = useMemo(() => buildSpec(draft, tables), [draft, tables]);
  const errors: FieldErrors = hasAttempted && !built.ok ? built.errors : {};
  const resultsRef = useRef<StepHandle>(null);
  // Cancel must work before the first result exists, so the view (not the results pane) answers it.
  useImperativeHandle(handleRef, () => ({ step: (direction) => resultsRef.current?.step(direction) ?? false, cancelRun: session.cancelRun }), [session.cancelRun]);
  // The sides of the run under way (a Run or a decision's re-run), for its progress ("Reading bank_statement").
  const runSides = session.running ? { left: session.running.left.table, right: session.running.right.table } : null;

  const withSpec = (action: (spec: MatchSpec) => void) => {
    setHasAttempted(true);
    setFileError(null);
    session.clearError();
    if (built.ok) action(built.spec);
  };
  const load = (spec: MatchSpec) => {
    setDraft(draftFromSpec(spec, tables));
    setHasAttempted(false);
    setFileError(null);
  };
  const runWith = session.run ? { ...session, run: session.run } : null;
  const run = () => withSpec((spec) => void session.runSpec(spec));

  return (
    <div className="match-view" data-testid="match-view" hidden={!isActive}>
      {banner}
      {session.busy === 'run' ? (
        <RunProgress progress={session.progress} sides={runSides} isCancelling={session.isCancelling} cancelHint={hints.cancel} onCancel={session.cancelRun} />
      ) : session.notice ? (
        <RunNotice text={session.notice} onDismiss={session.dismissNotice} />
      ) : null}
      <div className="match-body">
        <aside className="match-editor" aria-label="Match spec" hidden={!isEditorOpen && runWith !== null}>
          <SpecEditor
            draft={draft}
            tables={tables}
            errors={errors}
            failure={fileError ?? session.error}
            busy={session.busy}
            isReady={isReady}
            runHint={hints.run}
            specs={session.specs}
            onChange={setDraft}
            onPreview={() => withSpec((spec) => void session.previewMatch(spec).then(setIsPreviewOpen))}
            onRun={run}
            onCancelRun={session.cancelRun}
            onLoadSpec={load}
            onImport={(file) => importSpec(file).then(load, (failure: unknown) => setFileError(engineMessage(failure)))}
            onExport={() =>
              withSpec((spec) =>
                void exportSpec(platform, spec).then(
                  (saved) => saved !== null && onMessage(`Saved ${saved}`, 'info'),
                  () => onMessage('Could not save the spec.', 'error'),
                ),
              )
            }
          />
        </aside>
        {runWith ? (
          <MatchResults
            // Another spec starts over (filter, page, selection, tab); a re-run of the same one keeps them.
            key={runWith.run.spec.name}
            client={client}
            session={runWith}
            isStale={built.ok && !sameSpec(built.spec, runWith.run.spec)}
            isActive={isActive}
            hints={hints}
            handleRef={resultsRef}
            isEditorOpen={isEditorOpen}
            onToggleEditor={() => setIsEditorOpen((open) => !open)}
            onTabChange={(tab) => setIsEditorOpen(tab !== 'items')}
            onMessage={(text) => onMessage(text, 'info')}
          />
        ) : (
          <MatchEmpty tableCount={tables.length} isRunning={session.busy === 'run'} />
        )}
      </div>
      {isPreviewOpen && session.preview && built.ok ? (
        <PreviewDialog
          preview={session.preview}
          specName={built.spec.name}
          onClose={() => setIsPreviewOpen(false)}
          onRun={() => {
            setIsPreviewOpen(false);
            run();
          }}
        />
      ) : null}
    </div>
  );
}
