#!/usr/bin/env node
// Differential test of the TypeScript decoders against the Swift oracle, `contractgen validate`.
//
// Seeded mutations of valid records (those of Tests/DifferentialDecodingTests.swift and more: values replaced after a
// colon, bytes flipped or inserted, truncation, members dropped or repeated, enum values swapped, invalid UTF-8,
// escapes, deep nesting), plus every combination of small value sets for the fields rules read, are written as JSON
// Lines for four models (TaskStepResult, SubTask, the Run of tests/constructs.yaml and the Named of tests/names.yaml)
// and judged by `contractgen validate --format json`, with and without --accept-legacy. Every line must get the same
// verdict, category and path from the TypeScript module, and the fast path must agree with the exact reader on the
// verdict, the error and the value. Documented differences are counted apart: an `int` beyond ±(2^53−1), which
// TypeScript refuses as number_out_of_range.
//
//   node tests/differential.mjs [--contractgen PATH] [--cases N] [--seed S] [--keep DIR]
//   (--contractgen defaults to .build/debug/contractgen of the repository)
//
// Run after `npm run build` and `tsc -p tests` (the `test` script does both). Exit 0 when nothing disagrees.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync, copyFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { isDeepStrictEqual } from "node:util";

import { parseTaskStepResult, taskStepResultModel } from "../dist/execution.js";
import { parseSubTask, subTaskModel } from "../dist/task_pipeline.js";
import { readRecord, resolveJsonLimits, RecordError } from "../dist/runtime/index.js";
import { parseRun, runModel } from "../dist-tests/constructs.js";
import { namedModel, parseNamed } from "../dist-tests/names.js";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..", "..");
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : fallback;
};
const contractgen = option("--contractgen", process.env.CONTRACTGEN ?? join(root, ".build", "debug", "contractgen"));
const casesPerSeed = Number(option("--cases", "400"));
let seed = Number(option("--seed", "24301")) >>> 0;
const keep = option("--keep", undefined);

