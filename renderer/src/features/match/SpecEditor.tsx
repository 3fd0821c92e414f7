import type { ReactNode } from 'react';
import type { TableInfo } from '../../../../shared/engine/api';
import type { MatchSpec } from '../../../../shared/engine/match/spec';
import { AlertIcon } from '../../components/icons';
import { AmountFields } from './AmountFields';
import type { FieldErrors } from './build-spec';
import { FieldError } from './FieldError';
import { KeyPairsEditor } from './KeyPairsEditor';
import { GroupFields, PassToggles } from './OptionFields';
import { SidePair } from './SidePair';
import { SpecLibrary } from './SpecLibrary';
import { toleranceScale, type SpecDraft } from './spec-draft';
import { withTable } from './suggest-columns';
import type { MatchBusy } from './use-match-session';

interface SpecEditorProps {
  draft: SpecDraft;
  tables: readonly TableInfo[];
  errors: FieldErrors;
  /** The engine's (or the spec file's) message for the last attempt. */
  failure: string | null;
  busy: MatchBusy;
  isReady: boolean;
  runHint: string;
  specs: readonly MatchSpec[];
  onChange(draft: SpecDraft): void;
  onPreview(): void;
  onRun(): void;
  /** Escape in a field: the window's Escape leaves fields alone, but here it means the run started from one. */
  onCancelRun(): void;
  onLoadSpec(spec: MatchSpec): void;
  onImport(file: File): void;
  onExport(): void;
}

function Section({ title, hint, children }: { title: string; hint?: string; children: ReactNode }) {
  return (
    <fieldset className="match-section">
      <legend>
        {title}
        {hint ? <span className="match-section-hint">{hint}</span> : null}
      </legend>
      {children}
    </fieldset>
  );
}

/** The match spec as a form: what to compare with what, and how loosely. */
export function SpecEditor(props: SpecEditorProps) {
  const { draft, tables, errors, failure, busy, isReady, specs, onChange } = props;
  const left = tables.find((table) => table.name === draft.left.table);
  const right = tables.find((table) => table.name === draft.right.table);
  const isBusy = busy !== null || !isReady;

  const tablePicker = (side: 'left' | 'right') => (
    <div className="match-table-side">
      <select
        className={`match-select${errors[`${side}.table`] ? ' is-invalid' : ''}`}
        value={draft[side].table}
        aria-label={`${side === 'left' ? 'Left' : 'Right'} table`}
        onChange={(event) => onChange(withTable(draft, side, tables.find((table) => table.name === event.currentTarget.value)))}
      >
        <option value="">Pick a table</option>
        {tables.map((table) => (
          <option key={table.name} value={table.name}>
            {table.name}
          </option>
        ))}
      </select>
      <input
        className={`match-input mono${errors[`${side}.where`] ? ' is-invalid' : ''}`}
        value={draft[side].where}
        placeholder="SQL filter, optional"
        spellCheck={false}
        aria-label={`${side === 'left' ? 'Left' : 'Right'} filter`}
        onChange={(event) => onChange({ ...draft, [side]: { ...draft[side], where: event.currentTarget.value } })}
      />
      <FieldError message={errors[`${side}.table`] ?? errors[`${side}.where`]} />
    </div>
  );

  return (
    <form
      className="spec-editor"
      aria-label="Match spec"
      onSubmit={(event) => {
        event.preventDefault();
        props.onRun();
      }}
      onKeyDown={(event) => {
        // Ctrl/Cmd+Enter runs from any field, as in a query editor.
        if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !isBusy) {
          event.preventDefault();
          props.onRun();
        } else if (event.key === 'Escape' && busy === 'run') {
          event.preventDefault();
          props.onCancelRun();
        }
      }}
    >
      <div className="spec-editor-scroll">
        <SpecLibrary specs={specs} canExport={left !== undefined && right !== undefined} onLoad={props.onLoadSpec} onImport={props.onImport} onExport={props.onExport} />
        <label className="match-field match-name">
          <span>Name</span>
          <input
            className={`match-input${errors.name ? ' is-invalid' : ''}`}
            value={draft.name}
            spellCheck={false}
            data-testid="match-spec-name"
            onChange={(event) => onChange({ ...draft, name: event.currentTarget.value })}
          />
        </label>
        <FieldError message={errors.name} />

        <Section title="Tables" hint="left ↔ right">
          <div className="match-pair match-pair-tables">
            {tablePicker('left')}
            <span className="match-pair-arrow" aria-hidden="true">
              ↔
            </span>
            {tablePicker('right')}
          </div>
        </Section>
        <Section title="Key">
          <KeyPairsEditor keys={draft.keys} left={left} right={right} errors={errors} onChange={(keys) => onChange({ ...draft, keys })} />
          <FieldError message={errors.keys} />
        </Section>
        <Section title="Amount">
          <AmountFields amount={draft.amount} left={left} right={right} scale={toleranceScale(tables, draft)} errors={errors} onChange={(amount) => onChange({ ...draft, amount })} />
        </Section>
        <Section title="Date">
          <SidePair label="date" left={draft.date.left} right={draft.date.right} leftColumns={left?.columns ?? []} rightColumns={right?.columns ?? []} isInvalid={Boolean(errors.date)} onChange={(side, name) => onChange({ ...draft, date: { ...draft.date, [side]: name } })} />
          <label className="match-field">
            <span>Window ±</span>
            <input
              className={`match-input match-input-short num${errors['date.window'] ? ' is-invalid' : ''}`}
              value={draft.date.windowDays}
              inputMode="numeric"
              aria-label="Date window in days"
              onChange={(event) => onChange({ ...draft, date: { ...draft.date, windowDays: event.currentTarget.value } })}
            />
            <span>days</span>
          </label>
          <FieldError message={errors.date ?? errors['date.window']} />
        </Section>
        <Section title="Currency">
          <SidePair label="currency" left={draft.currency.left} right={draft.currency.right} leftColumns={left?.columns ?? []} rightColumns={right?.columns ?? []} isInvalid={Boolean(errors.currency)} onChange={(side, name) => onChange({ ...draft, currency: { ...draft.currency, [side]: name } })} />
          <FieldError message={errors.currency} />
        </Section>
        <Section title="Grouping" hint="many rows ↔ one">
          <GroupFields group={draft.group} left={left} right={right} error={errors.group} onChange={(group) => onChange({ ...draft, group })} />
        </Section>
        <Section title="Passes">
          <PassToggles passes={draft.passes} draft={draft} error={errors.passes} onChange={(passes) => onChange({ ...draft, passes })} />
        </Section>
      </div>
      <footer className="spec-editor-footer">
        {failure ?? errors.form ? (
          <p className="match-error" role="alert" data-testid="match-error">
            <AlertIcon /> <span>{failure ?? errors.form}</span>
          </p>
        ) : Object.keys(errors).length > 0 ? (
          <p className="match-error" role="alert" data-testid="match-error">
            <AlertIcon /> <span>Fix the highlighted fields.</span>
          </p>
        ) : null}
        <div className="spec-editor-actions">
          <button type="button" className="btn" onClick={props.onPreview} disabled={isBusy} data-testid="match-preview" title="Dry run: keys, duplicates and expected pairs, without matching">
            {busy === 'preview' ? <span className="spinner" /> : null} Preview
          </button>
          <button type="submit" className="btn btn-primary" disabled={isBusy} data-testid="match-run" title={`Run the match (${props.runHint})`}>
            {busy === 'run' ? <span className="spinner" /> : null} Run match
          </button>
        </div>
      </footer>
    </form>
  );
}
