// The runtime besides record decoding: lifecycles and their guards, enums, error catalogs and normalization,
// retry delays and withRetry, timestamps, the rule operators and the API version check.
import { test } from "node:test";
import assert from "node:assert/strict";

import { ErrorCode, TaskStatus, parseTaskStepResult } from "../dist/execution.js";
import { PipelineErrorCode, SubTaskStatus, SubTaskType, createSubTask } from "../dist/task_pipeline.js";
import {
  classifyFailure, compareNumbers, compareTimestamps, contractRuntimeAPIVersion, earlier, greater, greaterOrEqual,
  laterOrSame, less, lessOrEqual, NormalizedError, parseTimestamp, RecordError, requireContractRuntimeAPI, RetryPolicy,
  sameInstant, sameNumber, sameText, timestampFromDate, timestampToDate, TransitionError, ValidationFailure, withRetry,
} from "../dist/runtime/index.js";

test("a lifecycle lists its states, initial state, terminal states and outcomes from the schema", () => {
  assert.deepEqual(TaskStatus.values, ["pending", "running", "completed", "cancelled", "timed_out", "failed"]);
  assert.equal(TaskStatus.initial, "pending");
  assert.deepEqual(TaskStatus.values.filter((s) => TaskStatus.isTerminal(s)), ["completed", "cancelled", "timed_out",
      "failed"]);
  assert.deepEqual(TaskStatus.values.map((s) => TaskStatus.outcome(s)), [null, null, "success", "cancelled",
      "timeout", "failure"]);
  assert.deepEqual({ ...TaskStatus.legacyValues }, { success: "completed", error: "failed" });
});

test("every move of the from × to matrix is allowed exactly when the schema lists it", () => {
  const listed = { pending: ["running", "cancelled"], running: ["completed", "failed", "timed_out", "cancelled"] };
  for (const from of TaskStatus.values) {
    assert.deepEqual(TaskStatus.allowedTransitions(from), listed[from] ?? []);
    for (const to of TaskStatus.values) {
      const allowed = (listed[from] ?? []).includes(to);
      assert.equal(TaskStatus.canTransition(from, to), allowed, `${from} -> ${to}`);
      if (allowed) assert.equal(TaskStatus.transition(from, to), to);
      else assert.throws(() => TaskStatus.transition(from, to), TransitionError);
    }
  }
});

test("a refused move says the lifecycle, both states and the allowed ones; a terminal state says so", () => {
  const error = (() => { try { TaskStatus.transition("pending", "completed"); } catch (e) { return e; } })();
  assert.equal(error.lifecycle, "TaskStatus");
  assert.equal(error.from, "pending");
  assert.equal(error.to, "completed");
  assert.deepEqual(error.allowed, ["running", "cancelled"]);
  assert.equal(error.unmetGuard, null);
  assert.equal(error.message, "TaskStatus: cannot move from pending to completed; allowed: running, cancelled");
  const terminal = (() => { try { TaskStatus.transition("completed", "failed"); } catch (e) { return e; } })();
  assert.equal(terminal.isFromTerminalState, true);
  assert.equal(terminal.message, "TaskStatus: cannot move from completed to failed; completed is terminal");
});

test("a guarded move is checked against the record when one is given, and only then", () => {
  const record = (retryCount, maxRetries) => createSubTask({
    id: "a", parent_id: "p", task_type: "CODE_GEN", status: "FAILED", input_context: null, error_code: "P003",
    retry_count: retryCount, max_retries: maxRetries,
  });
  assert.equal(SubTaskStatus.canTransition("FAILED", "QUEUED"), true);
  assert.equal(SubTaskStatus.canTransition("FAILED", "QUEUED", record(1, 3)), true);
  assert.equal(SubTaskStatus.canTransition("FAILED", "QUEUED", record(3, 3)), false);
  assert.equal(SubTaskStatus.canTransition("FAILED", "BLOCKED", record(3, 3)), true);
  assert.equal(SubTaskStatus.canTransition("FAILED", "BLOCKED", record(2, 3)), false);
  assert.equal(SubTaskStatus.transition("FAILED", "BLOCKED", record(3, 3)), "BLOCKED");
  const error = (() => { try { SubTaskStatus.transition("FAILED", "QUEUED", record(3,
      3)); } catch (e) { return e; } })();
  assert.ok(error instanceof TransitionError);
  assert.equal(error.unmetGuard, "retry_count < max_retries");
  assert.equal(error.message,
      "SubTaskStatus: cannot move from FAILED to QUEUED; the guard `retry_count < max_retries` does not hold");
  // An unlisted move is refused for the listing, whatever the record.
  assert.throws(() => SubTaskStatus.transition("PENDING", "QUEUED", record(0, 3)), (e) => e.unmetGuard === null);
});

