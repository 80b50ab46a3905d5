import { WireValues, wireValues } from "./wire-values.js";

/** A closed enum's const object: its values, matched strictly. */
export type Enumeration<Value extends string> = WireValues<Value>;

/**
 * Any string an open enum may hold besides its known values: open enums keep values from newer producers. (`string &
 * Record<never, never>` keeps editors suggesting the known values.)
 */
export type OtherString = string & Record<never, never>;

/** An open enum's const object: its known values; `isKnown` tells them from the strings it keeps. */
export interface OpenEnumeration<Known extends string> extends WireValues<Known> {
  /** Whether `value` is one of the values the schema lists. */
  isKnown(value: string): value is Known;
}

/** What `enumeration` and `openEnumeration` take. */
export interface EnumerationDefinition<Value extends string> {
  readonly name: string;
  /** The values, in schema order. */
  readonly values: readonly Value[];
}

/** Builds a closed enum's const object. */
export function enumeration<Value extends string>(definition: EnumerationDefinition<Value>): Enumeration<Value> {
  return Object.freeze(wireValues<Value>(definition.name, definition.values, false, {}));
}

/** Builds an open enum's const object. */
export function openEnumeration<Known extends string>(
  definition: EnumerationDefinition<Known>,
): OpenEnumeration<Known> {
  const values = wireValues<Known>(definition.name, definition.values, true, {});
  return Object.freeze({ ...values, isKnown: (value: string): value is Known => values.is(value) });
}
