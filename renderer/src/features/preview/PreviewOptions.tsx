import { useState } from 'react';
import type { ImportPreview } from '../../../../shared/engine/api';
import type { ImportOverrides } from '../ingest/import-types';
import { DELIMITERS, ENCODINGS, withOption } from './overrides';

interface PreviewOptionsProps {
  preview: ImportPreview;
  overrides: ImportOverrides;
  onChange(overrides: ImportOverrides): void;
}

/**
 * File-wide choices. Each shows what is in effect (the detected value until
 * the user picks another); picking one re-runs the preview. Choices that do
 * not apply to the format are disabled rather than hidden, so the layout
 * holds still while the preview updates.
 */
export function PreviewOptions({ preview, overrides, onChange }: PreviewOptionsProps) {
  const isText = preview.sourceFormat === 'csv';
  const encodings = ENCODINGS.includes(preview.encoding) || !preview.encoding ? ENCODINGS : [...ENCODINGS, preview.encoding];
  const delimiters = DELIMITERS.some((candidate) => candidate.value === preview.delimiter) || !preview.delimiter ? DELIMITERS : [...DELIMITERS, { value: preview.delimiter, label: JSON.stringify(preview.delimiter) }];
  return (
    <div className="preview-options">
      <label>
        <span>Encoding</span>
        <select
          data-testid="preview-encoding"
          value={overrides.encoding ?? preview.encoding}
          disabled={preview.sourceFormat === 'xlsx' || preview.sourceFormat === 'json'}
          onChange={(event) => onChange(withOption(overrides, 'encoding', event.currentTarget.value))}
        >
          {!preview.encoding ? <option value="">—</option> : null}
          {encodings.map((encoding) => (
            <option key={encoding} value={encoding}>
              {encoding}
            </option>
          ))}
        </select>
        {overrides.encoding === undefined ? <em>detected</em> : <ResetButton onClick={() => onChange(withOption(overrides, 'encoding', undefined))} />}
      </label>
      <label>
        <span>Delimiter</span>
        <select data-testid="preview-delimiter" value={overrides.delimiter ?? preview.delimiter} disabled={!isText} onChange={(event) => onChange(withOption(overrides, 'delimiter', event.currentTarget.value))}>
          {!preview.delimiter ? <option value="">—</option> : null}
          {delimiters.map((delimiter) => (
            <option key={delimiter.value} value={delimiter.value}>
              {delimiter.label}
            </option>
          ))}
        </select>
        {overrides.delimiter === undefined ? (isText ? <em>detected</em> : null) : <ResetButton onClick={() => onChange(withOption(overrides, 'delimiter', undefined))} />}
      </label>
      <HeaderLineInput key={`${preview.headerLine}:${overrides.headerLine ?? ''}`} value={overrides.headerLine ?? preview.headerLine} disabled={!isText && preview.sourceFormat !== 'xlsx'} onCommit={(line) => onChange(withOption(overrides, 'headerLine', line))} />
      {preview.sheets && preview.sheets.length > 0 ? (
        <label>
          <span>Sheet</span>
          <select data-testid="preview-sheet" value={overrides.sheet ?? preview.sheet ?? ''} onChange={(event) => onChange(withOption(overrides, 'sheet', event.currentTarget.value))}>
            {preview.sheets.map((sheet) => (
              <option key={sheet} value={sheet}>
                {sheet}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <label>
        <span>Dates</span>
        <select data-testid="preview-date-order" value={overrides.dateOrder ?? ''} disabled={preview.sourceFormat === 'statement'} onChange={(event) => onChange(withOption(overrides, 'dateOrder', dateOrder(event.currentTarget.value)))}>
          <option value="">As detected</option>
          <option value="DMY">Day first</option>
          <option value="MDY">Month first</option>
        </select>
      </label>
      <label>
        <span>Decimals</span>
        <select data-testid="preview-decimal-mark" value={overrides.decimalMark ?? ''} disabled={preview.sourceFormat === 'statement'} onChange={(event) => onChange(withOption(overrides, 'decimalMark', decimalMark(event.currentTarget.value)))}>
          <option value="">As detected</option>
          <option value=".">1,234.56</option>
          <option value=",">1.234,56</option>
        </select>
      </label>
    </div>
  );
}

function dateOrder(value: string): ImportOverrides['dateOrder'] {
  return value === 'DMY' || value === 'MDY' ? value : undefined;
}

function decimalMark(value: string): ImportOverrides['decimalMark'] {
  return value === '.' || value === ',' ? value : undefined;
}

function ResetButton({ onClick }: { onClick(): void }) {
  return (
    <button type="button" className="preview-reset" onClick={onClick} title="Back to what was detected">
      reset
    </button>
  );
}

/** Typed into freely, applied on Enter or when focus leaves, so each keystroke does not re-run the preview. */
function HeaderLineInput({ value, disabled, onCommit }: { value: number; disabled: boolean; onCommit(line: number): void }) {
  const [text, setText] = useState(String(value));
  const commit = () => {
    const line = Number(text);
    if (Number.isInteger(line) && line >= 0 && line !== value) onCommit(line);
    else setText(String(value));
  };
  return (
    <label title="The line that holds the column names; 0 when the file has none">
      <span>Header line</span>
      <input
        type="number"
        min={0}
        className="preview-number"
        data-testid="preview-header-line"
        value={text}
        disabled={disabled}
        onChange={(event) => setText(event.currentTarget.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === 'Enter') commit();
        }}
      />
    </label>
  );
}