test("a closed enum knows exactly its values", () => {
  assert.deepEqual(SubTaskType.values, ["CODE_GEN", "DATA_RETRIEVAL", "API_CALL"]);
  assert.equal(SubTaskType.is("API_CALL"), true);
  assert.equal(SubTaskType.is("api_call"), false);
  assert.equal(SubTaskType.is(3), false);
});

test("an error catalog gives each code's facts as data", () => {
  assert.deepEqual(ErrorCode.values, ["E001", "E002", "E003", "E004", "E005", "E006", "E007"]);
  assert.equal(ErrorCode.category("E001"), "client");
  assert.equal(ErrorCode.isRetryable("E002"), true);
  assert.equal(ErrorCode.isRetryable("E003"), false);
  assert.equal(ErrorCode.defaultMessage("E004"), "The task was cancelled.");
  assert.equal(ErrorCode.status("E001"), null);
  assert.equal(ErrorCode.status("E002"), "timed_out");
  assert.equal(ErrorCode.info("E006").name, "database_error");
  assert.throws(() => ErrorCode.info("E999"), RangeError);
  assert.equal(PipelineErrorCode.status("P005"), "BLOCKED");
});

test("normalize maps each kind of failure through the schema's table", () => {
  const abort = new DOMException("stop", "AbortError");
  const timeout = new DOMException("slow", "TimeoutError");
  const record = (() => { try { parseTaskStepResult("{"); } catch (e) { return e; } })();
  const transition = (() => { try { TaskStatus.transition("completed", "failed"); } catch (e) { return e; } })();
  assert.equal(ErrorCode.normalize(abort).code, "E004");
  assert.equal(ErrorCode.normalize(timeout).code, "E002");
  assert.equal(ErrorCode.normalize(record).code, "E001");
  assert.equal(ErrorCode.normalize(transition).code, "E001");
  assert.equal(ErrorCode.normalize(new ValidationFailure("M", [{ ruleId: "r", fields: [], message: "m" }])).code,
      "E001");
  assert.equal(ErrorCode.normalize(new Error("boom")).code, "E003");
  assert.equal(ErrorCode.normalize("a string").code, "E003");
  assert.equal(ErrorCode.normalize(undefined).code, "E003");
  assert.equal(ErrorCode.codeFor("retry_exhausted"), "E005");
  assert.equal(PipelineErrorCode.normalize(abort).code, "P007");
  assert.equal(classifyFailure(Object.assign(new Error("x"), { name: "TimeoutError" })), "timeout");
});

test("a normalized error keeps the original text as detail and shows the code's message", () => {
  const normalized = ErrorCode.normalize(new Error("psql: connection refused"));
  assert.ok(normalized instanceof NormalizedError);
  assert.equal(normalized.userMessage, "The task failed while it was running.");
  assert.equal(normalized.detail, "Error: psql: connection refused");
  assert.equal(normalized.isRetryable, false);
  assert.equal(normalized.status, "failed");
  assert.equal(normalized.message, "E003: Error: psql: connection refused");
  assert.equal(ErrorCode.normalize(normalized), normalized);
  // A normalized error of another catalog is just an error here.
  assert.equal(ErrorCode.normalize(PipelineErrorCode.normalize(new Error("x"))).code, "E003");
});

test("an error that declares a code of the catalog gets that code", () => {
  assert.equal(ErrorCode.normalize(Object.assign(new Error("db"), { contractErrorCode: "E006" })).code, "E006");
  assert.equal(ErrorCode.normalize(Object.assign(new Error("db"), { contractErrorCode: "P006" })).code, "E003");
});

test("retry delays double from the initial delay up to the cap, as in Swift", () => {
  const policy = SubTaskStatus.retryPolicy;
  assert.deepEqual([0, 1, 2, 3, 4, 5, 6, 7].map((n) => policy.baseDelayMs(n)), [1000, 2000, 4000, 8000, 16000, 32000,
      60000, 60000]);
  assert.equal(policy.maxRetries, 3);
  assert.equal(policy.counter, "retry_count");
  assert.equal(policy.jitter, "none");
});