// mulberry32: small, seeded, the same mutations on every run.
function random() {
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const below = (n) => Math.floor(random() * n);
const pick = (items) => items[below(items.length)];
const enc = new TextEncoder();

const taskStepSeeds = readFileSync(join(root, "Tests/Fixtures/records/execution_valid.jsonl"),
    "utf8").split("\n").filter((l) => l.trim() !== "");
const subTaskSeeds = [
  { id: "a1", parent_id: "p", task_type: "CODE_GEN", status: "PENDING", dependencies: [],
      input_context: { prompt: "写代码", n: 3 }, output_result: null, retry_count: 0, max_retries: 3, error_code: null },
  { id: "a2", parent_id: "p", task_type: "API_CALL", status: "FAILED", dependencies: ["a1", "a0"],
      input_context: null, output_result: null, retry_count: 2, max_retries: 3, error_code: "P002" },
  { id: "a3", parent_id: "p", task_type: "DATA_RETRIEVAL", status: "COMPLETED", dependencies: ["a1"],
      input_context: [1, 2.5, "x"], output_result: { rows: [1, 2] }, retry_count: 1, max_retries: 3, error_code: null },
  { id: "a4", parent_id: "p", task_type: "CODE_GEN", status: "BLOCKED", dependencies: [], input_context: {},
      output_result: null, retry_count: 3, max_retries: 3, error_code: "P005" },
].map((v) => JSON.stringify(v));
subTaskSeeds.push('{"max_retries":0,"retry_count":0,"id":"k","parent_id":"p","task_type":"API_CALL","status":"QUEUED","dependencies":[],"input_context":1e2,"output_result":null,"error_code":null}');
const runSeeds = [
  '{"id":1,"execution_type":"workflow","status":"running","started_at":"2026-01-01T00:00:00Z","counts":null}',
  '{"id":2,"execution_type":"agent_test","priority":"high","status":"failed","started_at":"2026-01-01T00:00:00+08:00","finished_at":"2025-12-31T16:00:00.5Z","duration_ms":0.5,"score":1,"tags":["a","b"],"labels":{"k":"v","a b":"c"},"counts":{"x":1,"y":-2},"steps":[{"name":"s","started_at":null,"children":[{"name":"t","attempt":2,"started_at":"2026-02-28T23:59:59.123456789Z"}]}],"parent":null,"metadata":{"m":[1,2]},"attachments":[null,1,"x"],"flags":{"f":[true,false]},"note":"n","error":"R003","extra":{"x":[1.0]}}',
  '{"id":3,"execution_type":"batch","status":"queued","started_at":"2024-02-29T12:00:00Z","counts":{},"parent":{"name":"p","started_at":"2024-02-29T12:00:00Z"},"error":null,"score":0.25}',
  '{"id":4,"execution_type":"workflow","status":"succeeded","started_at":"2026-01-01T00:00:00Z","finished_at":"2026-01-01T00:00:00.000001Z","duration_ms":1e-3,"counts":null,"metadata":null}',
];

const replacements = ["null", "true", "false", "1", "0", "-1", "1.5", '"x"', '""', "[]", "{}", '"completed"',
    '"E003"', '"failed"',
  '"success"', '"error"', "-0", "1e400", '"\\ud800"', '"\\udc00x"', "1.0", "-0.0", "1e2", "9007199254740991",
      "9007199254740992",
  "-9007199254740992", "9223372036854775808", "12345678901234567890123", '{"b":1.0,"a":[2,{"d":null,"c":0e3}]}',
  '[{"y":1,"x":2}]', '"PENDING"', '"FAILED"', '"BLOC\\u212aED"', '"BLOC\u212aED"', '"P005"', '"P009"', '"CODE_GEN"',
      '"code_gen"',
  '["a",null]', '["a",1]', '[1.0]', '[1,2]', '{"a":1}', '{"a":null}', '{"a":"x","a":"y"}', '"2026-01-01T00:00:00Z"',
  '"2026-02-30T00:00:00Z"', '"2026-01-01t00:00:00Z"', '"2026-01-01T00:00:60Z"', '"2026-01-01T00:00:00.1234567890Z"',
  '"2026-01-01T00:00:00+24:00"', '"2026-01-01T00:00:00-07:30"', '"2024-02-29T23:59:59.999999999-00:00"',
  '"0000-01-01T00:00:00Z"', '"9999-12-31T23:59:59+23:59"', '"2023-02-29T00:00:00Z"', '"2026-01-01T00:00:00.000+00:00"', '"agent_test"', '"agent\\u005ftest"', '"low"',
      '"reserved"',
  '"reser\\u0076ed"', '"R001"', '"canceled"', '{"name":"n","started_at":null}', '{"name":"n"}',
      '[{"name":"n","started_at":null,"attempt":0}]',
  '"\\u00e9"', '"e\\u0301"', "[".repeat(600) + "]".repeat(600), '{"x":' + "[".repeat(511) + "]".repeat(511) + "}",
      "01", "1.", ".5",
  "NaN", "-Infinity", "tru", "nul", '"\\x"', '"a\tb"', "'x'", '"\\uD83D\\uDE00"', "1E+2", "-1e-400", "0.5", "2", "3",
      "4"];
const textSwaps = [['"completed"', '"running"'], ['"failed"', '"timed_out"'], ['"pending"', '"E001"'], ["null", '""'],
  ['"PENDING"', '"READY"'], ['"FAILED"', '"QUEUED"'], ['"running"', '"succeeded"'], ['"workflow"', '"agent_test"'],
  ["0", "-0"], ['"completed"', '"success"'], ['"failed"', '"error"'], ["3", "3.0"], ["1", "1e0"], ['"a"', '"\\u0061"'],
  ['"step"', '"\\u0073tep"'], ['"id"', '"i\\u0064"']];
const byteSnippets = [[0xff], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xe7, 0xa7], [0x80], [0xef, 0xbb, 0xbf], [0x00],
    [0x1f],
  [0xf4, 0x90, 0x80, 0x80], [0xe2, 0x84, 0xaa], [0x5c], [0x22], [0x2c], [0x7d], [0x5d], [0x3a], [0x0d], [0x09],
  [0x20, 0x20], [0xc2, 0xa0], [0xe2, 0x80, 0xa8]];

