/// Runs a ``PatternProgram`` over a code by simulating the NFA's whole set of states at once (Thompson's
/// construction, as in RE2 and Pike's VM, without captures). Each instruction enters the set at most
/// once per position, and preparing the sets costs one step per instruction, so a code of n scalars
/// costs at most (n + 2) × program size steps, with no backtracking and no recursion.
struct PatternMatcher {
    let program: PatternProgram

    /// Whether the program matches all of `scalars`, and the steps (instructions entered into a state
    /// set) it took; stops with `.stepLimitReached` when more than `stepLimit` steps are spent and
    /// scalars remain.
    func run(_ scalars: String.UnicodeScalarView, stepLimit: Int) -> (verdict: CodePattern.Verdict, steps: Int) {
        // Preparing the state sets is work in proportion to the program; refuse it too past the limit.
        if program.instructions.count > stepLimit { return (.stepLimitReached, 0) }
        return program.instructions.withUnsafeBufferPointer { instructions in
            program.sets.withUnsafeBufferPointer { sets in
                var current = StateSet(capacity: instructions.count)
                var following = StateSet(capacity: instructions.count)
                let pending = UnsafeMutableBufferPointer<Int>.allocate(capacity: 2 * instructions.count + 1)
                defer {
                    current.deallocate()
                    following.deallocate()
                    pending.deallocate()
                }
                var steps = instructions.count
                Self.addClosure(of: 0, to: &current, instructions: instructions, pending: pending)
                steps += current.count
                for scalar in scalars {
                    if current.count == 0 { return (.noMatch, steps) }
                    if steps > stepLimit { return (.stepLimitReached, steps) }
                    following.removeAll()
                    for position in 0..<current.count {
                        let pc = current.dense[position]
                        let advances: Bool
                        switch instructions[pc] {
                        case .scalar(let expected): advances = scalar == expected
                        case .set(let index): advances = sets[index].contains(scalar)
                        case .split, .jump, .match: advances = false
                        }
                        if advances {
                            Self.addClosure(of: pc + 1, to: &following, instructions: instructions, pending: pending)
                        }
                    }
                    swap(&current, &following)
                    steps += current.count
                }
                return (current.contains(instructions.count - 1) ? .match : .noMatch, steps)
            }
        }
    }

    /// Adds `start` and every instruction reachable from it without consuming a scalar; an explicit
    /// stack instead of recursion, and the set itself marks what was visited, so ε-loops (`(a*)*`) end.
    /// Each instruction is pushed at most twice per closure (once per incoming edge), hence the stack size.
    private static func addClosure(of start: Int, to set: inout StateSet,
                                   instructions: UnsafeBufferPointer<PatternInstruction>,
                                   pending: UnsafeMutableBufferPointer<Int>) {
        var top = 0
        pending[top] = start
        top += 1
        while top > 0 {
            top -= 1
            let pc = pending[top]
            guard !set.contains(pc) else { continue }
            set.insert(pc)
            switch instructions[pc] {
            case .jump(let target):
                pending[top] = target
                top += 1
            case .split(let first, let second):
                pending[top] = second
                pending[top + 1] = first
                top += 2
            case .scalar, .set, .match:
                break
            }
        }
    }
}

/// A set of instruction indices with constant-time insert, lookup and clear (Briggs and Torczon's
/// sparse set), iterated in insertion order. Its storage is freed with ``deallocate()``.
struct StateSet {
    let dense: UnsafeMutableBufferPointer<Int>
    private let sparse: UnsafeMutableBufferPointer<Int>
    private(set) var count = 0

    init(capacity: Int) {
        dense = .allocate(capacity: capacity)
        sparse = .allocate(capacity: capacity)
        // Any value works in `sparse` (lookups check `dense`), but reading uninitialized memory does not.
        dense.initialize(repeating: 0)
        sparse.initialize(repeating: 0)
    }

    func contains(_ value: Int) -> Bool {
        let slot = sparse[value]
        return slot < count && dense[slot] == value
    }

    mutating func insert(_ value: Int) {
        dense[count] = value
        sparse[value] = count
        count += 1
    }

    mutating func removeAll() { count = 0 }

    func deallocate() {
        dense.deallocate()
        sparse.deallocate()
    }
}
