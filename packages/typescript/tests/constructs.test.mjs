// The constructs the bundled schemas leave out, through tests/constructs.ts (tests/constructs.yaml): open enums,
// doubles, timestamps, maps, nested and recursive models, optional keys with defaults, additional keys, rules.
import { test } from "node:test";
import assert from "node:assert/strict";

import {
  createRun, createStep, encodeRun, ExecutionType, parseRun, parseStep, RunError, RunStatus, runViolations, validateRun,
} from "../dist-tests/constructs.js";
import { ValidationFailure } from "../dist/runtime/index.js";
import { failure } from "./support/record-failure.mjs";

const minimal = '{"id":1,"execution_type":"workflow","status":"running","started_at":"2026-01-01T00:00:00Z","counts":null}';


test("absent optional keys take their defaults, fresh containers for each record", () => {
  const first = parseRun(minimal);
  assert.deepEqual(first, createRun({ id: 1, execution_type: "workflow", status: "running",
      started_at: "2026-01-01T00:00:00Z", counts: null }));
  assert.equal(first.priority, "normal");
  assert.equal(first.score, 0.5);
  assert.equal(first.note, "none");
  assert.equal(first.metadata, null);
  const second = parseRun(minimal);
  assert.notEqual(first.tags, second.tags);
  assert.notEqual(first.labels, second.labels);
});

test("an open enum keeps values it does not know, and knows its own", () => {
  const run = parseRun(minimal.replace('"workflow"', '"batch_import"'));
  assert.equal(run.execution_type, "batch_import");
  assert.equal(ExecutionType.isKnown(run.execution_type), false);
  assert.equal(ExecutionType.isKnown("agent_test"), true);
  assert.ok(encodeRun(run).includes('"execution_type":"batch_import"'));
  assert.deepEqual(failure(() => parseRun(minimal.replace('"workflow"', "7"))), { category: "wrong_type",
      path: "$.execution_type" });
});

test("keys that are not fields are skipped when the model allows them, and never written", () => {
  const run = parseRun(minimal.replace("{", '{"extra":{"deep":[1,2.5,null]},"also":"x",'));
  assert.equal("extra" in run, false);
  assert.equal(encodeRun(run).includes("extra"), false);
  // Skipped values are still strict JSON.
  assert.deepEqual(failure(() => parseRun(minimal.replace("{", '{"extra":{"a":1,"a":2},'))),
      { category: "duplicate_key", path: "$.extra.a" });
  assert.deepEqual(failure(() => parseRun(minimal.replace("{", '{"extra":1e999,'))),
      { category: "number_out_of_range", path: "$.extra" });
});

test("nested and recursive models are read with their own defaults, rules and paths", () => {
  const run = parseRun(minimal.replace("}",
      ',"steps":[{"name":"a","started_at":null,"children":[{"name":"b","started_at":null}]}]}'));
  assert.equal(run.steps[0].children[0].attempt, 1);
  assert.deepEqual(run.steps[0].children[0].children, []);
  assert.deepEqual(failure(() => parseRun(minimal.replace("}",
      ',"steps":[{"name":"a","started_at":null,"children":[{"name":"b","started_at":null,"attempt":0}]}]}'))),
    { category: "rule:attempt_positive", path: "$.steps[0].children[0]" });
  assert.deepEqual(failure(() => parseRun(minimal.replace("}",
      ',"steps":[{"name":"a","started_at":null,"children":[{"name":"b"}]}]}'))),
    { category: "missing_field", path: "$.steps[0].children[0]" });
  assert.deepEqual(failure(() => parseRun(minimal.replace("}",
      ',"steps":[{"name":"a","started_at":null,"children":[7]}]}'))),
    { category: "not_an_object", path: "$.steps[0].children[0]" });
  assert.deepEqual(failure(() => parseRun(minimal.replace("}", ',"parent":[]}'))), { category: "not_an_object",
      path: "$.parent" });
  assert.deepEqual(failure(() => parseRun(minimal.replace("}", ',"steps":[null]}'))), { category: "wrong_type",
      path: "$.steps[0]" });
  assert.equal(parseRun(minimal.replace("}", ',"parent":null}')).parent, null);
});

test("maps take any keys, refuse null values unless json, and check their element type", () => {
  const run = parseRun(minimal.replace('"counts":null',
      '"counts":{"a b":1,"":-2,"__proto__":3},"flags":{"x":[true],"y":[]}'));
  assert.deepEqual(Object.keys(run.counts), ["a b", "", "__proto__"]);
  assert.deepEqual(failure(() => parseRun(minimal.replace('"counts":null', '"counts":{"a b":null}'))),
      { category: "wrong_type", path: '$.counts["a b"]' });
  assert.deepEqual(failure(() => parseRun(minimal.replace('"counts":null', '"counts":{"a":1.5}'))),
      { category: "wrong_type", path: "$.counts.a" });
  assert.deepEqual(failure(() => parseRun(minimal.replace('"counts":null', '"counts":{},"flags":{"x":[true,1]}'))),
      { category: "wrong_type", path: "$.flags.x[1]" });
  assert.deepEqual(parseRun(minimal.replace("}", ',"attachments":[null,{"a":null}]}')).attachments, [null,
      { a: null }]);
});