function mutate(line) {
  let bytes = Array.from(enc.encode(line));
  const steps = 1 + (random() < 0.25 ? 1 : 0);
  for (let step = 0; step < steps; step++) {
    switch (below(8)) {
      case 0:
        if (bytes.length > 2) bytes = bytes.slice(0, below(bytes.length - 1) + 1);
        break;
      case 1:
        bytes[below(bytes.length)] = below(256);
        break;
      case 2: case 3: {
        const colons = [];
        bytes.forEach((b, i) => { if (b === 0x3a) colons.push(i); });
        if (colons.length === 0) break;
        const colon = pick(colons);
        let end = colon + 1;
        let depth = 0;
        for (; end < bytes.length; end++) {
          const b = bytes[end];
          if (b === 0x5b || b === 0x7b) depth++;
          else if ((b === 0x5d || b === 0x7d) && depth > 0) depth--;
          else if ((b === 0x2c || b === 0x7d || b === 0x5d) && depth === 0) break;
        }
        bytes.splice(colon + 1, end - colon - 1, ...enc.encode(pick(replacements)));
        break;
      }
      case 4: {
        const comma = bytes.lastIndexOf(0x2c);
        const brace = bytes.lastIndexOf(0x7d);
        if (comma >= 0 && comma < brace) {
          if (random() < 0.5) bytes.splice(comma, brace - comma);
          else bytes.splice(brace, 0, ...bytes.slice(comma, brace));
        }
        break;
      }
      case 5:
        bytes.splice(below(bytes.length + 1), 0, ...(random() < 0.5 ? [below(128)] : pick(byteSnippets)));
        break;
      case 6: {
        const text = new TextDecoder().decode(Uint8Array.from(bytes));
        const [from, to] = pick(textSwaps);
        const at = text.indexOf(from);
        if (at >= 0) bytes = Array.from(enc.encode(text.slice(0, at) + to + text.slice(at + from.length)));
        break;
      }
      default: {
        // An extra member at the front or the end of the object.
        const extra = enc.encode(pick(['"extra":1,', '"step":"again",', '"id":"again",', '"zz":{"a":1,"a":2},',
            '"x":[1,1.0],']));
        if (bytes[0] === 0x7b) bytes.splice(1, 0, ...extra);
        break;
      }
    }
  }
  // contractgen validate splits lines on \n, and a blank line is its own category: keep one record per line.
  bytes = bytes.map((b) => (b === 0x0a ? 0x20 : b));
  if (bytes.every((b) => b === 0x20 || b === 0x09 || b === 0x0d)) bytes = [0x30];
  return Uint8Array.from(bytes);
}

// Every combination of small value sets for the fields rules read: each rule held and broken, with legacy values.
function combinations(base, domains) {
  let records = [JSON.parse(base)];
  for (const [key, values] of Object.entries(domains)) {
    records = records.flatMap((record) => values.map((value) => ({ ...record, [key]: value })));
  }
  return records.map((record) => JSON.stringify(record));
}
const taskStepCombinations = combinations(taskStepSeeds[0], {
  status: ["pending", "running", "completed", "cancelled", "timed_out", "failed", "success", "error"],
  completed: [true, false], error_code: [null, "E001", "E005"], error_message: [null, "x"],
});
const subTaskCombinations = combinations(subTaskSeeds[0], {
  status: ["PENDING", "SPLITTING", "READY", "QUEUED", "RUNNING", "COMPLETED", "FAILED", "BLOCKED"],
  error_code: [null, "P001", "P005"], retry_count: [-1, 0, 1, 3, 4], max_retries: [-1, 0, 3], output_result: [null,
      {}, 0],
});
const runCombinations = combinations(runSeeds[0], {
  execution_type: ["workflow", "agent_test", "other"], priority: ["low", "high"],
  status: ["queued", "running", "succeeded", "failed", "canceled", "timeout"], error: [null, "R003"],
  finished_at: [null, "2025-12-31T23:59:59Z", "2026-01-01T00:00:00+00:00", "2026-01-01T08:00:00.000001+08:00"],
  duration_ms: [null, -0.5, 0, 1], score: [0, 0.5, 1, 1.5], id: [-1, 1, 9007199254740991],
});

const namedSeeds = ['{"constructor":"c","__proto__":"toString"}',
  '{"__proto__":"__proto__","toString":"0","constructor":"","hasOwnProperty":{"__proto__":1,"0":2},"default":true,"valueOf":-3}'];
const namedCombinations = combinations(namedSeeds[0], {
  ["__proto__"]: ["constructor", "toString", "__proto__", "valueOf"], toString: ["default", "1", "toString", "hasOwnProperty"],
});

const suites = [
  { schema: "schema/execution.yaml", model: "TaskStepResult", parse: parseTaskStepResult, spec: taskStepResultModel,
      seeds: taskStepSeeds, combinations: taskStepCombinations },
  { schema: "schema/task_pipeline.yaml", model: "SubTask", parse: parseSubTask, spec: subTaskModel,
      seeds: subTaskSeeds, combinations: subTaskCombinations },
  { schema: "packages/typescript/tests/constructs.yaml", model: "Run", parse: parseRun, spec: runModel,
      seeds: runSeeds, combinations: runCombinations },
  { schema: "packages/typescript/tests/names.yaml", model: "Named", parse: parseNamed, spec: namedModel,
      seeds: namedSeeds, combinations: namedCombinations },
];

const work = keep ?? mkdtempSync(join(tmpdir(), "ts-differential-"));
const limits = resolveJsonLimits(undefined);
let total = 0;
let failures = 0;
let documented = 0;
let invalidLines = 0;
const categories = new Map();

