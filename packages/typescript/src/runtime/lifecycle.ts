import { RetryPolicy, RetryPolicyDefinition, retryPolicy } from "./retry-policy.js";
import { WireValues, wireValues } from "./wire-values.js";

/** What reaching a terminal lifecycle state means for the caller. */
export type Outcome = "success" | "failure" | "cancelled" | "timeout";

/** A lifecycle move the schema does not allow, thrown by `transition`. All values are wire values. */
export class TransitionError extends Error {
  /** The lifecycle's name, e.g. `TaskStatus`. */
  readonly lifecycle: string;
  /** The state the move started from. */
  readonly from: string;
  /** The state the move asked for. */
  readonly to: string;
  /** The states `from` may move to, in schema order; empty for a terminal state. */
  readonly allowed: readonly string[];
  /** The guard (`when:`) that did not hold for the record, when the move is listed but guarded. */
  readonly unmetGuard: string | null;

  /** An error for the move `from` → `to`; `unmetGuard` names the guard that failed, if that was the reason. */
  constructor(lifecycle: string, from: string, to: string, allowed: readonly string[],
      unmetGuard: string | null = null) {
    const head = `${lifecycle}: cannot move from ${from} to ${to}`;
    super(unmetGuard !== null ? `${head}; the guard \`${unmetGuard}\` does not hold`
      : allowed.length === 0 ? `${head}; ${from} is terminal` : `${head}; allowed: ${allowed.join(", ")}`);
    this.name = "TransitionError";
    this.lifecycle = lifecycle;
    this.from = from;
    this.to = to;
    this.allowed = Object.freeze(allowed.slice());
    this.unmetGuard = unmetGuard;
  }

  /** Whether the move was refused because `from` is terminal. */
  get isFromTerminalState(): boolean {
    return this.allowed.length === 0;
  }
}

/** A transition's guard: its expression as written in the schema, and the compiled check. */
export interface TransitionGuard<Record> {
  readonly source: string;
  readonly holds: (record: Record) => boolean;
}

/** What `lifecycle` takes; the generated module writes it from the schema. */
export interface LifecycleDefinition<State extends string, Record = never> {
  readonly name: string;
  /** Every state, in schema order. */
  readonly values: readonly State[];
  readonly initial: State;
  /** The outcome of each terminal state; a state with an outcome is terminal, one without is not. */
  readonly outcomes: { readonly [S in State]?: Outcome };
  /** The states each state may move to, in schema order; a state that is not listed has no moves. */
  readonly transitions: { readonly [S in State]?: readonly State[] };
  /** Wire values of earlier versions and the states they now mean; read on request, never written. */
  readonly legacy?: Readonly<{ [value: string]: State }>;
  /** Guards (`when:`) of moves, by source then target state, over the lifecycle's `record` model. */
  readonly guards?: { readonly [S in State]?: { readonly [T in State]?: TransitionGuard<Record> } };
  /** The lifecycle's `retry:` policy. */
  readonly retry?: RetryPolicyDefinition;
}

/** A lifecycle's states and moves: the const object generated beside its string-literal union type. */
export interface Lifecycle<State extends string, Record = never> extends WireValues<State> {
  /** The state a new record starts in. */
  readonly initial: State;
  /** The lifecycle's `retry:` policy, when the schema gives one. */
  readonly retryPolicy: RetryPolicy | undefined;
  /** Whether the record is finished in `state`; no transition leaves a terminal state. */
  isTerminal(state: State): boolean;
  /** What reaching `state` means; null for a state that is not terminal. */
  outcome(state: State): Outcome | null;
  /** The states `state` may move to, in schema order; empty for a terminal state. Guards are not evaluated. */
  allowedTransitions(state: State): readonly State[];
  /**
   * Whether the schema lists the move `from` → `to`, and, when `record` is given, its guard (if any) holds for it.
   * Without a record guards are not evaluated.
   */
  canTransition(from: State, to: State, record?: Record): boolean;
  /**
   * `to` if the schema lists the move and, when `record` is given, its guard (if any) holds; otherwise throws
   * `TransitionError` (a terminal state's moves included: `completed` → `failed` throws).
   */
  transition(from: State, to: State, record?: Record): State;
}

/** Builds a lifecycle's const object from its schema data. */
export function lifecycle<State extends string, Record = never>(definition: LifecycleDefinition<State,
    Record>): Lifecycle<State, Record> {
  const values = wireValues<State>(definition.name, definition.values, false, definition.legacy ?? {});
  const moves = new Map<State, readonly State[]>();
  for (const state of definition.values) moves.set(state, Object.freeze((definition.transitions[state] ?? []).slice()));
  const guardOf = (from: State, to: State): TransitionGuard<Record> | undefined => definition.guards?.[from]?.[to];
  const allowed = (state: State): readonly State[] => moves.get(state) ?? [];
  const result: Lifecycle<State, Record> = {
    ...values,
    initial: definition.initial,
    retryPolicy: definition.retry === undefined ? undefined : retryPolicy(definition.retry),
    isTerminal: (state) => definition.outcomes[state] !== undefined,
    outcome: (state) => definition.outcomes[state] ?? null,
    allowedTransitions: allowed,
    canTransition(from, to, record) {
      if (!allowed(from).includes(to)) return false;
      const guard = guardOf(from, to);
      return record === undefined || guard === undefined || guard.holds(record);
    },
    transition(from, to, record) {
      const targets = allowed(from);
      if (!targets.includes(to)) throw new TransitionError(definition.name, from, to, targets);
      const guard = guardOf(from, to);
      if (record !== undefined && guard !== undefined && !guard.holds(record)) {
        throw new TransitionError(definition.name, from, to, targets, guard.source);
      }
      return to;
    },
  };
  return Object.freeze(result);
}
