/**
 * TextDecoder and TextEncoder exist in every host we run in (browser, worker,
 * Node), but `shared/` compiles against plain ES2022, so we reach them through
 * a typed accessor instead of the DOM lib.
 */
export interface Decoder {
  decode(input?: Uint8Array, options?: { stream?: boolean }): string;
}
export interface Encoder {
  encode(input: string): Uint8Array;
}

interface CodecGlobals {
  TextDecoder: new (label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean }) => Decoder;
  TextEncoder: new () => Encoder;
}

function codecs(): CodecGlobals {
  return globalThis as unknown as CodecGlobals;
}

export function createDecoder(label: string, options?: { fatal?: boolean; ignoreBOM?: boolean }): Decoder {
  return new (codecs().TextDecoder)(label, options);
}

export function createEncoder(): Encoder {
  return new (codecs().TextEncoder)();
}

const utf8 = createDecoder('utf-8');
export function decodeUtf8(bytes: Uint8Array): string {
  return utf8.decode(bytes);
}
