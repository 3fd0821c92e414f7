import type { ImportPreview } from '../../../../shared/engine/api';
import { formatCount } from '../../lib/format';

/** What the sample showed that needs a look: cells kept as text, rows set aside, totals, warnings; each with its line. */
export function PreviewIssues({ preview }: { preview: ImportPreview }) {
  const { coercedCells, coercedTotal, rejectedRows, rejectedTotal, controlTotals, warnings } = preview;
  if (coercedTotal === 0 && rejectedTotal === 0 && controlTotals.length === 0 && warnings.length === 0) return null;
  return (
    <div className="preview-issues">
      {coercedTotal > 0 ? (
        <section data-testid="preview-coerced">
          <h3>
            {formatCount(coercedTotal)} cell{coercedTotal === 1 ? '' : 's'} did not fit the column type and will be kept as text
          </h3>
          <ul className="mono">
            {coercedCells.map((cell, index) => (
              <li key={index}>
                line {cell.line}, {cell.column}: “{cell.value}” (expected {cell.expected})
              </li>
            ))}
            {coercedTotal > coercedCells.length ? <li>… and {formatCount(coercedTotal - coercedCells.length)} more in the sample</li> : null}
          </ul>
        </section>
      ) : null}
      {rejectedTotal > 0 ? (
        <section data-testid="preview-rejected">
          <h3>
            {formatCount(rejectedTotal)} row{rejectedTotal === 1 ? '' : 's'} with the wrong number of fields will be set aside
          </h3>
          <ul className="mono">
            {rejectedRows.map((row) => (
              <li key={row.line}>
                line {row.line} ({row.fields} fields): {row.text.length > 90 ? `${row.text.slice(0, 89)}…` : row.text}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {controlTotals.length > 0 ? (
        <section data-testid="preview-control-totals">
          <h3>Totals the file states</h3>
          <ul className="mono">
            {controlTotals.map((check, index) => (
              <li key={index} className={check.ok ? undefined : 'preview-mismatch'}>
                {check.ok ? 'ok' : 'MISMATCH'}: line {check.line}, {check.label}: file {check.expected}, rows {check.actual}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {warnings.length > 0 ? (
        <section data-testid="preview-warnings">
          <h3>Notes</h3>
          <ul>
            {warnings.map((warning, index) => (
              <li key={index}>{warning}</li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
