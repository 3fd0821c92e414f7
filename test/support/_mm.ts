import { createEngine } from '../../shared/engine'; import { sqliteRuntime } from './sqlite';
import { openByteSource } from '../../electron/cli/node-byte-source';
const e = createEngine((await sqliteRuntime()).open());
for (const f of ['/tmp/sample1m/processor_balance.csv', '/tmp/ledger1m.csv']) { const s = openByteSource(f); await e.importFile(s, { importId: f }); s.close(); }
const t = performance.now();
const run = e.match({ name: 'big', left: { table: 'processor_balance' }, right: { table: 'ledger1m' },
  keys: [{ left: 'balance_transaction_id', right: 'ref', normalize: [] }],
  amount: { left: 'net', right: 'amount', toleranceMinor: 5 }, date: { left: 'available_on_utc', right: 'day', windowDays: 1 },
  currency: { left: 'currency', right: 'ccy' }, passes: ['exact', 'tolerance', 'amountDate'] });
console.log(Math.round(performance.now() - t), JSON.stringify(run.passes), JSON.stringify(run.phases), run.openBreaks);
