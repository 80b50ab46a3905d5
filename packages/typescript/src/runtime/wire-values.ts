/**
 * The wire values of a lifecycle, enum or error catalog, as record decoders match them.
 *
 * Matching follows the Swift runtime: a value written byte for byte as a current value is that value; text that is
 * canonically equivalent to one (Swift compares strings by canonical equivalence, so `"BLOC\u212AED"`, with a Kelvin
 * sign, is `BLOCKED`) is that value too; then an open enum keeps any other string; then, when asked for, a legacy value
 * reads as the state it now means.
 */
export interface WireValues<Value extends string> {
  /** The type's name in messages, e.g. `TaskStatus`. */
  readonly name: string;
  /** The current wire values, in schema order. */
  readonly values: readonly Value[];
  /** Whether unknown strings are kept (an open enum) rather than refused. */
  readonly isOpen: boolean;
  /** Wire values of earlier versions and the current values they are read as; read on request, never written. */
  readonly legacyValues: Readonly<Record<string, Value>>;
  /**
   * The value `text` stands for: a current value (canonical spelling), an unknown string of an open enum (as written),
   * a legacy value's current value when `acceptLegacy` is true; otherwise undefined.
   */
  match(text: string, acceptLegacy: boolean): string | undefined;
  /** Whether `value` is exactly one of the current values. */
  is(value: unknown): value is Value;
}

/** Builds the matching part of `WireValues` over `values` and `legacy`. */
export function wireValues<Value extends string>(
  name: string,
  values: readonly Value[],
  isOpen: boolean,
  legacy: Readonly<Record<string, Value>>,
): WireValues<Value> {
  const current = new Set<string>(values);
  // Canonical equivalence is equality of NFC forms; keys here are NFC.
  const byCanonicalForm = new Map<string, Value>();
  for (const value of values) byCanonicalForm.set(value.normalize("NFC"), value);
  const legacyByCanonicalForm = new Map<string, Value>();
  for (const key of Object.keys(legacy)) legacyByCanonicalForm.set(key.normalize("NFC"), legacy[key] as Value);
  const frozenValues = Object.freeze(values.slice());
  const frozenLegacy: Readonly<Record<string, Value>> = Object.freeze(Object.assign(Object.create(null), legacy));
  return {
    name,
    values: frozenValues,
    isOpen,
    legacyValues: frozenLegacy,
    match(text: string, acceptLegacy: boolean): string | undefined {
      if (current.has(text)) return text;
      const canonical = text.normalize("NFC");
      const equivalent = byCanonicalForm.get(canonical);
      if (equivalent !== undefined) return equivalent;
      if (isOpen) return text;
      if (acceptLegacy) return legacyByCanonicalForm.get(canonical);
      return undefined;
    },
    is(value: unknown): value is Value {
      return typeof value === "string" && current.has(value);
    },
  };
}

/** The current value `text` is a legacy spelling of, if it is one (for the message of an unknown value). */
export function legacyTarget(spec: WireValues<string>, text: string): string | undefined {
  const canonical = text.normalize("NFC");
  for (const key of Object.keys(spec.legacyValues)) {
    if (key.normalize("NFC") === canonical) return spec.legacyValues[key];
  }
  return undefined;
}
