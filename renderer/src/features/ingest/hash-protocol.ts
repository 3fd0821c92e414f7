/** Messages between the UI and hash.worker.ts. */
export interface HashRequest {
  file: Blob;
}

export type HashResponse = { ok: true; hex: string } | { ok: false; message: string };
