import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
/** Encodings chosen by the user, SWIFT framing bytes and NUL padding, JSON input, and `recon detect`. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCommand } from '../../../electron/cli/commands';
import { parseArgs } from '../../../electron/cli/args';
import { importText, newEngine, rejectionOf } from '../../support/engine';
import { sqliteRuntime } from '../../support/sqlite';

const ascii = (text: string) => [...new TextEncoder().encode(text)];

describe('encodings', () => {
  it('reads CP852, ISO-8859-1 and Windows-1252 when chosen, and UTF-16LE without a BOM', async () => {
    const engine = await newEngine();
    // CP852: 0x8B is ő, 0xA0 is á (Győr, Pál).
    const cp852 = new Uint8Array([...ascii('name;n\nGy'), 0x8b, ...ascii('r P'), 0xa0, ...ascii('l;1\n')]);
    const hu = await importText(engine, 'hu.csv', cp852, { encoding: 'CP852' });
    expect(hu.table.encoding).toBe('cp852');
    expect(engine.query('SELECT name FROM hu').rows).toEqual([['Győr Pál']]);
    // 0x80 is € in Windows-1252 but a C1 control in ISO-8859-1; 0xE4 is ä in both.
    const latin = new Uint8Array([...ascii('name,n\nK'), 0xe4, 0x80, ...ascii(',1\n')]);
    await importText(engine, 'l1.csv', latin, { encoding: 'iso-8859-1' });
    await importText(engine, 'w1252.csv', latin, { encoding: 'windows-1252' });
    expect(engine.query('SELECT (SELECT name FROM l1), (SELECT name FROM w1252)').rows).toEqual([['Kä\u0080', 'Kä€']]);
    const text = 'name,n\nZoë,2\n';
    const wide = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i++) wide[i * 2] = text.charCodeAt(i);
    await importText(engine, 'wide.csv', wide, { encoding: 'utf-16le' });
    expect(engine.query('SELECT name, n FROM wide').rows).toEqual([['Zoë', 2]]);
  });

  it('names an unknown encoding instead of guessing', async () => {
    const engine = await newEngine();
    const error = await rejectionOf(importText(engine, 'x.csv', 'a\n1\n', { encoding: 'klingon' }));
    expect(error).toMatchObject({ code: 'bad-input' });
    expect(error.message).toContain('cp852');
  });

  it('removes SWIFT framing bytes and NUL padding, with a warning; many control bytes are still binary', async () => {
    const engine = await newEngine();
    const framed = new Uint8Array([0x01, ...ascii('a,b\n1,2\n3,4\n'), 0x03, 0, 0, 0]);
    const report = await importText(engine, 'framed.csv', framed);
    expect(engine.query('SELECT a, b FROM framed').rows).toEqual([[1, 2], [3, 4]]);
    expect(report.strippedControlBytes).toBe(5);
    expect(report.warnings.join('\n')).toContain('control byte(s) (SWIFT framing 0x01/0x03, or NUL padding at the end) were removed');
    const noisy = new Uint8Array([...ascii('a,b\n'), ...Array.from({ length: 20 }, () => [0x31, 0x01, 0x2c, 0x32, 0x0a]).flat()]);
    expect(await rejectionOf(importText(engine, 'noisy.csv', noisy))).toMatchObject({ code: 'binary-file' });
  });
});

describe('JSON', () => {
  it('flattens objects to a.b columns, keeps arrays as JSON text and numbers exactly', async () => {
    const engine = await newEngine();
    const json = '{"data":[{"id":"a","amount":{"value":1234567890123.45,"currency":"USD"},"tags":[1,2]},{"id":"b","amount":{"value":"0.10","currency":"USD"},"tags":[]}]}';
    const report = await importText(engine, 'j.json', json);
    expect(report.detected).toBe('JSON array of 2 object(s), flattened to 4 columns');
    expect(report.table.columns.map((c) => c.label)).toEqual(['id', 'amount.value', 'amount.currency', 'tags']);
    expect(engine.query('SELECT CAST(amount_value AS TEXT), tags FROM j ORDER BY rowid').rows).toEqual([['123456789012345', '[1,2]'], ['10', '[]']]);
  });

  it('reports broken JSON with its line', async () => {
    const engine = await newEngine();
    expect(await rejectionOf(importText(engine, 'bad.json', '[\n{"a": 1},\n{"a": }\n]'))).toMatchObject({ code: 'bad-input', location: { line: 3 } });
  });
});

describe('recon detect', () => {
  function io() {
    let out = '';
    return { io: { stdout: { write: (text: string) => (out += text) }, stderr: { write: () => true }, isTty: false }, output: () => out };
  }

  it('prints the profile, layout and each column with samples, and loads nothing', async () => {
    const runtime = await sqliteRuntime();
    const sink = io();
    const file = join(__dirname, '../../../../shared/corpus/bank_csv/dkb_de.csv');
    const code = await runCommand(runtime, parseArgs(['detect', file]), sink.io);
    expect(code).toBe(0);
    const out = sink.output();
    expect(out).toContain('header line:   5');
    expect(out).toContain('preamble:      2 line(s)');
    expect(out).toMatch(/buchungsdatum "Buchungsdatum"\s+date\s+\[as DD\.MM\.YY\]/);
    expect(out).toContain('e.g. "2025-12-08", "2025-12-05", "2025-12-01"');
    expect(out).toMatch(/betrag "Betrag \(€\)"\s+decimal\(2\)\s+\[as 1234,56\]/);
    expect(out).toContain('e.g. "200.00", "-62.30", "150.00"');
    const adyen = io();
    await runCommand(runtime, parseArgs(['detect', join(__dirname, '../../../../shared/corpus/adyen/smashpig_settlement_detail_49col_inr.csv')]), adyen.io);
    expect(adyen.output()).toContain('detected:      Adyen Settlement details report (49 columns)');
  });

  it('fails with file and line on bad input', async () => {
    const runtime = await sqliteRuntime();
    const dir = mkdtempSync(join(tmpdir(), 'recon-detect-'));
    const file = join(dir, 'broken.csv');
    writeFileSync(file, 'a,b\n1,2\n3,"never closed\n4,5\n');
    const error = await rejectionOf(runCommand(runtime, parseArgs(['detect', file]), io().io));
    expect(error).toMatchObject({ code: 'unclosed-quote', location: { file: 'broken.csv', line: 3, column: 2 } });
  });
});
