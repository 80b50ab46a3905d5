@testable import ContractCodegen
import ContractSchema
import Testing

/// Schema names that Python, the runtime or the module itself already use get a trailing `_`, and names
/// that would collide stay distinct (``PythonNaming``).
@Suite struct PythonNamingTests {
    static let schema = """
        contract: Names
        version: 1.0.0
        enums:
          None:
            values: [a-b, aB_c, ab_c]
          BaseException:
            values: [x]
        models:
          Typing:
            fields:
              from: { type: int }
              str: { type: string }
              to_json: { type: string }
              __hidden: { type: string }
              None: { type: string }
              rt: { type: string }
              match: { type: string }
        """

    @Test func typeNamesThatAreKeywordsOrBuiltinsTheModuleUsesGetATrailingUnderscore() throws {
        let naming = PythonNaming(contract: try Golden.contract(Self.schema))
        #expect(naming.type("None") == "None_")
        #expect(naming.type("BaseException") == "BaseException_")
        #expect(naming.type("Typing") == "Typing")
    }

    @Test func membersThatWouldCollideAreMadeUnique() throws {
        let naming = PythonNaming(contract: try Golden.contract(Self.schema))
        #expect(["a-b", "aB_c", "ab_c"].map { naming.member($0, of: "None") } == ["A_B", "AB_C", "AB_C_"])
    }

    @Test func fieldsThatPythonOrTheModuleReserveGetATrailingUnderscoreAndStayUnique() throws {
        let naming = PythonNaming(contract: try Golden.contract(Self.schema))
        // `None` as a field also avoids `None_`, the enum's class name.
        let fields = ["from", "str", "to_json", "__hidden", "None", "rt", "match"]
        #expect(fields.map { naming.attribute($0, of: "Typing") }
                == ["from_", "str_", "to_json_", "_hidden", "None__", "rt_", "match"])
    }
}