function verdict(run) {
  try {
    return { value: run() };
  } catch (error) {
    if (!(error instanceof RecordError)) return { crash: String(error && error.stack || error) };
    return { error: { category: error.category, path: error.path, offset: error.offset, message: error.message } };
  }
}

for (const suite of suites) {
  const records = [];
  for (const line of suite.seeds) {
    records.push(enc.encode(line));
    for (let index = 0; index < casesPerSeed; index++) records.push(mutate(line));
  }
  for (const line of suite.combinations) records.push(enc.encode(line));
  const schemaCopy = join(work, suite.model + ".yaml");
  copyFileSync(join(root, suite.schema), schemaCopy);
  const file = join(work, suite.model + ".jsonl");
  const joined = new Uint8Array(records.reduce((n, r) => n + r.length + 1, 0));
  let offset = 0;
  for (const record of records) {
    joined.set(record, offset);
    joined[offset + record.length] = 0x0a;
    offset += record.length + 1;
  }
  writeFileSync(file, joined);
  for (const acceptLegacy of [false, true]) {
    const argv = ["validate", "--schema", schemaCopy, "--model", suite.model, "--format", "json", "--no-progress",
        file];
    if (acceptLegacy) argv.push("--accept-legacy");
    let out;
    try {
      out = execFileSync(contractgen, argv, { encoding: "utf8", maxBuffer: 1 << 28, stdio: ["ignore", "pipe",
          "pipe"] });
    } catch (error) {
      if (error.status !== 1) throw error;
      out = error.stdout;
    }
    const oracle = new Map();
    for (const row of out.split("\n")) {
      if (row.trim() === "") continue;
      const entry = JSON.parse(row);
      oracle.set(entry.line, entry);
    }
    records.forEach((bytes, index) => {
      total++;
      const expected = oracle.get(index + 1);
      const options = { acceptLegacy };
      const fromBytes = verdict(() => suite.parse(bytes, options));
      const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
      const exact = verdict(() => readRecord(suite.spec, bytes, limits, acceptLegacy));
      const problems = [];
      for (const got of [fromBytes, exact]) if (got.crash) problems.push("crash: " + got.crash);
      if (!isDeepStrictEqual(fromBytes,
          exact)) problems.push(`fast path and exact reader differ: ${JSON.stringify(fromBytes)} vs ${JSON.stringify(exact)}`);
      // Text input: the same verdict when the bytes are UTF-8 (otherwise the text is another record).
      if (!text.includes("\uFFFD") || Array.from(bytes).some((b) => b >= 0x80) === false) {
        const fromText = verdict(() => suite.parse(text, options));
        if (!isDeepStrictEqual(fromText,
            fromBytes)) problems.push(`text and bytes differ: ${JSON.stringify(fromText)} vs ${JSON.stringify(fromBytes)}`);
      }
      const got = fromBytes.error;
      if (expected) invalidLines++;
      const key = expected ? expected.category : "valid";
      categories.set(key, (categories.get(key) ?? 0) + 1);
      const agree = expected ? got !== undefined && got.category === expected.category && got.path === expected.path
          : got === undefined;
      if (!agree) {
        const isDocumented = got !== undefined && got.category === "number_out_of_range"
            && got.message.includes("±(2^53−1)");
        if (isDocumented) documented++;
        else problems.push(`oracle ${expected ? `${expected.category} at ${expected.path}` : "valid"}, TypeScript ${got ? `${got.category} at ${got.path} (${got.message})` : "valid"}`);
      } else if (expected && got.offset !== undefined && expected.offset !== null && got.offset !== expected.offset) {
        problems.push(`offset ${got.offset}, oracle ${expected.offset} (${expected.category} at ${expected.path})`);
      }
      if (problems.length > 0) {
        failures++;
        if (failures <= 25) {
          console.log(`DISAGREE ${suite.model}${acceptLegacy ? " --accept-legacy" : ""} line ${index + 1}: ${Buffer.from(bytes).toString("base64")}`);
          console.log("  " + JSON.stringify(new TextDecoder().decode(bytes)).slice(0, 300));
          for (const problem of problems) console.log("  " + problem.slice(0, 600));
        }
      }
    });
  }
}
if (!keep) rmSync(work, { recursive: true, force: true });
console.log(`categories seen: ${Array.from(categories.entries()).sort((a, b) => b[1] - a[1]).map(([c, n]) => `${c} ${n}`).join(", ")}`);
console.log(`differential: ${total} lines (${invalidLines} invalid per the oracle), ${documented} documented differences (int beyond ±(2^53−1))`);
console.log(`${total - failures} passed, ${failures} failed`);
process.exit(failures === 0 ? 0 : 1);
