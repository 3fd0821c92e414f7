import type { EngineContext } from '../context';
import { EngineError } from '../errors';
import { listAudit, recordDecision, type AuditEntry, type ManualDecision } from './decisions';
import { explainRow, type Candidate } from './explain';
import { matchItems, type ItemsPage, type ItemsRequest } from './items';
import { previewMatch, type MatchPreview } from './preview';
import { runMatch, type MatchRun } from './run-match';
import { validateMatchSpec, type MatchSpec } from './spec';

/**
 * Matching as the UI and CLI use it: named specs saved in the case, runs,
 * manual decisions (recorded, then the spec re-run so totals stay tied out),
 * the audit trail and "why didn't this match?".
 */
export interface MatchService {
  preview(spec: unknown): MatchPreview;
  run(spec: unknown): MatchRun;
  decide(decision: ManualDecision): { entry: AuditEntry; run: MatchRun };
  audit(specName: string): AuditEntry[];
  explain(side: 'L' | 'R', rowId: number): Candidate[];
  items(specName: string, request: ItemsRequest): ItemsPage;
  listSpecs(): MatchSpec[];
  saveSpec(spec: unknown): MatchSpec;
}

const SPECS_TABLE = '_wb_match_specs';

export function createMatchService(context: EngineContext): MatchService {
  const db = context.sqlite.db;
  db.run(`CREATE TABLE IF NOT EXISTS ${SPECS_TABLE} (name TEXT PRIMARY KEY, spec TEXT NOT NULL, saved_at TEXT NOT NULL)`);
  // The work tables belong to one run at a time; decisions and explanations need that run.
  let last: MatchRun | null = null;

  function saveSpec(raw: unknown): MatchSpec {
    const spec = validateMatchSpec(raw);
    db.run(`INSERT OR REPLACE INTO ${SPECS_TABLE} (name, spec, saved_at) VALUES (?, ?, ?)`, [spec.name, JSON.stringify(spec), context.isoNow()]);
    return spec;
  }

  function run(raw: unknown): MatchRun {
    const spec = saveSpec(raw);
    last = runMatch(context, spec);
    return last;
  }

  function lastRunOf(specName: string): MatchRun {
    if (!last || last.spec.name !== specName) throw new EngineError('bad-input', `Run the match "${specName}" first`);
    return last;
  }

  return {
    preview: (raw) => previewMatch(context, raw),
    run,
    decide(decision) {
      const current = lastRunOf(decision.spec);
      const entry = recordDecision(context, current.spec, current.scale, decision);
      return { entry, run: run(current.spec) };
    },
    audit: (specName) => listAudit(db, specName),
    explain(side, rowId) {
      if (!last) throw new EngineError('bad-input', 'Run a match first');
      return explainRow(context, last.scale, side, rowId);
    },
    items: (specName, request) => matchItems(context, lastRunOf(specName), request),
    listSpecs: () => (db.exec(`SELECT spec FROM ${SPECS_TABLE} ORDER BY name`)[0]?.values ?? []).map(([spec]) => validateMatchSpec(JSON.parse(String(spec)))),
    saveSpec,
  };
}
