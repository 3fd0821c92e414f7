import { useEffect, useState } from 'react';
import type { AuditEntry } from '../../../../shared/engine/match/decisions';
import type { EngineClient } from '../../engine/client';

/** The spec's decisions, re-read after every run and every recorded decision (whose re-run may be cancelled). */
export function useAudit(client: EngineClient, specName: string | null, runVersion: number, decisionCount: number): readonly AuditEntry[] {
  const [entries, setEntries] = useState<readonly AuditEntry[]>([]);
  useEffect(() => {
    if (specName === null) return;
    let isCurrent = true;
    client.matchAudit(specName).then(
      (result) => isCurrent && setEntries(result),
      () => undefined, // the tab stays as it was; the next run reads it again
    );
    return () => {
      isCurrent = false;
    };
  }, [client, specName, runVersion, decisionCount]);
  return entries;
}
