// Decoding and encoding records: the repository's record fixtures, the order in which problems are reported,
// limits at their edges, text input, and values that JSON.parse alone would get wrong.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

import {
  createTaskStepResult, encodeTaskStepResult, parseTaskStepResult, taskStepResultModel,
} from "../dist/execution.js";
import { encodeSubTask, parseSubTask } from "../dist/task_pipeline.js";
import { readRecord, resolveJsonLimits } from "../dist/runtime/index.js";
import { failure } from "./support/record-failure.mjs";

const fixtures = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "Tests", "Fixtures", "records");
const valid = '{"step":"s","result":null,"completed":false,"message":"","status":"pending","error_code":null,"error_message":null}';


function lines(name) {
  return readFileSync(join(fixtures, name), "utf8").split("\n").filter((line) => line.trim() !== "");
}

test("every valid fixture record parses, from text and from bytes alike", () => {
  for (const line of lines("execution_valid.jsonl")) {
    const value = parseTaskStepResult(line);
    assert.deepEqual(parseTaskStepResult(new TextEncoder().encode(line)), value);
  }
});

test("every invalid fixture record fails with the category and path the Swift decoder reports", () => {
  const expected = lines("execution_invalid.expected").map((line) => {
    const match = /: error: \[([^\]]+)\] .* at (\$.*)$/.exec(line);
    assert.ok(match, line);
    return { category: match[1], path: match[2] };
  });
  const records = readFileSync(join(fixtures, "execution_invalid.jsonl")).toString("latin1").split("\n");
  records.forEach((line, index) => {
    const wanted = expected[index];
    // A blank line is `empty_line` in JSON Lines; as a record it is text with no JSON value.
    if (wanted === undefined || wanted.category === "empty_line") return;
    const bytes = Buffer.from(line, "latin1");
    assert.deepEqual(failure(() => parseTaskStepResult(new Uint8Array(bytes))), wanted, `line ${index + 1}: ${line}`);
  });
});

test("encoding then parsing gives back an equal value for every valid fixture", () => {
  for (const line of lines("execution_valid.jsonl")) {
    const value = parseTaskStepResult(line);
    assert.deepEqual(parseTaskStepResult(encodeTaskStepResult(value)), value);
  }
});

test("encoding writes every key in schema order with explicit nulls", () => {
  const value = createTaskStepResult({ status: "running", step: "s", result: { b: 1, a: [true, -0, 1.5e300] } });
  assert.equal(encodeTaskStepResult(value),
    '{"step":"s","result":{"b":1,"a":[true,-0,1.5e+300]},"completed":false,"message":"","status":"running","error_code":null,"error_message":null}');
});

test("a key the model does not define is reported before its malformed value is read", () => {
  assert.deepEqual(failure(() => parseTaskStepResult('{"zzz":[1,}')), { category: "unknown_field", path: "$.zzz" });
});

test("a value of the wrong type is reported only once the value is known to be well-formed JSON", () => {
  assert.deepEqual(failure(() => parseTaskStepResult('{"step":[1,}')), { category: "malformed_json",
      path: "$.step[1]" });
  assert.deepEqual(failure(() => parseTaskStepResult('{"step":nope}')), { category: "malformed_json", path: "$.step" });
  assert.deepEqual(failure(() => parseTaskStepResult('{"step":42abc}')), { category: "malformed_json",
      path: "$.step" });
  assert.deepEqual(failure(() => parseTaskStepResult('{"step":[1]}')), { category: "wrong_type", path: "$.step" });
});

test("missing keys are reported after the object closes, in schema order, before any rule", () => {
  assert.deepEqual(failure(() => parseTaskStepResult('{"completed":true,"status":"pending"}')),
      { category: "missing_field", path: "$" });
  const error = (() => { try { parseTaskStepResult('{"completed":true,"status":"pending"}'); } catch (e) { return e; } })();
  assert.match(error.message, /"step"/);
});

test("a nullable key must still be present, as an explicit null", () => {
  const record = valid.replace(',"error_message":null', "");
  assert.deepEqual(failure(() => parseTaskStepResult(record)), { category: "missing_field", path: "$" });
});

test("a repeated key is reported at its second occurrence, at any depth", () => {
  assert.deepEqual(failure(() => parseTaskStepResult(valid.replace('"step":"s"', '"step":"s","step":"t"'))),
      { category: "duplicate_key", path: "$.step" });
  assert.deepEqual(failure(() => parseTaskStepResult(valid.replace('"result":null',
      '"result":{"a":[{"b":1,"\\u0062":2}]}'))),
    { category: "duplicate_key", path: "$.result.a[0].b" });
});

test("rules are checked last, and the first broken rule in schema order is reported", () => {
  const record = valid.replace('"completed":false', '"completed":true').replace('"error_code":null',
      '"error_code":"E001"');
  assert.deepEqual(failure(() => parseTaskStepResult(record)), { category: "rule:completed_iff_status_completed",
      path: "$" });
});