test("timestamps must be RFC 3339 and compare by instant in rules", () => {
  assert.deepEqual(failure(() => parseRun(minimal.replace("2026-01-01T00:00:00Z", "2026-01-01"))),
      { category: "invalid_timestamp", path: "$.started_at" });
  const finished = (text) => minimal.replace("}", `,"finished_at":"${text}","duration_ms":1}`);
  assert.equal(parseRun(finished("2026-01-01T08:00:00+08:00")).finished_at, "2026-01-01T08:00:00+08:00");
  assert.deepEqual(failure(() => parseRun(finished("2026-01-01T07:59:59.999999+08:00"))),
      { category: "rule:finished_after_started", path: "$" });
  assert.deepEqual(failure(() => parseRun(minimal.replace("}", ',"finished_at":"2026-01-02T00:00:00Z"}'))),
      { category: "rule:duration_iff_finished", path: "$" });
});

test("rules over doubles, ints, big literals, open enums and text hold as in Swift", () => {
  assert.deepEqual(failure(() => parseRun(minimal.replace("}", ',"score":1}'))), { category: "rule:score_is_not_id",
      path: "$" });
  assert.deepEqual(failure(() => parseRun(minimal.replace("}", ',"score":1.0e0}'))),
      { category: "rule:score_is_not_id", path: "$" });
  assert.deepEqual(failure(() => parseRun(minimal.replace('"id":1', '"id":0'))), { category: "rule:id_in_range",
      path: "$" });
  assert.equal(parseRun(minimal.replace('"id":1', '"id":9007199254740991')).id, 9007199254740991);
  const agentTest = minimal.replace('"workflow"', '"agent\\u005ftest"').replace("}", ',"priority":"low"}');
  assert.deepEqual(failure(() => parseRun(agentTest)), { category: "rule:agent_tests_are_not_low", path: "$" });
  assert.deepEqual(failure(() => parseRun(minimal.replace("}", ',"note":"reser\\u0076ed"}'))),
      { category: "rule:note_not_reserved", path: "$" });
  const finishedAt = ',"finished_at":"2026-01-01T00:00:00Z"';
  assert.equal(parseRun(minimal.replace("}", `${finishedAt},"duration_ms":-0.0}`)).duration_ms, -0);
  assert.deepEqual(failure(() => parseRun(minimal.replace("}", `${finishedAt},"duration_ms":-1e-300}`))),
      { category: "rule:duration_non_negative", path: "$" });
  assert.deepEqual(failure(() => parseRun(minimal.replace('"status":"running"', '"status":"failed"'))),
      { category: "rule:unsuccessful_has_error", path: "$" });
  assert.equal(parseRun(minimal.replace('"status":"running"', '"status":"failed","error":"R003"')).error, "R003");
});

test("the first broken rule in schema order is reported, and violations lists them all", () => {
  const run = createRun({ id: 0, execution_type: "agent_test", priority: "low", status: "failed",
      started_at: "2026-01-01T00:00:00Z",
    counts: null, note: "reser\u0076ed", duration_ms: -1, score: 2 });
  assert.deepEqual(runViolations(run).map((v) => v.ruleId),
    ["duration_iff_finished", "duration_non_negative", "score_in_range", "id_in_range", "unsuccessful_has_error",
      "agent_tests_are_not_low", "note_not_reserved", "parent_or_metadata"]);
  assert.throws(() => validateRun(run), (e) => e instanceof ValidationFailure && e.violations.length === 8);
  assert.deepEqual(failure(() => encodeRun(run)), { category: "rule:duration_iff_finished", path: "$" });
});

test("the encoder refuses values that would not decode, naming the path", () => {
  const run = parseRun(minimal);
  assert.deepEqual(failure(() => encodeRun({ ...run, score: NaN })), { category: "number_out_of_range",
      path: "$.score" });
  assert.deepEqual(failure(() => encodeRun({ ...run, started_at: "yesterday" })), { category: "invalid_timestamp",
      path: "$.started_at" });
  assert.deepEqual(failure(() => encodeRun({ ...run, status: "done" })), { category: "unknown_enum_value",
      path: "$.status" });
  assert.deepEqual(failure(() => encodeRun({ ...run, labels: { a: 1 } })), { category: "wrong_type",
      path: "$.labels.a" });
  assert.deepEqual(failure(() => encodeRun({ ...run, metadata: { when: new Date() } })), { category: "wrong_type",
      path: "$.metadata.when" });
  assert.deepEqual(failure(() => encodeRun({ ...run, note: "\udc00" })), { category: "lone_surrogate",
      path: "$.note" });
  assert.deepEqual(failure(() => encodeRun({ ...run, parent: { name: "p" } })), { category: "missing_field",
      path: "$.parent" });
  assert.deepEqual(failure(() => encodeRun({ ...run, tags: "a" })), { category: "wrong_type", path: "$.tags" });
  const { note, ...withoutNote } = run;
  assert.equal(note, "none");
  assert.deepEqual(failure(() => encodeRun(withoutNote)), { category: "missing_field", path: "$" });
  assert.deepEqual(failure(() => encodeRun({ ...run, metadata: JSON.parse("[".repeat(600) + "]".repeat(600)) })),
      { category: "too_deep", path: "$.metadata" + "[0]".repeat(511) });
  // The same path as the decoder gives for that text.
  assert.deepEqual(failure(() => parseRun(minimal.replace("}", `,"metadata":${"[".repeat(600)}${"]".repeat(600)}}`))),
      { category: "too_deep", path: "$.metadata" + "[0]".repeat(511) });
});

