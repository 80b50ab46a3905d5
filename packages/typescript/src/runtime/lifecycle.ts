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

/** A guarded transition (`{ to, when }` in the schema): the target, the guard as written, and the compiled check. */
export interface GuardedMove<State extends string, Record> {
  readonly to: State;
  /** The guard expression as written in the schema, for `TransitionError.unmetGuard`. */
  readonly when: string;
  readonly holds: (record: Record) => boolean;
}

/** One state of a lifecycle, as the schema gives it. */
export interface StateDefinition<State extends string, Record = never> {
  readonly state: State;
  /** What reaching the state means; given exactly for terminal states. */
  readonly outcome?: Outcome;
  /** The states it may move to, in schema order; a guarded move as a `GuardedMove`. */
  readonly moves?: readonly (State | GuardedMove<State, Record>)[];
}

/** What `lifecycle` takes; the generated module writes it from the schema, one entry per state. */
export interface LifecycleDefinition<State extends string, Record = never> {
  readonly name: string;
  readonly initial: State;
  /** Every state, in schema order. Arrays rather than objects keyed by state: a state may be called `__proto__`. */
  readonly states: readonly StateDefinition<State, Record>[];
  /** Wire values of earlier versions and the states they now mean; read on request, never written. */
  readonly legacy?: readonly { readonly value: string; readonly state: State }[];
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
export function lifecycle<State extends string, Record = never>(
  definition: LifecycleDefinition<State, Record>,
): Lifecycle<State, Record> {
  const legacy: { [value: string]: State } = Object.create(null);
  for (const entry of definition.legacy ?? []) legacy[entry.value] = entry.state;
  const values = wireValues<State>(definition.name, definition.states.map((entry) => entry.state), false, legacy);
  const moves = new Map<State, readonly State[]>();
  const outcomes = new Map<State, Outcome>();
  const guards = new Map<string, GuardedMove<State, Record>>();
  for (const entry of definition.states) {
    const targets: State[] = [];
    for (const move of entry.moves ?? []) {
      if (typeof move === "string") {
        targets.push(move);
      } else {
        targets.push(move.to);
        guards.set(JSON.stringify([entry.state, move.to]), move);
      }
    }
    moves.set(entry.state, Object.freeze(targets));
    if (entry.outcome !== undefined) outcomes.set(entry.state, entry.outcome);
  }
  const guardOf = (from: State, to: State): GuardedMove<State, Record> | undefined =>
    guards.get(JSON.stringify([from, to]));
  const allowed = (state: State): readonly State[] => moves.get(state) ?? [];
  const result: Lifecycle<State, Record> = {
    ...values,
    initial: definition.initial,
    retryPolicy: definition.retry === undefined ? undefined : retryPolicy(definition.retry),
    isTerminal: (state) => outcomes.has(state),
    outcome: (state) => outcomes.get(state) ?? null,
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
        throw new TransitionError(definition.name, from, to, targets, guard.when);
      }
      return to;
    },
  };
  return Object.freeze(result);
}
