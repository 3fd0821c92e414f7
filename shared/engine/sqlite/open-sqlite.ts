import { nativeCalls, type NativeCalls } from './native-calls';
import type { InitSqlJs, SqlJsConfig, SqlJsDatabase, SqlJsModule } from './sqljs-types';

/**
 * A sql.js database plus direct access to the WASM heap.
 *
 * The bulk-insert path binds field bytes that already sit in WASM memory
 * (`sqlite3_bind_text` with a pointer), which avoids creating and re-encoding
 * one JS string per cell. sql.js does not export its heap views, so we
 * instantiate the module ourselves through Emscripten's `instantiateWasm`
 * hook and keep the exported `WebAssembly.Memory`.
 */
export interface Sqlite {
  readonly db: SqlJsDatabase;
  readonly module: SqlJsModule;
  /** The module's raw SQLite calls, for per-row loops. */
  readonly native: NativeCalls;
  /** A fresh view of the heap: memory growth detaches earlier views. */
  heap(): Uint8Array;
}

interface WasmMemoryLike {
  readonly buffer: ArrayBuffer;
}
interface WasmGlobal {
  instantiate(bytes: ArrayBuffer | Uint8Array, imports: object): Promise<{ instance: { exports: Record<string, unknown> } }>;
  Memory: new (descriptor: { initial: number }) => WasmMemoryLike;
}

function wasmGlobal(): WasmGlobal {
  const candidate = (globalThis as unknown as { WebAssembly?: WasmGlobal }).WebAssembly;
  if (!candidate) throw new Error('WebAssembly is not available in this runtime');
  return candidate;
}

function findMemory(exports: Record<string, unknown>, Memory: WasmGlobal['Memory']): WasmMemoryLike {
  for (const value of Object.values(exports)) {
    if (value instanceof Memory) return value;
  }
  throw new Error('sql.js WASM module exports no memory');
}

/** The pieces of a loaded sql.js shared by every database opened from it. */
export interface SqliteRuntime {
  readonly module: SqlJsModule;
  heap(): Uint8Array;
  /** A new, empty in-memory database. */
  open(): Sqlite;
  /** An in-memory copy of a database file's bytes (a saved case). */
  openFrom(bytes: Uint8Array): Sqlite;
}

export async function loadSqliteRuntime(initSqlJs: InitSqlJs, wasmBinary: ArrayBuffer | Uint8Array): Promise<SqliteRuntime> {
  const wasm = wasmGlobal();
  let memory: WasmMemoryLike | undefined;
  const config: SqlJsConfig = {
    instantiateWasm(imports, done) {
      void wasm.instantiate(wasmBinary, imports).then(({ instance }) => {
        memory = findMemory(instance.exports, wasm.Memory);
        done(instance);
      });
      return {};
    },
  };
  // The one cast at this boundary: our config is the Emscripten shape sql.js expects.
  const loaded = await initSqlJs(config as never);
  const module = loaded as SqlJsModule;
  const native = nativeCalls(module);
  let view = new Uint8Array(0);
  function heap(): Uint8Array {
    // Growing WASM memory detaches the old buffer, which leaves its views empty, so an empty
    // view is the cheap test. Reading `memory.buffer` on every call cost ~0.2 µs: at one
    // call per row it was a third of a 1M-row scan.
    if (view.length === 0) {
      if (!memory) throw new Error('sql.js memory was not captured');
      view = new Uint8Array(memory.buffer);
    }
    return view;
  }
  function open(): Sqlite {
    const db = new module.Database(null);
    moveToMemory(module, db, heap);
    return { db, module, native, heap };
  }
  function openFrom(bytes: Uint8Array): Sqlite {
    const file = new module.Database(bytes);
    try {
      file.exec('PRAGMA schema_version'); // throws "file is not a database" early
      const target = open();
      copyDatabase(module, file.db, target.db.db);
      return target;
    } finally {
      file.close();
    }
  }
  return { module, heap, open, openFrom };
}

/**
 * Re-points a sql.js Database at a SQLite `:memory:` database.
 *
 * sql.js keeps its database as a file in Emscripten's MEMFS, where every page
 * write goes through JS and the file array is regrown and copied: a 1M-row
 * import took 5.3 s of inserts that way against 1.5 s in `:memory:`. sql.js
 * 1.16 exports through the backup API from `this.db`, so `export()` still
 * works. A unit test pins this behaviour to the installed sql.js version.
 */
function moveToMemory(module: SqlJsModule, db: SqlJsDatabase, heap: () => Uint8Array): void {
  const name = module.stringToNewUTF8(':memory:');
  const slot = module._malloc(4);
  try {
    const rc = module._sqlite3_open(name, slot);
    const bytes = heap();
    const pointer = bytes[slot]! | (bytes[slot + 1]! << 8) | (bytes[slot + 2]! << 16) | (bytes[slot + 3]! << 24);
    if (rc !== 0 || pointer === 0) throw new Error('could not open an in-memory SQLite database');
    module._RegisterExtensionFunctions(pointer);
    module._sqlite3_close_v2(db.db);
    db.db = pointer;
  } finally {
    module._free(slot);
    module._free(name);
  }
}

/** Copies every page of `source` into `target` with SQLite's backup API. */
function copyDatabase(module: SqlJsModule, source: number, target: number): void {
  const main = module.stringToNewUTF8('main');
  try {
    const backup = module._sqlite3_backup_init(target, main, source, main);
    if (backup === 0) throw new Error(module.UTF8ToString(module._sqlite3_errmsg(target)));
    const rc = module._sqlite3_backup_step(backup, -1);
    module._sqlite3_backup_finish(backup);
    if (rc !== 101) throw new Error(`could not load the database (SQLite code ${rc})`);
  } finally {
    module._free(main);
  }
}
