// The conformance vectors (conformance/vectors, docs/Conformance.md) run against the modules in dist/. Every vector
// must pass unless conformance/known-failures/typescript.txt lists it, and every listed vector must still fail, so
// the list cannot go stale. A schema's module is dist/<schema>.js, reached by the vector file's name; the runner
// uses only the API of DESIGN.md, so hand-written and generated modules both qualify.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { isDeepStrictEqual } from "node:util";

import { parseStrictJSON, RecordError, TransitionError } from "../dist/runtime/index.js";

const here = dirname(fileURLToPath(import.meta.url));
const conformance = join(here, "..", "..", "..", "conformance");
const dist = join(here, "..", "dist");
const FORMAT = "contractgen-conformance/1";

// CONFORMANCE_VECTORS names another directory of vector files (scripts/conformance-differential.sh writes one with
// more seeded mutations); the known failures stay the checked-in list.
const vectorDirectory = process.env.CONFORMANCE_VECTORS || join(conformance, "vectors");
const files = readdirSync(vectorDirectory).filter((name) => name.endsWith(".json")).sort()
  .map((name) => ({ stem: name.slice(0, -".json".length),
    vectors: JSON.parse(readFileSync(join(vectorDirectory, name), "utf8")) }));

/** The listed ids: `SCHEMA/VECTOR-ID`, or `SCHEMA/PREFIX*` for every vector whose id starts so. */
const known = readFileSync(join(conformance, "known-failures", "typescript.txt"), "utf8").split("\n")
  .map((line) => line.trim()).filter((line) => line !== "" && !line.startsWith("#"))
  // Seeded mutations are listed for the checked-in vectors; a run on other ones leaves them out.
  .filter((line) => !(process.env.CONFORMANCE_VECTORS && line.includes("/mutation/")));

function listed(key, entries) {
  return entries.some((entry) => (entry.endsWith("*") ? key.startsWith(entry.slice(0, -1)) : key === entry));
}

function inputBytes(vector) {
  if (typeof vector.input === "string") return new TextEncoder().encode(vector.input);
  return new Uint8Array(Buffer.from(vector.input_hex, "hex"));
}

function check(module, vector) {
  if (vector.verdict !== undefined) return record(module, vector);
  if (vector.states !== undefined) return lifecycleFacts(module, vector);
  if (vector.record !== undefined) return guarded(module, vector);
  if (vector.allowed_to !== undefined) return transition(module, vector);
  if (vector.codes !== undefined) return catalog(module, vector);
  if (vector.base_delays_ns !== undefined) return retryPolicy(module, vector);
  return "unknown kind of vector";
}

function jsonDocument(vector) {
  const expected = vector.verdict === "valid" ? "valid" : `${vector.category} at ${vector.path}`;
  let actual = "valid";
  try {
    parseStrictJSON(inputBytes(vector));
  } catch (error) {
    if (!(error instanceof RecordError)) return `threw ${error}`;
    actual = `${error.category} at ${error.path}`;
  }
  return actual === expected ? null : `expected ${expected}, got ${actual}`;
}

function record(module, vector) {
  const parse = module[`parse${vector.model}`];
  const encode = module[`encode${vector.model}`];
  if (typeof parse !== "function" || typeof encode !== "function") return `no parse${vector.model}/encode${vector.model}`;
  // An `int` here holds ±(2^53−1) (DESIGN.md): where that changes the verdict, the vector says so.
  const verdict = vector.javascript_integers ?? vector;
  const expected = verdict.verdict === "valid" ? "valid" : `${verdict.category} at ${verdict.path}`;
  let value;
  try {
    value = parse(inputBytes(vector), { acceptLegacy: vector.accept_legacy });
  } catch (error) {
    if (!(error instanceof RecordError)) return `threw ${error}`;
    const actual = `${error.category} at ${error.path}`;
    return actual === expected ? null : `expected ${expected}, got ${actual}`;
  }
  if (expected !== "valid") return `expected ${expected}, got valid`;
  const encoded = encode(value);
  const again = parse(encoded);
  if (!isDeepStrictEqual(again, value)) return "parse(encode(v)) differs from v";
  if (encode(again) !== encoded) return "encode(parse(encode(v))) differs from encode(v)";
  return null;
}

function lifecycleFacts(module, vector) {
  const lifecycle = module[vector.lifecycle];
  const problems = [];
  if (lifecycle.initial !== vector.initial) problems.push(`initial ${lifecycle.initial}`);
  if (!isDeepStrictEqual([...lifecycle.values], vector.states.map((s) => s.state))) problems.push("states");
  for (const state of vector.states) {
    if (lifecycle.isTerminal(state.state) !== state.terminal) problems.push(`${state.state} terminal`);
    if ((lifecycle.outcome(state.state) ?? null) !== state.outcome) problems.push(`${state.state} outcome`);
  }
  const legacy = Object.fromEntries(vector.legacy.map((entry) => [entry.value, entry.state]));
  if (!isDeepStrictEqual({ ...lifecycle.legacyValues }, legacy)) problems.push("legacy");
  return problems.length === 0 ? null : problems.join("; ");
}