test("keys that are not identifiers are written in paths as quoted JSON strings", () => {
  const record = valid.replace('"result":null', '"result":{"a b":{"q\\"":{"x":1,"x":2}},"":[{"\\n":1,"\\n":1}]}');
  assert.deepEqual(failure(() => parseTaskStepResult(record)), { category: "duplicate_key",
      path: '$.result["a b"]["q\\""].x' });
  const second = valid.replace('"result":null', '"result":{"":[{"\\n":1,"\\n":1}]}');
  assert.deepEqual(failure(() => parseTaskStepResult(second)), { category: "duplicate_key",
      path: '$.result[""][0]["\\n"]' });
});

test("legacy values are read as the states they mean only when asked for", () => {
  const record = valid.replace('"status":"pending"', '"status":"success"').replace('"completed":false',
      '"completed":true');
  assert.deepEqual(failure(() => parseTaskStepResult(record)), { category: "unknown_enum_value", path: "$.status" });
  assert.equal(parseTaskStepResult(record, { acceptLegacy: true }).status, "completed");
  assert.equal(encodeTaskStepResult(parseTaskStepResult(record,
      { acceptLegacy: true })).includes('"status":"completed"'), true);
});

test("an enum value spelled with canonically equivalent characters is that value, as in Swift", () => {
  const record = '{"id":"a","parent_id":"p","task_type":"CODE_GEN","status":"BLOC\\u212aED","dependencies":[],"input_context":null,"output_result":null,"retry_count":0,"max_retries":3,"error_code":"P005"}';
  assert.equal(parseSubTask(record).status, "BLOCKED");
  assert.equal(parseSubTask(record.replace("\\u212a", "\u212a")).status, "BLOCKED");
});

test("an int field refuses a fraction or exponent, and integers a JavaScript number cannot hold exactly", () => {
  const record = '{"id":"a","parent_id":"p","task_type":"CODE_GEN","status":"PENDING","dependencies":[],"input_context":null,"output_result":null,"retry_count":0,"max_retries":3,"error_code":null}';
  for (const written of ["3.0", "3e0", "0.3e1"]) {
    assert.deepEqual(failure(() => parseSubTask(record.replace('"max_retries":3', `"max_retries":${written}`))),
        { category: "wrong_type", path: "$.max_retries" });
  }
  for (const written of ["9007199254740992", "-9007199254740992", "9223372036854775807", "1" + "0".repeat(30)]) {
    assert.deepEqual(failure(() => parseSubTask(record.replace('"max_retries":3', `"max_retries":${written}`))),
        { category: "number_out_of_range", path: "$.max_retries" });
  }
  assert.equal(parseSubTask(record.replace('"max_retries":3', '"max_retries":9007199254740991')).max_retries,
      9007199254740991);
  assert.ok(Object.is(parseSubTask(record.replace('"retry_count":0', '"retry_count":-0')).retry_count, 0));
  // A fraction elsewhere in the record does not make the integers suspect.
  const withFraction = record.replace('"input_context":null', '"input_context":{"x":1.5,"e":true}');
  assert.equal(parseSubTask(withFraction).max_retries, 3);
});

test("an int beyond ±(2^53−1) is refused by the encoder too, and a fraction is not an int", () => {
  const value = parseSubTask('{"id":"a","parent_id":"p","task_type":"CODE_GEN","status":"PENDING","dependencies":[],"input_context":null,"output_result":null,"retry_count":0,"max_retries":3,"error_code":null}');
  assert.deepEqual(failure(() => encodeSubTask({ ...value, max_retries: 2 ** 53 })),
      { category: "number_out_of_range", path: "$.max_retries" });
  assert.deepEqual(failure(() => encodeSubTask({ ...value, max_retries: 1.5 })), { category: "wrong_type",
      path: "$.max_retries" });
  assert.deepEqual(failure(() => encodeSubTask({ ...value, dependencies: ["a", null] })), { category: "wrong_type",
      path: "$.dependencies[1]" });
});

test("text with a lone surrogate has no UTF-8 form and is refused as invalid_utf8 where it stands", () => {
  const record = valid.replace('"message":""', '"message":"a\ud800b"');
  assert.deepEqual(failure(() => parseTaskStepResult(record)), { category: "invalid_utf8", path: "$.message" });
});

test("an escaped lone surrogate is refused wherever it is, keys included", () => {
  for (const [from, to, path] of [['"message":""', '"message":"\\ud800"', "$.message"], ['"result":null',
      '"result":{"\\udc00":1}', "$.result"],
    ['"result":null', '"result":["\\ud83dA"]', "$.result[0]"]]) {
    assert.deepEqual(failure(() => parseTaskStepResult(valid.replace(from, to))), { category: "lone_surrogate", path });
  }
  assert.equal(parseTaskStepResult(valid.replace('"message":""', '"message":"\\ud83d\\ude00"')).message, "\u{1F600}");
});

