import ContractRuntime
import PropertyTesting
import Testing
@testable import ContractSchema
@testable import ContractSchemaLoader

/// A class prepared for matching (bitmap, merged ranges, distinct builtins) contains exactly the
/// scalars the class as written contains.
@Suite struct PatternScalarSetTests {
    static func randomScalar(using random: inout SplitMix64) -> Unicode.Scalar {
        let ranges: [ClosedRange<UInt32>] = [0...0x7F, 0x80...0x2FF, 0x300...0x3FF, 0x600...0x6FF, 0x2000...0x206F,
                                            0x3000...0x30FF, 0x1F600...0x1F64F]
        let range = random.pick(ranges)
        let value = UInt32(random.int(in: Int(range.lowerBound)...Int(range.upperBound)))
        return Unicode.Scalar(value) ?? "a"
    }

    @Test func aPreparedClassContainsExactlyTheScalarsOfTheClassAsWritten() {
        let builtins: [PatternBuiltinClass] = [.digit, .word, .whitespace, .anyButLineBreak]
        Property.check(iterations: 500) { random in
            let members = random.list(0...12) { random -> PatternScalarSet.Member in
                if random.chance(0.25) { return .builtin(random.pick(builtins), negated: random.chance(0.3)) }
                let a = Self.randomScalar(using: &random).value, b = Self.randomScalar(using: &random).value
                return .range(min(a, b)...max(a, b))
            }
            let set = PatternScalarSet(members: members, isNegated: random.chance(0.3))
            let prepared = CompiledScalarSet(set)
            for _ in 0..<200 {
                let scalar = Self.randomScalar(using: &random)
                try #require(prepared.contains(scalar) == set.contains(scalar), "\(members) \(set.isNegated) \(scalar.value)")
            }
        }
    }

    @Test func overlappingAndAdjacentRangesMergeWithoutLosingScalars() {
        let set = PatternScalarSet(members: [.range(0x100...0x150), .range(0x140...0x160), .range(0x161...0x170),
                                             .range(0x300...0x300)], isNegated: false)
        let prepared = CompiledScalarSet(set)
        for value in UInt32(0xF0)...0x310 {
            let scalar = Unicode.Scalar(value)!
            #expect(prepared.contains(scalar) == set.contains(scalar), "\(value)")
        }
    }
}
