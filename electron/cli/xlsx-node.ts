/** XLSX for the CLI (and Node tests): read-excel-file's Node entry, with numbers as the file writes them. */
import { readSheet } from 'read-excel-file/node';
import { READ_EXCEL_OPTIONS, type XlsxCell, type XlsxReader } from '../../shared/engine/ingest/xlsx/xlsx-reader';

export const nodeXlsxReader: XlsxReader = {
  async readSheet(bytes, sheet) {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    // The library types cells loosely (Date as `typeof Date`); with parseNumber they are XlsxCell values.
    return (await readSheet(buffer, sheet, READ_EXCEL_OPTIONS)) as unknown as XlsxCell[][];
  },
};
