import ContractRuntime
@testable import ContractValidation
import Testing

/// `EnumerationPlan.index(of:)` finds a record's value by its UTF-8 bytes: the first 8 bytes and the
/// length first, then the rest. Values of every length up to 20 that share prefixes, each looked up
/// itself and as near misses (one byte changed at each place, one byte more or less), must be found
/// exactly when they are a value, as a search of `values` would.
@Suite struct EnumerationPlanTests {
    @Test func everyValueAndEveryNearMissIsFoundAsASearchWouldFindIt() {
        var generator = SplitMix64(seed: 0x5EED_0E21)
        let alphabet = Array("ab_-".utf8)
        for round in 0..<60 {
            var values: Set<[UInt8]> = []
            let base = (0..<20).map { _ in alphabet.randomElement(using: &generator)! }
            for _ in 0..<Int.random(in: 0...12, using: &generator) {
                // Shared prefixes of every length, so that heads and lengths collide.
                var value = Array(base.prefix(Int.random(in: 0...20, using: &generator)))
                if !value.isEmpty && Bool.random(using: &generator) {
                    value[Int.random(in: value.indices, using: &generator)] = alphabet.randomElement(using: &generator)!
                }
                values.insert(value)
            }
            let ordered = values.sorted { $0.lexicographicallyPrecedes($1) }
            let plan = EnumerationPlan(name: "E\(round)", values: ordered.map { String(decoding: $0, as: UTF8.self) },
                                       legacy: [:], isOpen: false)
            var probes = ordered
            for value in ordered {
                probes.append(value + [0x61])
                if !value.isEmpty { probes.append(Array(value.dropLast())) }
                for place in value.indices {
                    var changed = value
                    changed[place] ^= 0x01
                    probes.append(changed)
                }
            }
            for probe in probes {
                // Padded on both sides, so that a read past the probe's own bytes would be seen.
                let padded = [0x62, 0x62] + probe + Array(repeating: 0x62, count: 16)
                let found = padded.withUnsafeBufferPointer { plan.index(of: UnsafeBufferPointer(rebasing: $0[2..<(2 + probe.count)])) }
                let expected = ordered.firstIndex(of: probe)
                #expect(found == expected, "\(probe) among \(ordered)")
                // Byte-for-byte matching: the plan's `values` are Strings of the same bytes.
                if let expected { #expect(Array(plan.values[expected].utf8) == probe) }
            }
        }
    }
}