test("a fractional multiplier grows exactly to the nanosecond", () => {
  const policy = new RetryPolicy({ maxRetries: 5, initialDelayMs: 100, multiplier: 1.5, maxDelayMs: 10000 });
  assert.deepEqual([0, 1, 2, 3].map((n) => policy.baseDelayNanoseconds(n)), [100e6, 150e6, 225e6, 337.5e6]);
});

test("retry numbers at the edges give the first delay, the cap or zero, never NaN or a hang", () => {
  const doubling = new RetryPolicy({ maxRetries: 3, initialDelayMs: 1000, multiplier: 2, maxDelayMs: 60000 });
  for (const n of [63, 64, 1000, 1e6, Number.MAX_SAFE_INTEGER, Infinity]) assert.equal(doubling.baseDelayMs(n), 60000,
      String(n));
  for (const n of [-5, -Infinity, NaN, 0]) assert.equal(doubling.baseDelayMs(n), 1000, String(n));
  const zero = new RetryPolicy({ maxRetries: 1, initialDelayMs: 0, maxDelayMs: 60000 });
  assert.equal(zero.baseDelayMs(1e9), 0);
  const capped = new RetryPolicy({ maxRetries: 1, initialDelayMs: 10000, maxDelayMs: 5000 });
  assert.equal(capped.baseDelayMs(0), 5000);
  const steep = new RetryPolicy({ maxRetries: 1, initialDelayMs: 1000, multiplier: 100, maxDelayMs: 86400000 });
  assert.equal(steep.baseDelayMs(1e6), 86400000);
});

test("jitter stays within its bounds, ends included", () => {
  const full = new RetryPolicy({ maxRetries: 3, initialDelayMs: 1000, maxDelayMs: 60000, jitter: "full" });
  const equal = new RetryPolicy({ maxRetries: 3, initialDelayMs: 1000, maxDelayMs: 60000, jitter: "equal" });
  for (const n of [0, 1, 2, 3, 10]) {
    const base = full.baseDelayNanoseconds(n);
    assert.equal(full.delayNanoseconds(n, () => 0), 0);
    assert.equal(full.delayNanoseconds(n, () => 0.9999999999999999), base);
    assert.equal(equal.delayNanoseconds(n, () => 0), Math.floor(base / 2));
    assert.equal(equal.delayNanoseconds(n, () => 0.9999999999999999), base);
    for (let i = 0; i < 200; i++) {
      const delay = equal.delayNanoseconds(n);
      assert.ok(delay >= Math.floor(base / 2) && delay <= base && Number.isInteger(delay));
    }
  }
});

test("withRetry retries retryable failures with the policy's delays, then reports exhaustion", async () => {
  const sleeps = [];
  let attempts = 0;
  const rejected = await withRetry(async () => {
    attempts++;
    throw Object.assign(new Error("slow tool"), { name: "TimeoutError" });
  }, { policy: SubTaskStatus.retryPolicy, catalog: PipelineErrorCode,
      sleep: async (ms) => { sleeps.push(ms); } }).catch((e) => e);
  assert.equal(attempts, 4);
  assert.deepEqual(sleeps, [1000, 2000, 4000]);
  assert.ok(rejected instanceof NormalizedError);
  assert.equal(rejected.code, "P005");
  assert.match(rejected.detail, /^gave up after 4 attempts; last error P002: /);
});

test("withRetry returns the first success and stops at once on a failure that is not retryable", async () => {
  let attempts = 0;
  const result = await withRetry(async (attempt) => {
    attempts++;
    if (attempt < 2) throw Object.assign(new Error("flaky"), { contractErrorCode: "P004" });
    return "done";
  }, { policy: SubTaskStatus.retryPolicy, catalog: PipelineErrorCode, sleep: async () => {} });
  assert.equal(result, "done");
  assert.equal(attempts, 3);
  const invalid = await withRetry(async () => { throw new RecordError("wrong_type", "m", "$"); },
    { policy: SubTaskStatus.retryPolicy, catalog: PipelineErrorCode, sleep: async () => {} }).catch((e) => e);
  assert.equal(invalid.code, "P001");
});

