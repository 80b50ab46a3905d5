@testable import ContractCodegen
import Testing

/// How the Python emitter spells literals, docstrings and names (``PythonSyntax``, ``PythonNaming``).
@Suite struct PythonSyntaxTests {
    /// Python's `repr` for doubles across the layouts it uses: fixed for exponents -4 to 15, scientific
    /// otherwise, shortest round-trip digits, `-0.0`, and the largest and smallest finite values.
    @Test(arguments: [
        (0.0, "0.0"), (-0.0, "-0.0"), (1.0, "1.0"), (-2.5, "-2.5"), (0.5, "0.5"), (1.5, "1.5"), (0.1, "0.1"),
        (1e-4, "0.0001"), (1e-5, "1e-05"), (1.5e-7, "1.5e-07"), (123456.789, "123456.789"),
        (9007199254740993.0, "9007199254740992.0"), (1e15, "1000000000000000.0"), (1e16, "1e+16"),
        (1.2345678901234568e16, "1.2345678901234568e+16"), (1e100, "1e+100"), (Double.leastNonzeroMagnitude, "5e-324"),
        (Double.greatestFiniteMagnitude, "1.7976931348623157e+308"), (-1e22, "-1e+22"), (100.0, "100.0"),
    ])
    func aDoubleIsWrittenAsPythonsRepr(value: Double, expected: String) {
        #expect(PythonSyntax.doubleLiteral(value) == expected)
    }

    @Test func aStringLiteralEscapesQuotesBackslashesAndInvisibleCharacters() {
        #expect(PythonSyntax.stringLiteral("a\"b\\c\nd\te\u{0}f\u{7F}g\u{85}h\u{2028}i\u{202E}j\u{1F600}é")
                == "\"a\\\"b\\\\c\\nd\\te\\x00f\\x7fg\\x85h\\u2028i\\u202ej\u{1F600}é\"")
    }

    @Test func docstringTextCannotCloseTheDocstring() {
        #expect(PythonSyntax.docstringText("a \"\"\" b") == "a \"\\\"\\\" b")
        #expect(PythonSyntax.docstringText("ends with \"") == "ends with \\\"")
        #expect(PythonSyntax.docstringText("back\\slash") == "back\\\\slash")
    }

    @Test func aCommentCannotEndItsLine() {
        #expect(PythonSyntax.commentText("a\nb\rc\u{2028}d") == "a\\nb\\rc\\u2028d")
    }

    @Test(arguments: [("timed_out", "TIMED_OUT"), ("agent-test", "AGENT_TEST"), ("2xx", "V_2XX"),
                      ("PENDING", "PENDING"), ("none", "NONE"), ("a.b c", "A_B_C")])
    func aWireValueBecomesAnUpperSnakeMember(wire: String, member: String) {
        #expect(PythonNaming.upperSnake(wire: wire) == member)
    }

    @Test(arguments: [("SubTaskStatus", "SUB_TASK_STATUS"), ("HTTPStatus", "HTTP_STATUS"), ("Job2Status", "JOB2_STATUS"),
                      ("A", "A")])
    func aTypeNameBecomesTheUpperSnakeStemOfItsTables(type: String, stem: String) {
        #expect(PythonNaming.upperSnake(camelCase: type) == stem)
    }
}