function transition(module, vector) {
  const lifecycle = module[vector.lifecycle];
  const problems = [];
  if (!isDeepStrictEqual([...lifecycle.allowedTransitions(vector.from)], vector.allowed_to)) problems.push("allowedTransitions");
  for (const to of lifecycle.values) {
    const listed = vector.allowed_to.includes(to);
    if (lifecycle.canTransition(vector.from, to) !== listed) problems.push(`canTransition(${to}) is ${!listed}`);
    let moved = true;
    try {
      lifecycle.transition(vector.from, to);
    } catch (error) {
      if (!(error instanceof TransitionError)) return `threw ${error}`;
      moved = false;
    }
    if (moved !== listed) problems.push(`transition(${to}) ${moved ? "succeeds" : "throws"}`);
  }
  return problems.length === 0 ? null : problems.join("; ");
}

function guarded(module, vector) {
  const lifecycle = module[vector.lifecycle];
  const value = module[`parse${vector.model}`](vector.record);
  if (lifecycle.canTransition(vector.from, vector.to, value) !== vector.allowed) {
    return `canTransition(record) is ${!vector.allowed}`;
  }
  try {
    lifecycle.transition(vector.from, vector.to, value);
  } catch (error) {
    if (!(error instanceof TransitionError)) return `threw ${error}`;
    return !vector.allowed && error.unmetGuard === vector.unmet_guard ? null : `unmet guard ${error.unmetGuard}`;
  }
  return vector.allowed ? null : "transition(record) succeeds";
}

function catalog(module, vector) {
  const codes = module[vector.catalog];
  const problems = [];
  if (!isDeepStrictEqual([...codes.values], vector.codes.map((c) => c.code))) problems.push("codes");
  for (const code of vector.codes) {
    const actual = { category: codes.category(code.code), retryable: codes.isRetryable(code.code),
      message: codes.defaultMessage(code.code), status: codes.status(code.code) ?? null };
    for (const key of Object.keys(actual)) {
      if (actual[key] !== code[key]) problems.push(`${code.code}.${key} ${JSON.stringify(actual[key])}`);
    }
  }
  for (const [kind, code] of Object.entries(vector.normalize ?? {})) {
    const actual = codes.codeFor(kind);
    if (actual !== code) problems.push(`normalize ${kind} -> ${actual}`);
  }
  return problems.length === 0 ? null : problems.join("; ");
}

function retryPolicy(module, vector) {
  const policy = module[vector.lifecycle].retryPolicy;
  if (policy === undefined) return "no retryPolicy";
  const problems = [];
  if (policy.maxRetries !== vector.max_retries || policy.jitter !== vector.jitter) problems.push("policy");
  vector.retries.forEach((retry, index) => {
    if (policy.baseDelayNanoseconds(retry) !== vector.base_delays_ns[index]) problems.push(`baseDelayNanoseconds(${retry})`);
    // JavaScript's random numbers are not SplitMix64's, so seeded jitter is compared only where there is none.
    if (vector.jitter === "none" && policy.delayNanoseconds(retry) !== vector.seeded_delays_ns[index]) {
      problems.push(`delayNanoseconds(${retry})`);
    }
  });
  return problems.length === 0 ? null : problems.join("; ");
}

const failures = new Map();
const passed = new Set();
for (const { stem, vectors } of files) {
  for (const vector of vectors.json_documents ?? []) {
    const problem = jsonDocument(vector);
    if (problem === null) passed.add(`${stem}/${vector.id}`); else failures.set(`${stem}/${vector.id}`, problem);
  }
  if (vectors.json_documents !== undefined) continue;
  const path = join(dist, `${stem}.js`);
  const module = existsSync(path) ? await import(pathToFileURL(path).href) : null;
  for (const section of ["records", "mutations", "lifecycles", "transitions", "guarded_transitions", "catalogs",
    "retry_policies"]) {
    for (const vector of vectors[section] ?? []) {
      const key = `${stem}/${vector.id}`;
      let problem;
      if (module === null) {
        problem = `no module dist/${stem}.js`;
      } else {
        try {
          problem = check(module, vector);
        } catch (error) {
          problem = `threw ${error}`;
        }
      }
      if (problem === null) {
        passed.add(key);
      } else {
        failures.set(key, problem);
      }
    }
  }
}

test("the vectors of the four bundled schemas and the JSON suite are read", () => {
  assert.deepEqual(files.map((f) => f.stem), ["agent_run", "execution", "execution_feed", "json_suite", "task_pipeline"]);
  assert.ok(files.every((f) => f.vectors.format === FORMAT));
  assert.ok(passed.size + failures.size > 1000);
  console.log(`${passed.size + failures.size} vectors from ${vectorDirectory}`);
});

test("every vector passes unless it is a known failure", () => {
  const unexpected = [...failures].filter(([key]) => !listed(key, known));
  assert.deepEqual(unexpected.map(([key, problem]) => `${key}: ${problem}`), []);
});

test("every known failure still fails", () => {
  assert.deepEqual([...passed].filter((key) => listed(key, known)), [], "passing now: remove from typescript.txt");
  assert.deepEqual(known.filter((entry) => ![...failures.keys()].some((key) => listed(key, [entry]))), [],
    "listed but not failing (or no such vector)");
});