test("withRetry stops with the cancellation code when its signal aborts", async () => {
  const controller = new AbortController();
  controller.abort();
  let attempts = 0;
  const error = await withRetry(async () => { attempts++; return 1; },
    { policy: SubTaskStatus.retryPolicy, catalog: PipelineErrorCode, signal: controller.signal }).catch((e) => e);
  assert.equal(attempts, 0);
  assert.equal(error.code, "P007");
  const during = new AbortController();
  const waiting = withRetry(async () => { throw Object.assign(new Error("x"), { name: "TimeoutError" }); },
    { policy: SubTaskStatus.retryPolicy, catalog: PipelineErrorCode, signal: during.signal });
  setTimeout(() => during.abort(), 10);
  assert.equal((await waiting.catch((e) => e)).code, "P007");
});

test("timestamps are the strict RFC 3339 forms the Swift runtime accepts", () => {
  for (const text of ["2026-02-26T10:30:00Z", "2026-02-26T10:30:00.5Z", "2026-02-26T10:30:00.123456789+08:00",
    "2024-02-29T23:59:59-23:59", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59Z"]) {
    assert.notEqual(parseTimestamp(text), null, text);
  }
  for (const text of ["2026-02-26t10:30:00Z", "2026-02-26T10:30:00z", "2026-02-26 10:30:00Z", "2026-02-26T10:30:60Z",
    "2026-02-30T00:00:00Z", "2025-02-29T00:00:00Z", "2026-02-26T10:30:00.Z", "2026-02-26T10:30:00.1234567890Z",
    "2026-02-26T10:30:00+24:00", "2026-02-26T10:30:00+08:60", "2026-02-26T10:30:00+0800", "2026-02-26T10:30:00",
    "2026-2-26T10:30:00Z", "+2026-02-26T10:30:00Z", "2026-02-26T10:30:00Z ", "２０２６-02-26T10:30:00Z", ""]) {
    assert.equal(parseTimestamp(text), null, text);
  }
});

test("timestamps compare by instant, across offsets and below the millisecond", () => {
  assert.equal(sameInstant("2026-01-01T08:00:00+08:00", "2026-01-01T00:00:00Z"), true);
  assert.equal(compareTimestamps("2026-01-01T00:00:00.0001Z", "2026-01-01T00:00:00.0002Z"), -1);
  assert.equal(earlier("2026-01-01T00:00:00.0001Z", "2026-01-01T00:00:00.0002Z"), true);
  assert.equal(laterOrSame(null, "2026-01-01T00:00:00Z"), false);
  assert.equal(sameInstant(null, null), true);
  assert.equal(timestampToDate("2026-01-01T08:00:00.5+08:00").toISOString(), "2026-01-01T00:00:00.500Z");
  assert.equal(timestampFromDate(new Date(Date.UTC(2026, 0, 1))), "2026-01-01T00:00:00Z");
  assert.equal(timestampFromDate(new Date(Date.UTC(2026, 0, 1, 0, 0, 0, 120))), "2026-01-01T00:00:00.12Z");
});

test("rule operators follow the rule language's null semantics", () => {
  for (const op of [less, lessOrEqual, greater, greaterOrEqual]) {
    assert.equal(op(null, 1), false);
    assert.equal(op(1, null), false);
    assert.equal(op(null, null), false);
  }
  assert.equal(sameNumber(null, null), true);
  assert.equal(sameNumber(null, 0), false);
  assert.equal(sameText(null, null), true);
  assert.equal(sameText("", null), false);
});

test("numbers compare exactly, a double against an integer beyond 2^53 included", () => {
  assert.equal(compareNumbers(9007199254740992, 9007199254740993n), -1);
  assert.equal(compareNumbers(9007199254740993n, 9007199254740992), 1);
  assert.equal(compareNumbers(9007199254740992, 9007199254740992n), 0);
  assert.equal(compareNumbers(2.5, 2n), 1);
  assert.equal(compareNumbers(-2.5, -2n), -1);
  assert.equal(compareNumbers(-0, 0n), 0);
  assert.equal(compareNumbers(1e300, 10n ** 300n), 1); // 1e300 as a double is a little above 10^300
  assert.equal(lessOrEqual(9007199254740991, 9007199254740993n), true);
});

test("text compares by canonical equivalence, as Swift strings do", () => {
  assert.equal(sameText("\u00e9", "e\u0301"), true);
  assert.equal(sameText("K", "\u212a"), true);
  assert.equal(sameText("a", "A"), false);
});

test("the API version check passes for this runtime's version and throws for another", () => {
  assert.equal(contractRuntimeAPIVersion, 1);
  requireContractRuntimeAPI(1);
  assert.throws(() => requireContractRuntimeAPI(2), /generated for contract runtime API 2/);
});