test("random valid runs survive encode then parse unchanged", () => {
  let seed = 7;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const pick = (items) => items[Math.floor(random() * items.length)];
  const json = (depth) => {
    const kind = Math.floor(random() * (depth > 3 ? 4 : 6));
    return [() => null, () => random() < 0.5, () => pick([0, -0, 1.5, -1e-7, 1e21, 2 ** 53 + 2, 123]), () => pick(["",
        "x", "é\u0301", "\u{1F600}", "a\"b\\c\n"]),
      () => Array.from({ length: Math.floor(random() * 3) }, () => json(depth + 1)),
      () => Object.fromEntries(Array.from({ length: Math.floor(random() * 3) }, (_, i) => [pick(["a", "b", "0",
          "__proto__", "k" + i]), json(depth + 1)]))][kind]();
  };
  const step = (depth) => createStep({ name: pick(["a", "b"]), started_at: pick([null,
      "2026-01-01T00:00:00.123456789-05:00"]),
    attempt: 1 + Math.floor(random() * 3), children: depth < 2 ? Array.from({ length: Math.floor(random() * 2) },
        () => step(depth + 1)) : [] });
  for (let i = 0; i < 300; i++) {
    const status = pick(RunStatus.values);
    const unsuccessful = ["failed", "timeout", "canceled"].includes(status);
    const finished = random() < 0.5;
    const run = createRun({
      id: 1 + Math.floor(random() * 2 ** 52), execution_type: pick(["workflow", "agent_test", "new\u00e9"]),
          priority: pick(["normal", "high"]),
      status, started_at: "2026-01-01T00:00:00Z", finished_at: finished ? "2026-01-01T00:00:01Z" : null,
          duration_ms: finished ? random() * 100 : null,
      score: random(), tags: [pick(["x", "y"])], labels: { [pick(["a", "b c"])]: "v" }, counts: random() < 0.5
          ? null : { n: Math.floor(random() * 100) - 50 },
      steps: Array.from({ length: Math.floor(random() * 3) }, () => step(0)), parent: random() < 0.5 ? null : step(1),
      metadata: json(0), attachments: [json(1)], flags: { f: [true, false] }, note: pick(["", "n", "reserve"]),
          error: unsuccessful ? pick(RunError.values) : null,
    });
    assert.deepEqual(runViolations(run), []);
    const text = encodeRun(run);
    assert.deepEqual(parseRun(text), run, text);
    assert.deepEqual(parseRun(new TextEncoder().encode(text)), run, text);
  }
});

test("a recursive model nested beyond the stack is too_deep, even with the depth limit lifted", () => {
  const levels = 200000;
  const text = '{"name":"a","started_at":null,"children":['.repeat(levels) + '{"name":"z","started_at":null}'
      + "]}".repeat(levels);
  assert.equal(failure(() => parseStep(text)).category, "too_deep");
  assert.equal(failure(() => parseStep(text, { limits: { maxDepth: Infinity } })).category, "too_deep");
});

test("the encoder names the lone surrogate, not the first half of a valid pair before it", () => {
  const run = parseRun(minimal);
  const error = (() => { try { encodeRun({ ...run, note: "a\u{1F600}b\udc00c" }); } catch (e) { return e; } })();
  assert.equal(error.category, "lone_surrogate");
  assert.match(error.message, /U\+DC00/);
});

test("an integer written with a fraction is refused wherever it stands, keys that JSON.parse reorders included", () => {
  const withExtra = (extra, id) => minimal.replace('{"id":1', `{${extra}"id":${id}`);
  assert.equal(parseRun(withExtra('"0":[1.5,2e0],', "1")).id, 1);
  assert.deepEqual(failure(() => parseRun(withExtra('"0":[1.5,2e0],', "1.0"))), { category: "wrong_type", path: "$.id" });
  assert.deepEqual(failure(() => parseRun(withExtra('"x":0.5,', "1e0"))), { category: "wrong_type", path: "$.id" });
  const counts = (text) => minimal.replace('"counts":null', `"counts":${text}`);
  assert.deepEqual(parseRun(counts('{"2":1,"1":2,"b":3}')).counts, { 1: 2, 2: 1, b: 3 });
  assert.deepEqual(failure(() => parseRun(counts('{"2":1.0,"1":2,"b":3}'))), { category: "wrong_type", path: '$.counts["2"]' });
  assert.deepEqual(failure(() => parseRun(counts('{"2":1,"1":2,"b":3.5}'))), { category: "wrong_type", path: "$.counts.b" });
});
