// Names that mean something to JavaScript, through tests/names.ts (tests/names.yaml): fields, states and enum values
// called `__proto__`, `constructor`, `toString`, `hasOwnProperty`, keywords and array indices are ordinary names.
import { test } from "node:test";
import assert from "node:assert/strict";

import { createNamed, encodeNamed, namedModel, parseNamed, Phase, Word } from "../dist-tests/names.js";
import { readRecord, resolveJsonLimits } from "../dist/runtime/index.js";
import { failure } from "./support/record-failure.mjs";

const minimal = '{"constructor":"c","__proto__":"toString"}';


test("a field called __proto__ is an own property and leaves the prototype alone", () => {
  const value = parseNamed(minimal);
  assert.equal(Object.getPrototypeOf(value), Object.prototype);
  assert.ok(Object.prototype.hasOwnProperty.call(value, "__proto__"));
  assert.equal(value["__proto__"], "toString");
  assert.deepEqual(Object.keys(value).sort(), ["__proto__", "constructor", "default", "hasOwnProperty", "toString", "valueOf"]);
});

test("absent optional fields named like Object.prototype members take their defaults", () => {
  const value = parseNamed(minimal);
  assert.equal(value.toString, "class");
  assert.deepEqual(value.hasOwnProperty, {});
  assert.equal(value.valueOf, 0);
  assert.equal(value.default, null);
  assert.deepEqual(value, createNamed({ constructor: "c", ["__proto__"]: "toString" }));
});

test("the fast path and the exact reader give the same value for names JavaScript treats specially", () => {
  const limits = resolveJsonLimits(undefined);
  for (const text of [minimal, '{"__proto__":"__proto__","toString":"0","constructor":"","hasOwnProperty":{"__proto__":1,"0":2},"default":true,"valueOf":-3}']) {
    assert.deepEqual(readRecord(namedModel, new TextEncoder().encode(text), limits, false), parseNamed(text));
    assert.deepEqual(parseNamed(encodeNamed(parseNamed(text))), parseNamed(text));
  }
});

test("special names are still checked: repeated, missing, unknown and wrongly typed", () => {
  assert.deepEqual(failure(() => parseNamed('{"constructor":"c","__proto__":"toString","__proto__":"toString"}')), { category: "duplicate_key", path: "$.__proto__" });
  assert.deepEqual(failure(() => parseNamed('{"constructor":"c"}')), { category: "missing_field", path: "$" });
  assert.deepEqual(failure(() => parseNamed('{"constructor":"c","__proto__":"toString","prototype":1}')), { category: "unknown_field", path: "$.prototype" });
  assert.deepEqual(failure(() => parseNamed('{"constructor":"c","__proto__":"x"}')), { category: "unknown_enum_value", path: "$.__proto__" });
  assert.deepEqual(failure(() => parseNamed('{"constructor":1,"__proto__":"toString"}')), { category: "wrong_type", path: "$.constructor" });
  assert.deepEqual(failure(() => encodeNamed({ constructor: "c" })), { category: "missing_field", path: "$" });
});

test("states called constructor, toString and __proto__ have exactly the moves and outcomes the schema gives", () => {
  assert.deepEqual(Phase.values, ["constructor", "toString", "__proto__"]);
  assert.deepEqual(Phase.values.map((s) => Phase.isTerminal(s)), [false, false, true]);
  assert.deepEqual(Phase.values.map((s) => Phase.outcome(s)), [null, null, "success"]);
  assert.deepEqual(Phase.allowedTransitions("constructor"), ["toString"]);
  assert.deepEqual(Phase.allowedTransitions("__proto__"), []);
  assert.equal(Phase.transition("toString", "__proto__"), "__proto__");
  assert.throws(() => Phase.transition("__proto__", "constructor"), (e) => e.isFromTerminalState);
  assert.equal(Phase.is("hasOwnProperty"), false);
});

test("enum values that are keywords or array indices are ordinary values", () => {
  assert.deepEqual(Word.values, ["default", "class", "function", "delete", "valueOf", "hasOwnProperty", "0", "1"]);
  assert.equal(Word.is("0"), true);
  assert.equal(Word.is("toString"), false);
  assert.equal(parseNamed('{"constructor":"c","__proto__":"toString","toString":"1"}').toString, "1");
});
