/**
 * ISO 4217 minor-unit exponents. Banks' statement formats follow ISO (BAI2's
 * implied decimals, camt and MT940 fraction digits), unlike some PSPs, so one
 * canonical table serves every parser here. Codes not listed use 2.
 */
const EXPONENTS: Readonly<Record<string, number>> = {
  // 0 decimals
  BIF: 0, CLP: 0, DJF: 0, GNF: 0, ISK: 0, JPY: 0, KMF: 0, KRW: 0, PYG: 0, RWF: 0,
  UGX: 0, UYI: 0, VND: 0, VUV: 0, XAF: 0, XOF: 0, XPF: 0,
  // 3 decimals
  BHD: 3, IQD: 3, JOD: 3, KWD: 3, LYD: 3, OMR: 3, TND: 3,
  // 4 decimals
  CLF: 4, UYW: 4,
};

export const DEFAULT_EXPONENT = 2;

export function currencyExponent(currency: string): number {
  return EXPONENTS[currency.toUpperCase()] ?? DEFAULT_EXPONENT;
}
