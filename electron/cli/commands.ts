import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { formatMatchRun } from './format-match';
import type { ImportProgress } from '../../shared/engine/api';
import type { SqliteRuntime } from '../../shared/engine/sqlite/open-sqlite';
import { UsageError, stringFlag, type ParsedArgs } from './args';
import { openCase, saveCase } from './case-file';
import { runDetect } from './detect-command';
import { formatResult, type OutputFormat } from './format-output';
import { importOptionsFromArgs } from './import-flags';
import { openByteSource } from './node-byte-source';

export interface Io {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  isTty: boolean;
}

function requireDb(args: ParsedArgs): string {
  const db = stringFlag(args, 'db');
  if (!db) throw new UsageError('--db <case.sqlite> is required');
  return db;
}

function progressLine(progress: ImportProgress): string {
  const percent = progress.totalBytes ? Math.floor((100 * progress.bytesRead) / progress.totalBytes) : 100;
  const eta = progress.etaSeconds === null ? '' : `, ${progress.etaSeconds.toFixed(0)} s left`;
  return `\r${progress.file}: ${percent}% ${progress.rows.toLocaleString('en-US')} rows (${progress.rowsPerSecond.toLocaleString('en-US')} rows/s${eta})   `;
}

/** Runs one `recon` command; throws EngineError for bad input, UsageError for bad arguments. */
export async function runCommand(runtime: SqliteRuntime, args: ParsedArgs, io: Io): Promise<number> {
  switch (args.command) {
    case 'import': {
      const dbPath = requireDb(args);
      if (args.positionals.length === 0) throw new UsageError('import needs at least one file');
      const budgetMb = stringFlag(args, 'budget-mb');
      const engine = openCase(runtime, dbPath, budgetMb ? { budgetBytes: Number(budgetMb) * 1024 * 1024 } : {});
      for (const path of args.positionals) {
        if (!existsSync(path)) throw new UsageError(`no such file: ${path}`);
        const source = openByteSource(path);
        try {
          const report = await engine.importFile(source, importOptionsFromArgs(args, path), io.isTty ? { onProgress: (p) => io.stderr.write(progressLine(p)) } : {});
          if (io.isTty) io.stderr.write('\n');
          const seconds = (report.durationMs / 1000).toFixed(2);
          io.stdout.write(`${path}: ${report.rows.toLocaleString('en-US')} rows into table "${report.table.name}" in ${seconds} s\n`);
          for (const warning of report.warnings) io.stdout.write(`  warning: ${warning}\n`);
          for (const cell of report.coercedSamples.slice(0, 5)) io.stdout.write(`  ${path}:${cell.line}: "${cell.value}" in ${cell.column} kept as text (expected ${cell.expected})\n`);
        } finally {
          source.close();
        }
        saveCase(engine, dbPath); // after each file, so a later bad file loses nothing
      }
      return 0;
    }
    case 'query': {
      const engine = openCase(runtime, requireDb(args));
      const sql = args.positionals.join(' ').trim();
      if (!sql) throw new UsageError('query needs an SQL statement');
      const format = (stringFlag(args, 'format') ?? 'table') as OutputFormat;
      if (!['table', 'csv', 'json'].includes(format)) throw new UsageError('--format must be table, csv or json');
      io.stdout.write(formatResult(engine.query(sql, [], 1_000_000), format));
      return 0;
    }
    case 'tables': {
      const engine = openCase(runtime, requireDb(args));
      const tables = engine.listTables();
      if (args.flags.has('json')) {
        io.stdout.write(`${JSON.stringify(tables, null, 2)}\n`);
        return 0;
      }
      for (const table of tables) {
        io.stdout.write(`${table.name}  ${table.rowCount.toLocaleString('en-US')} rows  from ${table.sourceFile} (${table.encoding}, "${table.delimiter === '\t' ? 'TAB' : table.delimiter}")\n`);
        for (const column of table.columns) {
          const type = column.type === 'decimal' ? `decimal(${column.scale})` : column.type;
          io.stdout.write(`    ${column.name.padEnd(28)} ${type.padEnd(12)} ${column.label !== column.name ? `"${column.label}"` : ''}\n`);
        }
      }
      return 0;
    }
    case 'match': {
      const engine = openCase(runtime, requireDb(args));
      const specPath = stringFlag(args, 'spec');
      if (!specPath) throw new UsageError('match needs --spec spec.json');
      if (!existsSync(specPath)) throw new UsageError(`no such file: ${specPath}`);
      let spec: unknown;
      try {
        spec = JSON.parse(readFileSync(specPath, 'utf8'));
      } catch (error) {
        throw new UsageError(`${specPath}: not valid JSON (${error instanceof Error ? error.message : String(error)})`);
      }
      const run = engine.match(spec);
      io.stdout.write(formatMatchRun(run));
      const out = stringFlag(args, 'out');
      if (out) {
        const rows = engine.query(`SELECT * FROM "${run.tables.rows}" ORDER BY side, row_id`, [], Number.MAX_SAFE_INTEGER);
        writeFileSync(out, formatResult(rows, 'csv'));
        io.stdout.write(`wrote ${rows.rows.length.toLocaleString('en-US')} row decisions to ${out}\n`);
      }
      saveCase(engine, requireDb(args));
      // 3: breaks remain that nobody has explained (for scheduled checks).
      return run.openBreaks > 0 ? 3 : 0;
    }
    case 'detect':
      return runDetect(runtime, args, io);
    default:
      throw new UsageError(`unknown command "${args.command ?? ''}"`);
  }
}
