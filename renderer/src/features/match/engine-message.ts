import { EngineCallError } from '../../engine/client';

/** The engine's own sentence for a failed call ("Match spec: left amount column …"), else the error's text. */
export function engineMessage(error: unknown): string {
  if (error instanceof EngineCallError) return error.detail.message;
  return error instanceof Error ? error.message : String(error);
}
