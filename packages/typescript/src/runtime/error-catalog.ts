import { RecordError } from "./record-error.js";
import { TransitionError } from "./lifecycle.js";
import { ValidationFailure } from "./rule-violation.js";
import { WireValues, wireValues } from "./wire-values.js";

/** The broad class of an error, which decides how callers react to it. */
export type ErrorCategory = "client" | "timeout" | "execution" | "system" | "dependency";

/**
 * The kinds of failure a catalog's `normalize:` table gives a code: `validation` (the input or the move was wrong),
 * `timeout`, `cancellation`, `retry_exhausted` (only `withRetry` produces it) and `default` (anything else).
 */
export type FailureKind = "validation" | "timeout" | "cancellation" | "retry_exhausted" | "default";

/**
 * The kind of `error`: `cancellation` for an `AbortError` (what `AbortController` rejects with), `timeout` for a
 * `TimeoutError` (`AbortSignal.timeout`), `validation` for `RecordError`, `TransitionError` and `ValidationFailure`,
 * `default` for anything else. Errors are told by `name`, so `DOMException`s and errors of other libraries that follow
 * the convention are sorted too.
 */
export function classifyFailure(error: unknown): FailureKind {
  if (error instanceof RecordError || error instanceof TransitionError
      || error instanceof ValidationFailure) return "validation";
  const name = typeof error === "object" && error !== null ? (error as { name?: unknown }).name : undefined;
  if (name === "AbortError") return "cancellation";
  if (name === "TimeoutError") return "timeout";
  return "default";
}

/** One code of a catalog, as the schema gives it. */
export interface ErrorCodeDefinition<Code extends string, Status extends string> {
  readonly code: Code;
  /** The schema's snake_case name, e.g. `validation_error`. */
  readonly name: string;
  readonly category: ErrorCategory;
  /** Whether retrying the same work may succeed. */
  readonly retryable: boolean;
  /** The message shown to users when no better one is known. */
  readonly message: string;
  /** The state a record ends in when this error stops it; null when the code names none. */
  readonly status: Status | null;
}

/** What `errorCatalog` takes. */
export interface ErrorCatalogDefinition<Code extends string, Status extends string> {
  readonly name: string;
  /** Every code, in schema order. */
  readonly codes: readonly ErrorCodeDefinition<Code, Status>[];
  /** Which code each kind of failure becomes; a kind left out gets the `default` code. */
  readonly normalize?: { readonly default: Code } & { readonly [K in FailureKind]?: Code };
}

/** An error catalog's const object: its codes as data, their facts, and error normalization. */
export interface ErrorCatalog<Code extends string, Status extends string = never> extends WireValues<Code> {
  /** Each code's facts, in schema order. */
  readonly codes: readonly ErrorCodeDefinition<Code, Status>[];
  /** The facts of `code`. */
  info(code: Code): ErrorCodeDefinition<Code, Status>;
  /** Whether retrying the same work may succeed. */
  isRetryable(code: Code): boolean;
  /** The broad class of the error. */
  category(code: Code): ErrorCategory;
  /** The message shown to users when no better one is known. */
  defaultMessage(code: Code): string;
  /** The state a record ends in when this error stops it; null when the code names none. */
  status(code: Code): Status | null;
  /**
   * The code the `normalize:` table gives `kind` (the `default` code for a kind it leaves out); throws for a catalog
   * without the table.
   */
  codeFor(kind: FailureKind): Code;
  /**
   * `error` as a code of this catalog: a `NormalizedError` of this catalog as it is; an error with a
   * `contractErrorCode` property holding a code of this catalog with that code; anything else by its `classifyFailure`
   * kind through the `normalize:` table. The user message is the code's message; the error's own text is kept as
   * `detail`.
   */
  normalize(error: unknown): NormalizedError<Code, Status>;
}

/** An error as one code of an error catalog: what callers store, show and decide on. */
export class NormalizedError<Code extends string, Status extends string = never> extends Error {
  /** The catalog's code. */
  readonly code: Code;
  /** What actually happened, for logs: the original error's text. Never shown to users. */
  readonly detail: string;
  /** The message for users: the code's message, never the original error's text. */
  readonly userMessage: string;
  /** Whether retrying the same work may succeed. */
  readonly isRetryable: boolean;
  /** The state a record ends in when this error stops it; null when the code names none. */
  readonly status: Status | null;
  /** The catalog the code belongs to. */
  readonly catalog: ErrorCatalog<Code, Status>;

  /** `code` of `catalog` with `detail`. */
  constructor(catalog: ErrorCatalog<Code, Status>, code: Code, detail: string) {
    super(`${code}: ${detail}`);
    this.name = "NormalizedError";
    this.catalog = catalog;
    this.code = code;
    this.detail = detail;
    this.userMessage = catalog.defaultMessage(code);
    this.isRetryable = catalog.isRetryable(code);
    this.status = catalog.status(code);
  }
}

/** Builds an error catalog's const object from its schema data. */
export function errorCatalog<Code extends string, Status extends string = never>(
  definition: ErrorCatalogDefinition<Code, Status>,
): ErrorCatalog<Code, Status> {
  const values = wireValues<Code>(definition.name, definition.codes.map((entry) => entry.code), false, {});
  const byCode = new Map<string, ErrorCodeDefinition<Code, Status>>();
  for (const entry of definition.codes) byCode.set(entry.code, Object.freeze({ ...entry }));
  const info = (code: Code): ErrorCodeDefinition<Code, Status> => {
    const entry = byCode.get(code);
    if (entry === undefined) throw new RangeError(`${JSON.stringify(code)} is not a code of ${definition.name}`);
    return entry;
  };
  const catalog: ErrorCatalog<Code, Status> = Object.freeze({
    ...values,
    codes: Object.freeze(Array.from(byCode.values())),
    info,
    isRetryable: (code: Code) => info(code).retryable,
    category: (code: Code) => info(code).category,
    defaultMessage: (code: Code) => info(code).message,
    status: (code: Code) => info(code).status,
    codeFor(kind: FailureKind): Code {
      const table = definition.normalize;
      if (table === undefined) throw new Error(`${definition.name} has no normalize: table`);
      return table[kind] ?? table.default;
    },
    normalize(error: unknown): NormalizedError<Code, Status> {
      if (error instanceof NormalizedError && error.catalog === catalog) return error as NormalizedError<Code, Status>;
      const detail = describeError(error);
      const declared = typeof error === "object" && error !== null
          ? (error as { contractErrorCode?: unknown }).contractErrorCode : undefined;
      if (values.is(declared)) return new NormalizedError(catalog, declared, detail);
      return new NormalizedError(catalog, catalog.codeFor(classifyFailure(error)), detail);
    },
  });
  return catalog;
}

/** An error's text for `detail`: `String(error)` (for an `Error`, its name and message). */
function describeError(error: unknown): string {
  try {
    return String(error);
  } catch {
    return Object.prototype.toString.call(error);
  }
}
