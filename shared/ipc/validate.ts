/**
 * One hand-written runtime validator per channel. Main runs these before any
 * handler: a typed contract says nothing about what a compromised renderer
 * actually sends. The mapped type makes a missing validator a compile error.
 * Each validator returns a fresh object holding only the checked fields.
 */
import { parseSettingsPatch } from '../settings';
import type { Channel, FileFilter, Req } from './contract';
import {
  MAX_NAME_LENGTH,
  MAX_PATH_LENGTH,
  expectArray,
  expectFileName,
  expectInteger,
  expectNull,
  expectOnlyKeys,
  expectRecord,
  expectString,
  fail,
} from './guards';

/** Largest export accepted over IPC; bigger exports should be split, not buffered in main. */
export const MAX_SAVE_BYTES = 512 * 1024 * 1024;
const MAX_FILTERS = 16;
const MAX_EXTENSIONS = 16;
const EXTENSION = /^(\*|[A-Za-z0-9]{1,16})$/;

export type IpcValidators = { readonly [C in Channel]: (raw: unknown) => Req<C> };

function validateData(raw: unknown): Uint8Array | string {
  if (typeof raw === 'string') {
    // Length counts UTF-16 units; the file handler re-checks the encoded size.
    if (raw.length > MAX_SAVE_BYTES) fail('data: larger than 512 MiB');
    return raw;
  }
  if (raw instanceof Uint8Array) {
    if (raw.byteLength > MAX_SAVE_BYTES) fail('data: larger than 512 MiB');
    return raw;
  }
  return fail('data: expected a Uint8Array or a string');
}

function validateFilter(raw: unknown, index: number): FileFilter {
  const what = `filters[${index}]`;
  const record = expectRecord(raw, what);
  expectOnlyKeys(record, ['name', 'extensions'], what);
  const extensions = expectArray(record['extensions'], `${what}.extensions`, MAX_EXTENSIONS).map((extension, i) => {
    const text = expectString(extension, `${what}.extensions[${i}]`, 16);
    return EXTENSION.test(text) ? text : fail(`${what}.extensions[${i}]: letters and digits only, without the dot`);
  });
  return { name: expectString(record['name'], `${what}.name`, 100), extensions };
}

function validateSaveFile(raw: unknown): Req<'wb:file.save'> {
  const record = expectRecord(raw, 'file.save');
  expectOnlyKeys(record, ['suggestedName', 'data', 'filters'], 'file.save');
  const suggestedName = expectFileName(record['suggestedName'], 'suggestedName');
  const data = validateData(record['data']);
  if (record['filters'] === undefined) return { suggestedName, data };
  const filters = expectArray(record['filters'], 'filters', MAX_FILTERS).map(validateFilter);
  return { suggestedName, data, filters };
}

function validateRecentAdd(raw: unknown): Req<'wb:recent.add'> {
  const record = expectRecord(raw, 'recent.add');
  expectOnlyKeys(record, ['name', 'path', 'sizeBytes'], 'recent.add');
  const name = expectString(record['name'], 'name', MAX_NAME_LENGTH);
  const sizeBytes = expectInteger(record['sizeBytes'], 'sizeBytes', 0, Number.MAX_SAFE_INTEGER);
  if (record['path'] === undefined) return { name, sizeBytes };
  return { name, path: expectString(record['path'], 'path', MAX_PATH_LENGTH), sizeBytes };
}

function validatePrintToPdf(raw: unknown): Req<'wb:print.toPdf'> {
  const record = expectRecord(raw, 'print.toPdf');
  expectOnlyKeys(record, ['suggestedName'], 'print.toPdf');
  return { suggestedName: expectFileName(record['suggestedName'], 'suggestedName') };
}

export const ipcValidators: IpcValidators = {
  'wb:file.save': validateSaveFile,
  'wb:settings.get': (raw) => expectNull(raw, 'settings.get'),
  'wb:settings.update': parseSettingsPatch,
  'wb:recent.add': validateRecentAdd,
  'wb:recent.list': (raw) => expectNull(raw, 'recent.list'),
  'wb:print.toPdf': validatePrintToPdf,
  'wb:app.info': (raw) => expectNull(raw, 'app.info'),
};
