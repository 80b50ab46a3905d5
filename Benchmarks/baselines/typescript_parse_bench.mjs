#!/usr/bin/env node
// The generated TypeScript parser against the issue 17 baseline: JSON.parse plus hand-written checks equivalent to
// TaskStepResult's contract (object, no unknown keys, every key present, types, enum values, the three rules).
//
//   python3 Benchmarks/corpus/make_corpus.py --records 200000 --invalid-every 1000 --out /tmp/corpus-200k.jsonl
//   (cd packages/typescript && tsc -p .)
//   node Benchmarks/baselines/typescript_parse_bench.mjs /tmp/corpus-200k.jsonl [--rounds 7] [--input string|bytes]
//   node Benchmarks/baselines/typescript_parse_bench.mjs FILE --only generated|baseline   # one pass, for farm-bench
//
// The file is read and split into lines once; each round times both parsers over every line, chunk by chunk (see
// below), so a change of load on a shared machine hits both sides of a round alike. Prints records/s per
// side and round, and the median of the per-round ratios (generated / baseline; the target is at least 0.5). Both
// sides count valid and invalid lines, and the script fails if the generated parser accepts a line the stricter
// reading must refuse and the baseline flags (a sanity check, not the differential test).
import { readFileSync } from "node:fs";
import { parseTaskStepResult } from "../../packages/typescript/dist/execution.js";

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith("--"));
if (!file) {
  console.error("usage: typescript_parse_bench.mjs CORPUS.jsonl [--rounds N] [--input string|bytes] [--only SIDE]");
  process.exit(2);
}
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const rounds = Number(option("--rounds", "7"));
const inputKind = option("--input", "string");

const bytes = readFileSync(file);
const lines = [];
let start = 0;
for (let index = 0; index <= bytes.length; index++) {
  if (index === bytes.length || bytes[index] === 0x0a) {
    if (index > start) lines.push(bytes.subarray(start, index));
    start = index + 1;
  }
}
const decoder = new TextDecoder();
const inputs = inputKind === "bytes" ? lines : lines.map((line) => decoder.decode(line));
const megabytes = bytes.length / 1e6;

// The baseline: what a careful hand-written TypeScript consumer does after JSON.parse.
const KEYS = new Set(["step", "result", "completed", "message", "status", "error_code", "error_message"]);
const STATUSES = new Set(["pending", "running", "completed", "cancelled", "timed_out", "failed"]);
const CODES = new Set(["E001", "E002", "E003", "E004", "E005", "E006", "E007"]);
function baselineParse(input) {
  const value = JSON.parse(typeof input === "string" ? input : decoder.decode(input));
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new Error("not an object");
  let count = 0;
  for (const key in value) {
    if (!KEYS.has(key)) throw new Error("unknown key " + key);
    count++;
  }
  if (count !== 7) throw new Error("missing key");
  if (typeof value.step !== "string") throw new Error("step");
  if (typeof value.completed !== "boolean") throw new Error("completed");
  if (typeof value.message !== "string") throw new Error("message");
  if (typeof value.status !== "string" || !STATUSES.has(value.status)) throw new Error("status");
  if (value.error_code !== null && (typeof value.error_code !== "string"
      || !CODES.has(value.error_code))) throw new Error("error_code");
  if (value.error_message !== null && typeof value.error_message !== "string") throw new Error("error_message");
  if (value.completed !== (value.status === "completed")) throw new Error("rule 1");
  if ((value.error_code === null) !== (value.error_message === null)) throw new Error("rule 2");
  if ((value.status === "failed" || value.status === "timed_out" || value.status === "cancelled")
      && value.error_code === null) {
    throw new Error("rule 3");
  }
  return value;
}

function run(parse) {
  let valid = 0;
  let invalid = 0;
  const began = process.hrtime.bigint();
  for (let index = 0; index < inputs.length; index++) {
    try {
      parse(inputs[index]);
      valid++;
    } catch {
      invalid++;
    }
  }
  const seconds = Number(process.hrtime.bigint() - began) / 1e9;
  return { valid, invalid, seconds };
}

const sides = { generated: parseTaskStepResult, baseline: baselineParse };
// --only SIDE: one pass of one side, for timing whole processes (`farm-bench --vs '... --only baseline' -- ...`).
const only = option("--only", undefined);
if (only !== undefined) {
  if (!(only in sides)) {
    console.error("--only takes generated or baseline");
    process.exit(2);
  }
  const result = run(sides[only]);
  console.log(JSON.stringify({ tool: only, records: lines.length, ...result }));
  process.exit(0);
}
// Warm-up: one pass of each, so both run optimized code.
const warm = { generated: run(sides.generated), baseline: run(sides.baseline) };
console.log(`${lines.length} records, ${megabytes.toFixed(1)} MB, input as ${inputKind}; ` +
  `generated: ${warm.generated.valid} valid, ${warm.generated.invalid} invalid; baseline: ${warm.baseline.valid} valid, ${warm.baseline.invalid} invalid`);
if (warm.generated.valid > warm.baseline.valid) {
  console.error("the generated parser accepted more records than the baseline: it must be at least as strict");
  process.exit(1);
}
// Each round walks the corpus in chunks of 1,000 lines and times both sides on every chunk, the order alternating,
// so load that comes and goes on a shared machine falls on both sides alike.
const chunk = 1000;
function runChunk(parse, from, to) {
  const began = process.hrtime.bigint();
  for (let index = from; index < to; index++) {
    try {
      parse(inputs[index]);
    } catch {
      // counted in the warm-up pass
    }
  }
  return Number(process.hrtime.bigint() - began) / 1e9;
}
const ratios = [];
for (let round = 0; round < rounds; round++) {
  const seconds = { generated: 0, baseline: 0 };
  for (let from = 0, turn = round; from < inputs.length; from += chunk, turn++) {
    const to = Math.min(inputs.length, from + chunk);
    const order = turn % 2 === 0 ? ["generated", "baseline"] : ["baseline", "generated"];
    for (const side of order) seconds[side] += runChunk(sides[side], from, to);
  }
  const rate = (side) => lines.length / seconds[side];
  const ratio = rate("generated") / rate("baseline");
  ratios.push(ratio);
  console.log(`round ${round + 1}: generated ${Math.round(rate("generated"))} records/s `
    + `(${(megabytes / seconds.generated).toFixed(0)} MB/s), baseline ${Math.round(rate("baseline"))} records/s `
    + `(${(megabytes / seconds.baseline).toFixed(0)} MB/s), ratio ${ratio.toFixed(2)}`);
}
ratios.sort((a, b) => a - b);
const median = ratios[Math.floor(ratios.length / 2)];
console.log(`median ratio generated / baseline over ${rounds} rounds: ${median.toFixed(2)} (target >= 0.5)`);
