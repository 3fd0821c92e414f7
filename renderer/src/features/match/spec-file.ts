import { validateMatchSpec, type MatchSpec } from '../../../../shared/engine/match/spec';
import type { WorkbenchPlatform } from '../../platform';

/** Specs travel as pretty JSON so they diff well in a shared folder or a ticket. */
export async function exportSpec(platform: WorkbenchPlatform, spec: MatchSpec): Promise<string | null> {
  return platform.saveFile(`${spec.name}.match.json`, `${JSON.stringify(spec, null, 2)}\n`, [{ name: 'Match spec', extensions: ['json'] }]);
}

/** Reads and validates a spec file; rejects with a sentence fit for the editor. */
export async function importSpec(file: File): Promise<MatchSpec> {
  let raw: unknown;
  try {
    raw = JSON.parse(await file.text());
  } catch {
    throw new Error(`${file.name} is not JSON.`);
  }
  return validateMatchSpec(raw);
}
