import { useRef } from 'react';
import type { MatchSpec } from '../../../../shared/engine/match/spec';

interface SpecLibraryProps {
  specs: readonly MatchSpec[];
  canExport: boolean;
  onLoad(spec: MatchSpec): void;
  onImport(file: File): void;
  onExport(): void;
}

/** Saved specs (every run saves its spec in the case), and JSON import/export to share them. */
export function SpecLibrary({ specs, canExport, onLoad, onImport, onExport }: SpecLibraryProps) {
  const fileRef = useRef<HTMLInputElement>(null);
  return (
    <div className="spec-library">
      <select
        className="match-select"
        value=""
        aria-label="Load a saved spec"
        disabled={specs.length === 0}
        title={specs.length === 0 ? 'Specs are saved here when you run them' : 'Load a spec saved by an earlier run'}
        onChange={(event) => {
          const spec = specs.find((candidate) => candidate.name === event.currentTarget.value);
          if (spec) onLoad(spec);
        }}
      >
        <option value="">{specs.length === 0 ? 'No saved specs' : `Saved specs (${specs.length})…`}</option>
        {specs.map((spec) => (
          <option key={spec.name} value={spec.name}>
            {spec.name} — {spec.left.table} ↔ {spec.right.table}
          </option>
        ))}
      </select>
      <button type="button" className="btn btn-ghost btn-sm" onClick={() => fileRef.current?.click()} title="Load a spec from a .json file">
        Import…
      </button>
      <button type="button" className="btn btn-ghost btn-sm" onClick={onExport} disabled={!canExport} title="Save this spec as a .json file">
        Export spec…
      </button>
      <input
        ref={fileRef}
        type="file"
        accept=".json,application/json"
        className="sr-only"
        tabIndex={-1}
        aria-hidden="true"
        data-testid="match-import-input"
        onChange={(event) => {
          const file = event.currentTarget.files?.[0];
          if (file) onImport(file);
          event.currentTarget.value = '';
        }}
      />
    </div>
  );
}
