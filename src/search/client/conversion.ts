// The Traditional→Simplified table, fetched the first time a query holds Han characters, and checked.
import { CONVERSION_FILE, createConverter, identity, type ConversionTable, type Converter } from "../convert.ts";
import { fetchJson } from "./json.ts";

/** The converter of the bundle at `bundle`: `identity` until `load` has fetched the table. */
export function createConversion(bundle: string) {
  let convert: Converter = identity;
  let table: Promise<void> | undefined;
  return {
    converter: (): Converter => convert,
    /** Fetches the table once; later calls wait for the same fetch. */
    load: (): Promise<void> =>
      (table ??= fetchJson(`${bundle}${CONVERSION_FILE}`).then((value) => {
        if (!isConversionTable(value)) throw new Error(`${CONVERSION_FILE} is not a conversion table`);
        convert = createConverter(value);
      })),
  };
}

/** True for a value of the `ConversionTable` shape: string pairs, and strings by string. */
function isConversionTable(value: unknown): value is ConversionTable {
  if (typeof value !== "object" || value === null) return false;
  const { phrases, chars } = value as Record<string, unknown>;
  const isPair = (p: unknown) => Array.isArray(p) && p.length === 2 && p.every((s) => typeof s === "string");
  return Array.isArray(phrases) && phrases.every(isPair) && typeof chars === "object" && chars !== null && Object.values(chars).every((c) => typeof c === "string");
}
