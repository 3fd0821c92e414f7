/** previewFile: a sample imported into a throwaway database; the case is never touched. */
import { describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../../shared/engine';
import type { ImportOptions } from '../../../shared/engine/api';
import { PREVIEW_BYTES } from '../../../shared/engine/ingest/preview/preview-sample';
import { memoryByteSource } from '../../../electron/cli/node-byte-source';
import { sqliteRuntime } from '../../support/sqlite';
import { corpusBytes } from '../formats/corpus-files';

async function previewEngine(): Promise<Engine> {
  const runtime = await sqliteRuntime();
  return createEngine(runtime.open(), { openScratch: () => runtime.open() });
}

function preview(engine: Engine, name: string, content: string | Uint8Array, options: Partial<ImportOptions> = {}) {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  return engine.previewFile(memoryByteSource(name, bytes), { importId: name, ...options });
}

describe('previewFile', () => {
  it('describes the ING export without loading anything into the case', async () => {
    const engine = await previewEngine();
    const before = engine.exportDatabase();
    const result = await preview(engine, 'ing_de_latin1.csv', corpusBytes('bank_csv/ing_de_latin1.csv'));
    expect(result).toMatchObject({ sourceFormat: 'csv', encoding: 'windows-1252', delimiter: ';', headerLine: 14, preambleLines: 9, rowsSampled: 19, isTruncated: false });
    expect(result.detected).toContain('Generic CSV (";"-delimited, header after 9 preamble row(s)');
    const betrag = result.columns.find((column) => column.label === 'Betrag');
    expect(betrag).toMatchObject({ type: 'decimal', scale: 2, sourceFormat: '1234,56', samples: ['-13.98', '-200.00', '-81.60', '-12.36', '-45.00'], isSkipped: false });
    expect(result.columns.find((column) => column.label === 'Buchung')?.samples[0]).toBe('2025-12-09');
    expect(result.rejectedTotal).toBe(1);
    expect(result.rejectedRows[0]).toMatchObject({ line: 23, fields: 6 });
    expect(result.error).toBeUndefined();
    expect(engine.listTables()).toEqual([]);
    expect(engine.exportDatabase()).toEqual(before);
  });

  it('re-runs with overrides, and shows skipped columns without loading them', async () => {
    const engine = await previewEngine();
    const result = await preview(engine, 'ing.csv', corpusBytes('bank_csv/ing_de_latin1.csv'), { columns: { Verwendungszweck: { skip: true }, Betrag: { type: 'text' } } });
    expect(result.columns.find((column) => column.label === 'Verwendungszweck')).toMatchObject({ isSkipped: true, type: 'text' });
    expect(result.columns.find((column) => column.label === 'Betrag')).toMatchObject({ type: 'text', samples: ['-13,98', '-200,00', '-81,60', '-12,36', '-45,00'] });
  });

  it('reports a failing sample as a value, with the line, next to what the head says', async () => {
    const engine = await previewEngine();
    const wrong = await preview(engine, 'ing.csv', corpusBytes('bank_csv/ing_de_latin1.csv'), { encoding: 'utf-8' });
    expect(wrong.error).toMatchObject({ code: 'invalid-encoding', location: { file: 'ing.csv', line: 12 } });
    expect(wrong).toMatchObject({ encoding: 'utf-8', delimiter: ';', columns: [], rowsSampled: 0 });
    const unclosed = await preview(engine, 'q.csv', 'id,note\n1,ok\n2,"never closed\n3,x\n');
    expect(unclosed.error).toMatchObject({ code: 'unclosed-quote', location: { line: 3 } });
    expect(engine.listTables()).toEqual([]);
  });

  it('reads only the first 4 MiB of a large file, cut at a line end', async () => {
    const engine = await previewEngine();
    const line = (i: number) => `R${i},${i % 1000}.${String(i % 100).padStart(2, '0')},batch ${i % 7}\n`;
    let text = 'ref,amount,memo\n';
    for (let i = 1; text.length < PREVIEW_BYTES * 1.5; i++) text += line(i);
    const total = text.split('\n').length - 2;
    const result = await preview(engine, 'big.csv', text);
    expect(result.isTruncated).toBe(true);
    expect(result.bytesSampled).toBeLessThanOrEqual(PREVIEW_BYTES);
    expect(text[result.bytesSampled - 1]).toBe('\n');
    expect(result.rowsSampled).toBe(text.slice(0, result.bytesSampled).split('\n').length - 2);
    expect(result.rowsSampled).toBeLessThan(total);
    expect(result.columns.map((column) => [column.name, column.type])).toEqual([
      ['ref', 'text'],
      ['amount', 'decimal'],
      ['memo', 'text'],
    ]);
  });

  it('a cut inside a multi-line quoted value does not read as an unclosed quote', async () => {
    const engine = await previewEngine();
    let text = 'id,note\n';
    let plain = 0;
    for (; text.length < PREVIEW_BYTES - 100; plain++) text += `${plain},plain\n`;
    // Opens before the 4 MiB mark and closes after it: the first cut lands inside the quotes.
    text += `x,"a note that spans\n${'many lines\n'.repeat(50)}and closes"\n`;
    for (let i = 0; i < 1000; i++) text += `${i},after\n`;
    const result = await preview(engine, 'multi.csv', text);
    expect(result.error).toBeUndefined();
    expect(result.isTruncated).toBe(true);
    expect(result.rowsSampled).toBe(plain);
  });

  it('previews a statement file whole, with its statements table', async () => {
    const engine = await previewEngine();
    const result = await preview(engine, 'vr.mta', corpusBytes('mt940/vr_teilhaberbank_de.mta'));
    expect(result).toMatchObject({ sourceFormat: 'statement', detected: 'MT940', rowsSampled: 5, isTruncated: false, extraTables: [{ name: 'vr_statements', rows: 3 }] });
    expect(result.columns.find((column) => column.name === 'amount')?.samples).toEqual(['-17.90', '-6.00', '-39.90', '-453.11', '175.00']);
    expect(engine.listTables()).toEqual([]);
  });

  it('previews JSON whole, and says when the host gave no scratch database', async () => {
    const engine = await previewEngine();
    const result = await preview(engine, 'tx.json', '[{"id":"a","amount":"1.50"},{"id":"b","amount":"2"}]');
    expect(result).toMatchObject({ sourceFormat: 'json', rowsSampled: 2 });
    const runtime = await sqliteRuntime();
    const bare = createEngine(runtime.open());
    await expect(bare.previewFile(memoryByteSource('x.csv', new TextEncoder().encode('a\n1\n')), { importId: 'x' })).rejects.toThrow('scratch database');
  });
});
