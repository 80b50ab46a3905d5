/// One instruction of a compiled pattern: a Thompson NFA written as a program.
enum PatternInstruction: Sendable, Hashable {
    /// Consume this scalar.
    case scalar(Unicode.Scalar)
    /// Consume a scalar of `PatternProgram.sets[index]`.
    case set(Int)
    /// Continue at both targets (an ε-fork).
    case split(Int, Int)
    /// Continue at the target.
    case jump(Int)
    /// The whole pattern has matched (when the code is used up).
    case match
}

/// A compiled pattern: instructions, ending with the only `match`, and the scalar sets they test.
struct PatternProgram: Sendable {
    var instructions: [PatternInstruction] = []
    var sets: [CompiledScalarSet] = []
}

/// Turns a ``PatternNode`` tree into a ``PatternProgram``, after checking that the program stays within
/// ``CodePatternLimits/maxInstructions`` (counted repetition copies its operand, so sizes multiply).
struct PatternCompiler {
    let limits: CodePatternLimits
    private var program = PatternProgram()
    /// The index of each distinct set in `program.sets`: counted repetition emits one class many times,
    /// and preparing it once keeps compiling linear in the pattern's length.
    private var setIndices: [PatternScalarSet: Int] = [:]

    init(limits: CodePatternLimits) {
        self.limits = limits
    }

    /// The size of `node`'s program, `match` included, checked against the instruction limit before
    /// anything is emitted, so a caller can also weigh it against the work it has left.
    static func programSize(of node: PatternNode, limits: CodePatternLimits) throws(CodePatternError) -> Int {
        let size = try PatternCompiler(limits: limits).size(of: node) + 1
        if size > limits.maxInstructions {
            throw CodePatternError(.tooManyInstructions(limit: limits.maxInstructions), at: node.offset)
        }
        return size
    }

    /// The program of `node`, whose ``programSize(of:limits:)`` is `size`.
    static func emit(_ node: PatternNode, size: Int, limits: CodePatternLimits) -> PatternProgram {
        var compiler = PatternCompiler(limits: limits)
        compiler.program.instructions.reserveCapacity(size)
        compiler.emit(node)
        compiler.program.instructions.append(.match)
        return compiler.program
    }

    /// The number of instructions `node` compiles to; throws at the innermost node that alone exceeds the
    /// limit, so the message points at the repetition to shrink.
    func size(of node: PatternNode) throws(CodePatternError) -> Int {
        let total: Int
        switch node.kind {
        case .empty:
            total = 0
        case .scalar, .set:
            total = 1
        case .concatenation(let items):
            var sum = 0
            for item in items { sum = Self.add(sum, try size(of: item)) }
            total = sum
        case .alternation(let branches):
            var sum = Self.multiply(branches.count - 1, 2)
            for branch in branches { sum = Self.add(sum, try size(of: branch)) }
            total = sum
        case .repetition(let operand, let min, let max):
            let each = try size(of: operand)
            let required = Self.multiply(min, each)
            if let max {
                total = Self.add(required, Self.multiply(max - min, Self.add(each, 1)))
            } else if min > 0 {
                total = Self.add(required, 1)
            } else {
                total = Self.add(each, 2)
            }
        }
        if total > limits.maxInstructions {
            throw CodePatternError(.tooManyInstructions(limit: limits.maxInstructions), at: node.offset)
        }
        return total
    }

    private static func add(_ a: Int, _ b: Int) -> Int {
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow ? .max : sum
    }

    private static func multiply(_ a: Int, _ b: Int) -> Int {
        let (product, overflow) = a.multipliedReportingOverflow(by: b)
        return overflow ? .max : product
    }

    // MARK: - Emitting

    private var next: Int { program.instructions.count }

    private mutating func append(_ instruction: PatternInstruction) -> Int {
        program.instructions.append(instruction)
        return program.instructions.count - 1
    }

    private mutating func emit(_ node: PatternNode) {
        switch node.kind {
        case .empty:
            break
        case .scalar(let scalar):
            _ = append(.scalar(scalar))
        case .set(let set):
            if let index = setIndices[set] {
                _ = append(.set(index))
            } else {
                program.sets.append(CompiledScalarSet(set))
                setIndices[set] = program.sets.count - 1
                _ = append(.set(program.sets.count - 1))
            }
        case .concatenation(let items):
            for item in items { emit(item) }
        case .alternation(let branches):
            var exits: [Int] = []
            for branch in branches.dropLast() {
                let fork = append(.split(next + 1, -1))
                emit(branch)
                exits.append(append(.jump(-1)))
                program.instructions[fork] = .split(fork + 1, next)
            }
            emit(branches[branches.count - 1])
            for exit in exits { program.instructions[exit] = .jump(next) }
        case .repetition(let operand, let min, let max):
            if max == nil, min > 0 {
                // e{n,}: n - 1 copies, then a last copy that may loop back to itself.
                for _ in 0..<(min - 1) { emit(operand) }
                let loop = next
                emit(operand)
                _ = append(.split(loop, next + 1))
                return
            }
            for _ in 0..<min { emit(operand) }
            if let max {
                // Each optional copy may be skipped, and skipping one skips the rest: e{0,3} = (e(e(e)?)?)?.
                var forks: [Int] = []
                for _ in min..<max {
                    forks.append(append(.split(next + 1, -1)))
                    emit(operand)
                }
                for fork in forks { program.instructions[fork] = .split(fork + 1, next) }
            } else {
                let fork = append(.split(next + 1, -1))
                emit(operand)
                _ = append(.jump(fork))
                program.instructions[fork] = .split(fork + 1, next)
            }
        }
    }
}
