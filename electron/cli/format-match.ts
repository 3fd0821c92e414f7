import type { MatchRun } from '../../shared/engine/match/run-match';

const LABEL: Record<string, string> = {
  matched: 'matched',
  matched_diff: 'matched with difference',
  ambiguous: 'ambiguous',
  left_only: 'left only',
  right_only: 'right only',
};

/** The summary and tie-out, as the CLI prints them. */
export function formatMatchRun(run: MatchRun): string {
  const lines: string[] = [];
  lines.push(`match "${run.spec.name}": ${run.spec.left.table} (${run.leftRows.toLocaleString('en-US')} rows) vs ${run.spec.right.table} (${run.rightRows.toLocaleString('en-US')} rows) in ${(run.elapsedMs / 1000).toFixed(2)} s`);
  lines.push(`passes: ${run.passes.map((p) => `${p.pass} ${p.name} ${p.matches}`).join(', ')}`);
  lines.push('');
  lines.push(`${'currency'.padEnd(9)}${'status'.padEnd(26)}${'left rows'.padStart(11)}${'left total'.padStart(20)}${'right rows'.padStart(12)}${'right total'.padStart(20)}`);
  for (const line of run.statuses) {
    lines.push(`${line.currency.padEnd(9)}${(LABEL[line.status] ?? line.status).padEnd(26)}${line.leftRows.toLocaleString('en-US').padStart(11)}${line.leftTotal.padStart(20)}${line.rightRows.toLocaleString('en-US').padStart(12)}${line.rightTotal.padStart(20)}`);
  }
  lines.push('');
  lines.push('tie-out (left − right = Σ by status):');
  for (const tie of run.tieOut) {
    const parts = Object.entries(tie.explainedByStatus).filter(([, value]) => !/^-?0(\.0+)?$/.test(value)).map(([status, value]) => `${LABEL[status] ?? status} ${value}`);
    lines.push(`  ${tie.currency.padEnd(5)} ${tie.leftTotal} − ${tie.rightTotal} = ${tie.difference}${parts.length ? ` = ${parts.join(' + ')}` : ''}  ${tie.isTied ? 'TIES' : `DOES NOT TIE (unexplained ${tie.unexplained})`}`);
  }
  lines.push('');
  lines.push(run.openBreaks > 0 ? `${run.openBreaks} break(s) to investigate` : 'no breaks');
  return `${lines.join('\n')}\n`;
}
