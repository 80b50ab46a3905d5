// The strict JSON reader on the repository's conformance suite (Tests/Fixtures/json/suite): y_ files parse,
// n_ files fail with the category n_categories.txt gives, i_ files follow the README's policy table. The same
// documents inside a TaskStepResult's `result` get the same verdict through the fast path and the exact reader.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { isDeepStrictEqual } from "node:util";

import { parseStrictJSON, RecordError, readRecord, resolveJsonLimits } from "../dist/runtime/index.js";
import { parseTaskStepResult, taskStepResultModel } from "../dist/execution.js";

const suite = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "Tests", "Fixtures", "json", "suite");
const files = readdirSync(suite).filter((name) => name.endsWith(".json")).sort();
const categories = new Map(readFileSync(join(suite, "n_categories.txt"), "utf8").split("\n")
  .filter((line) => line.trim() !== "" && !line.startsWith("#")).map((line) => line.trim().split(/\s+/)));
const policy = new Map();
for (const line of readFileSync(join(suite, "README.md"), "utf8").split("\n")) {
  const cells = line.split("|").map((cell) => cell.trim());
  if (cells.length >= 4 && cells[1].startsWith("i_") && cells[1].endsWith(".json")) {
    policy.set(cells[1], { accept: cells[2] === "accept", category: cells[3] });
  }
}

function verdict(run) {
  try {
    return { value: run() };
  } catch (error) {
    if (!(error instanceof RecordError)) throw error;
    return { category: error.category, path: error.path, offset: error.offset };
  }
}

test("the suite has cases of every kind and a policy row for every i_ file", () => {
  assert.ok(files.filter((f) => f.startsWith("y_")).length > 50);
  assert.ok(files.filter((f) => f.startsWith("n_")).length > 100);
  for (const name of files.filter((f) => f.startsWith("i_"))) assert.ok(policy.has(name), `${name} has no policy row`);
  for (const name of files.filter((f) => f.startsWith("n_"))) assert.ok(categories.has(name),
      `${name} has no category`);
});

test("every y_ file parses", () => {
  for (const name of files.filter((f) => f.startsWith("y_"))) {
    const result = verdict(() => parseStrictJSON(readFileSync(join(suite, name))));
    assert.ok("value" in result, `${name}: ${JSON.stringify(result)}`);
  }
});

test("every n_ file fails with its category", () => {
  for (const name of files.filter((f) => f.startsWith("n_"))) {
    const result = verdict(() => parseStrictJSON(readFileSync(join(suite, name))));
    assert.equal(result.category, categories.get(name), `${name}: ${JSON.stringify(result)}`);
  }
});

test("every i_ file follows the policy table", () => {
  for (const name of files.filter((f) => f.startsWith("i_"))) {
    const rule = policy.get(name);
    const result = verdict(() => parseStrictJSON(readFileSync(join(suite, name))));
    if (rule.accept) assert.ok("value" in result, `${name}: ${JSON.stringify(result)}`);
    else assert.equal(result.category, rule.category, `${name}: ${JSON.stringify(result)}`);
  }
});

test("text input gets the verdict of its UTF-8 bytes for every well-formed suite file", () => {
  for (const name of files) {
    const bytes = readFileSync(join(suite, name));
    let text;
    try {
      text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
    } catch {
      continue;
    }
    assert.deepEqual(verdict(() => parseStrictJSON(text)), verdict(() => parseStrictJSON(bytes)), name);
  }
});

// The record is one level deeper than the document, so the depth limit is one higher.
const recordLimits = { maxDepth: 513 };

test("inside a record, every suite document gets one verdict from the fast path and the exact reader", () => {
  const limits = resolveJsonLimits(recordLimits);
  for (const name of files) {
    const document = readFileSync(join(suite, name));
    const prefix = Buffer.from('{"step":"s","result":');
    const suffix = Buffer.from(',"completed":false,"message":"","status":"pending","error_code":null,"error_message":null}');
    const record = new Uint8Array(Buffer.concat([prefix, document, suffix]));
    const fast = verdict(() => parseTaskStepResult(record, { limits: recordLimits }));
    const exact = verdict(() => readRecord(taskStepResultModel, record, limits, false));
    assert.ok(isDeepStrictEqual(fast, exact), `${name}: ${JSON.stringify(fast)} vs ${JSON.stringify(exact)}`);
    const alone = verdict(() => parseStrictJSON(document));
    if ("value" in alone) assert.ok("value" in fast, `${name} is valid JSON, so the record is valid`);
  }
});

test("a y_ document inside a record reads back as the same value", () => {
  for (const name of files.filter((f) => f.startsWith("y_"))) {
    const document = readFileSync(join(suite, name));
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(document);
    const record = `{"step":"s","result":${text},"completed":false,"message":"","status":"pending","error_code":null,"error_message":null}`;
    assert.deepEqual(parseTaskStepResult(record, { limits: recordLimits }).result, parseStrictJSON(document), name);
  }
});
