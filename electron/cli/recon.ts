/**
 * `recon`: the command-line host of the engine, for scripted reconciliations.
 * Exit codes: 0 ok, 2 bad input (with file:line), 1 internal error, 3 match breaks remain.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import initSqlJs from 'sql.js';
import { EngineError, formatLocated, serializeEngineError } from '../../shared/engine/errors';
import { loadSqliteRuntime } from '../../shared/engine/sqlite/open-sqlite';
import { parseArgs, UsageError } from './args';
import { runCommand } from './commands';

const USAGE = `Usage:
  recon import <file>... --db case.sqlite [--budget-mb N] [overrides]
  recon detect <file> [overrides] [--json]   (what the importer sees; loads nothing)
  recon query --db case.sqlite "SELECT …" [--format table|csv|json]
  recon tables --db case.sqlite [--json]
  recon match --db case.sqlite --spec spec.json [--out decisions.csv]   (exit 3 when breaks remain)

Overrides (import and detect): --encoding cp852|iso-8859-1|windows-1252|utf-16le|…  --delimiter ";"|TAB
  --header-line N (0: no header)  --date-order DMY|MDY  --decimal-mark ,|.  --sheet NAME (XLSX)
  --column "Header=integer|decimal[:scale]|date|timestamp|boolean|text|skip" (repeatable)

Decimal columns hold integers at their scale: dec(sum(net), 2) prints a total as exact decimal text.`;

async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  if (!args.command || args.flags.has('help')) {
    process.stdout.write(`${USAGE}\n`);
    return args.command || args.flags.has('help') ? 0 : 2;
  }
  const require = createRequire(import.meta.url);
  const runtime = await loadSqliteRuntime(initSqlJs, readFileSync(require.resolve('sql.js/dist/sql-wasm.wasm')));
  return runCommand(runtime, args, { stdout: process.stdout, stderr: process.stderr, isTty: Boolean(process.stderr.isTTY) });
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError) {
      process.stderr.write(`recon: ${error.message}\n${USAGE}\n`);
      process.exitCode = 2;
      return;
    }
    const detail = serializeEngineError(error);
    process.stderr.write(`recon: ${formatLocated(detail)}\n`);
    process.exitCode = error instanceof EngineError ? 2 : 1;
  },
);
