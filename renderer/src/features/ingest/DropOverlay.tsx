import { UploadIcon } from '../../components/icons';

/** Shown over the whole window while files are dragged in. */
export function DropOverlay() {
  return (
    <div className="drop-overlay" data-testid="drop-overlay" aria-hidden="true">
      <div className="drop-overlay-card">
        <UploadIcon size={28} />
        <strong>Drop to import</strong>
        <span>Each file becomes a table. Files import one after another.</span>
      </div>
    </div>
  );
}
