import ContractSchema

// Fuzz target for error-catalog patterns (`scripts/fuzz.sh FuzzCodePattern SECONDS`).
//
// The input up to its first NUL byte is a pattern, the rest a code (without a NUL, the pattern is matched
// against its own text). The pattern is compiled under the default limits and under tight ones. Nothing
// may crash; a refusal must point inside the pattern; an accepted pattern must stay within its
// instruction limit, compile within a budget of its size but not one less, and match within
// (scalars + 2) × instructions steps, the same way twice, and stop at a step limit when given one. A violated expectation is reported by `fatalError`.

private let tight = CodePatternLimits(maxBytes: 64, maxRepetition: 8, maxInstructions: 64, maxGroupDepth: 4,
                                      maxPatternSteps: 1_000)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCodePattern(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = UnsafeRawBufferPointer(start: start, count: count)
    let split = bytes.firstIndex(of: 0)
    let source = String(decoding: bytes[..<(split ?? count)], as: UTF8.self)
    let code = split.map { String(decoding: bytes[($0 + 1)...], as: UTF8.self) } ?? source
    for limits in [CodePatternLimits.default, tight] {
        check(source, code: code, limits: limits)
    }
    return 0
}

private func check(_ source: String, code: String, limits: CodePatternLimits) {
    let length = source.unicodeScalars.count
    let pattern: CodePattern
    do {
        pattern = try CodePattern(source, limits: limits)
    } catch {
        if error.offset < 0 || error.offset > max(length - 1, 0) {
            fail("refusal at offset \(error.offset) outside the pattern of \(length) scalars: \(error)", source, code)
        }
        return
    }
    if pattern.instructionCount > limits.maxInstructions {
        fail("\(pattern.instructionCount) instructions passed the limit \(limits.maxInstructions)", source, code)
    }
    let fits = try? CodePattern.compile(source, limits: limits, budget: pattern.instructionCount)
    let overBudget = try? CodePattern.compile(source, limits: limits, budget: pattern.instructionCount - 1)
    if fits?.instructionCount != pattern.instructionCount || overBudget != nil {
        fail("compiling within a budget of its own size, or one less, went wrong", source, code)
    }
    let bound = (code.unicodeScalars.count + 2) * pattern.instructionCount
    let (verdict, steps) = pattern.match(code, stepLimit: .max)
    if steps > bound { fail("\(steps) steps passed the bound \(bound)", source, code) }
    if verdict == .stepLimitReached { fail("an unlimited match reached a step limit", source, code) }
    if pattern.matches(code) != (verdict == .match) { fail("two matches of one code disagree", source, code) }
    let (limited, limitedSteps) = pattern.match(code, stepLimit: limits.maxPatternSteps)
    if limited != .stepLimitReached && limited != verdict { fail("a step limit changed the verdict", source, code) }
    if limited == .stepLimitReached && limitedSteps > limits.maxPatternSteps + pattern.instructionCount {
        fail("\(limitedSteps) steps passed the step limit \(limits.maxPatternSteps) by more than one position", source, code)
    }
}

private func fail(_ message: String, _ source: String, _ code: String) -> Never {
    fatalError("FuzzCodePattern: \(message); pattern \(source.debugDescription), code \(code.debugDescription)")
}
