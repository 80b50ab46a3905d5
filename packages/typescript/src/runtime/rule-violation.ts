/** One broken model rule: which rule, which fields it reads, and what it means. */
export interface RuleViolation {
  /** The rule's id as written in the schema, e.g. `completed_iff_status_completed`. */
  readonly ruleId: string;
  /** The fields the rule reads, by wire name, in order of first use. */
  readonly fields: readonly string[];
  /** What the failure means, for people. */
  readonly message: string;
}

/** A model value that breaks one or more of its schema's rules, thrown by the generated `validateX`. */
export class ValidationFailure extends Error {
  /** The model's name, e.g. `TaskStepResult`. */
  readonly modelName: string;
  /** Every broken rule, in schema order. */
  readonly violations: readonly RuleViolation[];

  /** A failure listing `violations` (at least one) of a `modelName` value. */
  constructor(modelName: string, violations: readonly RuleViolation[]) {
    const count = violations.length === 1 ? "1 rule" : `${violations.length} rules`;
    super(`${modelName} breaks ${count}:\n`
        + violations.map((v) => `- ${v.ruleId} (${v.fields.join(", ")}): ${v.message}`).join("\n"));
    this.name = "ValidationFailure";
    this.modelName = modelName;
    this.violations = Object.freeze(violations.slice());
  }

  /** The ids of the broken rules, in schema order. */
  get ruleIds(): string[] {
    return this.violations.map((v) => v.ruleId);
  }
}

/** Throws `ValidationFailure` when `violations` is not empty. */
export function throwIfViolated(modelName: string, violations: readonly RuleViolation[]): void {
  if (violations.length > 0) throw new ValidationFailure(modelName, violations);
}
