import type { MatchPreview } from '../../../../shared/engine/match/preview';
import { Dialog } from '../../components/Dialog';
import { AlertIcon } from '../../components/icons';
import { formatCount } from '../../lib/format';

interface PreviewDialogProps {
  preview: MatchPreview;
  specName: string;
  onRun(): void;
  onClose(): void;
}

/**
 * The dry run: what the keys look like on each side before anything is
 * matched. A dialog, so the answer appears where the analyst is looking
 * rather than below the fold of the spec panel, with Run one click away.
 */
export function PreviewDialog({ preview, specName, onRun, onClose }: PreviewDialogProps) {
  const rows: readonly (readonly [string, number, number, string])[] = [
    ['Rows', preview.leftRows, preview.rightRows, 'Rows after each side’s filter'],
    ['Distinct keys', preview.leftKeys, preview.rightKeys, 'Different normalised key values'],
    ['Duplicate keys', preview.leftDuplicateKeys, preview.rightDuplicateKeys, 'Keys that several rows share (a payout’s charges, or real duplicates)'],
    ['Missing keys', preview.leftMissingKeys, preview.rightMissingKeys, 'Rows whose key is empty after normalising (the regex found nothing)'],
  ];
  return (
    <Dialog
      title={`Preview of “${specName}”`}
      onClose={onClose}
      width={520}
      testId="match-preview-result"
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            Close
          </button>
          <button type="button" className="btn btn-primary" onClick={onRun} autoFocus data-testid="match-preview-run">
            Run match
          </button>
        </>
      }
    >
      <table className="preview-table num">
        <thead>
          <tr>
            <th />
            <th>Left</th>
            <th>Right</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([label, left, right, title]) => (
            <tr key={label} title={title}>
              <th scope="row">{label}</th>
              <td className={label === 'Missing keys' && left > 0 ? 'is-warn' : ''}>{formatCount(left)}</td>
              <td className={label === 'Missing keys' && right > 0 ? 'is-warn' : ''}>{formatCount(right)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="preview-pairs num">
        <strong>{formatCount(preview.expectedPairs)}</strong> expected key pairs
        {preview.manyToManyKeys > 0 ? <>, {formatCount(preview.manyToManyKeys)} keys many-to-many</> : null}
      </p>
      {preview.warnings.length > 0 ? (
        <ul className="preview-warnings">
          {preview.warnings.map((warning) => (
            <li key={warning}>
              <AlertIcon /> {warning}
            </li>
          ))}
        </ul>
      ) : null}
    </Dialog>
  );
}
