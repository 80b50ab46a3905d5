/**
 * The contract runtime for TypeScript: what generated contract modules import. It has no dependencies.
 *
 * - Records: `parseRecord` (strict JSON, the Swift runtime's verdicts), `encodeRecord`, `RecordError`.
 * - Models: `defineModel`, `field` and the field types, which generated modules describe models with.
 * - Lifecycles, enums and error catalogs: `lifecycle`, `enumeration`, `openEnumeration`, `errorCatalog`,
 *   `TransitionError`, `NormalizedError`, `classifyFailure`.
 * - Rules: `RuleViolation`, `ValidationFailure` and the operators in `rule-operators`.
 * - Retries: `RetryPolicy`, `withRetry`.
 */
export { contractRuntimeAPIVersion, requireContractRuntimeAPI } from "./api-version.js";
export { RecordCategory, RecordError, ruleCategory } from "./record-error.js";
export type { JsonObject, JsonValue } from "./json-value.js";
export { defaultJsonLimits, resolveJsonLimits } from "./json-limits.js";
export type { JsonLimits } from "./json-limits.js";
export { JsonReader } from "./json-reader.js";
export type { JsonKind } from "./json-reader.js";
export { parseRecord, utf8Bytes } from "./parse-record.js";
export { parseStrictJSON } from "./parse-json.js";
export type { ParseOptions } from "./parse-record.js";
export { readRecord } from "./read-record.js";
export { encodeRecord } from "./encode-record.js";
export {
  boolType, defineModel, doubleType, enumType, field, intType, jsonType, listType, mapType, modelType,
  stringType, timestampType,
} from "./model-spec.js";
export type { FieldDefault, FieldOptions, FieldSpec, ModelDefinition, ModelSpec, TypeSpec } from "./model-spec.js";
export type { WireValues } from "./wire-values.js";
export { lifecycle, TransitionError } from "./lifecycle.js";
export type { GuardedMove, Lifecycle, LifecycleDefinition, Outcome, StateDefinition } from "./lifecycle.js";
export { enumeration, openEnumeration } from "./enumeration.js";
export type { Enumeration, EnumerationDefinition, OpenEnumeration, OtherString } from "./enumeration.js";
export { classifyFailure, errorCatalog, NormalizedError } from "./error-catalog.js";
export type { ErrorCatalog, ErrorCatalogDefinition, ErrorCategory, ErrorCodeDefinition,
    FailureKind } from "./error-catalog.js";
export { RetryPolicy, retryPolicy } from "./retry-policy.js";
export type { Jitter, RetryPolicyDefinition } from "./retry-policy.js";
export { withRetry } from "./with-retry.js";
export type { RetryOptions } from "./with-retry.js";
export { throwIfViolated, ValidationFailure } from "./rule-violation.js";
export type { RuleViolation } from "./rule-violation.js";
export {
  compareNumbers, earlier, earlierOrSame, greater, greaterOrEqual, later, laterOrSame, less, lessOrEqual,
  sameInstant, sameNumber, sameText,
} from "./rule-operators.js";
export type { RuleNumber } from "./rule-operators.js";
export { compareTimestamps, isTimestamp, parseTimestamp, timestampFromDate, timestampToDate } from "./timestamp.js";
export type { Timestamp } from "./timestamp.js";