test("a key named __proto__ is an ordinary member of a json value, as JSON.parse keeps it", () => {
  const value = parseTaskStepResult(valid.replace('"result":null', '"result":{"__proto__":{"polluted":true},"a":1}'));
  assert.equal(Object.getPrototypeOf(value.result), Object.prototype);
  assert.deepEqual(Object.keys(value.result), ["__proto__", "a"]);
  assert.equal({}.polluted, undefined);
  const exact = readRecord(taskStepResultModel, new TextEncoder().encode(valid.replace('"result":null',
      '"result":{"__proto__":{"polluted":true},"a":1}')), resolveJsonLimits(undefined), false);
  assert.deepEqual(exact, value);
  assert.deepEqual(parseTaskStepResult(encodeTaskStepResult(value)), value);
});

test("enumerable properties added to Object.prototype do not change a verdict", () => {
  Object.prototype.injected = "x"; // eslint-disable-line no-extend-native
  try {
    assert.equal(parseTaskStepResult(valid).status, "pending");
    assert.deepEqual(failure(() => parseTaskStepResult(valid.replace(',"error_message":null', ""))),
        { category: "missing_field", path: "$" });
  } finally {
    delete Object.prototype.injected;
  }
});

test("every limit at 0, -1 and NaN refuses what it bounds, and Infinity lifts it", () => {
  const record = valid.replace('"result":null', '"result":[[{"k":"long string"}]]');
  for (const bad of [0, -1, NaN]) {
    assert.deepEqual(failure(() => parseTaskStepResult(record, { limits: { maxDepth: bad } })),
        { category: "too_deep", path: "$" });
    assert.deepEqual(failure(() => parseTaskStepResult(record, { limits: { maxStringLength: bad } })),
        { category: "too_long", path: "$" });
    assert.deepEqual(failure(() => parseTaskStepResult(record, { limits: { maxKeysPerObject: bad } })),
        { category: "too_long", path: "$" });
    assert.deepEqual(failure(() => parseTaskStepResult(record, { limits: { maxInputLength: bad } })),
        { category: "too_long", path: "$" });
  }
  assert.deepEqual(failure(() => parseTaskStepResult(record, { limits: { maxDepth: 3 } })), { category: "too_deep",
      path: "$.result[0][0]" });
  assert.deepEqual(failure(() => parseTaskStepResult(record, { limits: { maxStringLength: 9 } })),
      { category: "too_long", path: "$.result[0][0].k" });
  // A key over the limit is reported with the path of the member before it, where the reader still is.
  assert.deepEqual(failure(() => parseTaskStepResult(record, { limits: { maxStringLength: 5 } })),
      { category: "too_long", path: "$.step" });
  assert.deepEqual(failure(() => parseTaskStepResult(record, { limits: { maxKeysPerObject: 6 } })),
      { category: "too_long", path: "$" });
  const unlimited = { maxDepth: Infinity, maxStringLength: Infinity, maxKeysPerObject: Infinity,
      maxInputLength: Infinity };
  assert.deepEqual(parseTaskStepResult(record, { limits: unlimited }), parseTaskStepResult(record));
  assert.deepEqual(parseTaskStepResult(record, { limits: { maxDepth: 4, maxStringLength: 13, maxKeysPerObject: 7,
      maxInputLength: record.length } }),
    parseTaskStepResult(record));
});

test("nesting far beyond the limit is too_deep, not a stack overflow", () => {
  const deep = valid.replace('"result":null', `"result":${"[".repeat(100000)}${"]".repeat(100000)}`);
  assert.deepEqual(failure(() => parseTaskStepResult(deep)), { category: "too_deep", path: "$.result"
      + "[0]".repeat(511) });
  assert.deepEqual(failure(() => parseTaskStepResult(deep, { limits: { maxDepth: 1e9 } })).category ?? "valid",
      "valid");
});

test("input that is neither text nor bytes is a TypeError", () => {
  assert.throws(() => parseTaskStepResult(42), TypeError);
  assert.throws(() => parseTaskStepResult({ step: "s" }), TypeError);
});

test("a byte-order mark, trailing data and a record that is not an object have their own categories", () => {
  assert.deepEqual(failure(() => parseTaskStepResult("\ufeff" + valid)), { category: "byte_order_mark", path: "$" });
  assert.deepEqual(failure(() => parseTaskStepResult(valid + " x")), { category: "trailing_data", path: "$" });
  assert.deepEqual(failure(() => parseTaskStepResult(`[${valid}]`)), { category: "not_an_object", path: "$" });
  assert.deepEqual(failure(() => parseTaskStepResult("[1] x")), { category: "trailing_data", path: "$" });
  assert.deepEqual(failure(() => parseTaskStepResult("")), { category: "malformed_json", path: "$" });
});
