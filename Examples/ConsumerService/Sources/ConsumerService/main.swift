import ContractRuntime
import ExecutionContracts
import Foundation

// Our own contract, generated at build time by ContractGenPlugin from orders.yaml.
var order = Order(id: "A-1001", totalCents: 2_500)
order.status = try order.status.transition(to: .paid)
let orderJSON = try order.jsonString()
print("order:", orderJSON)

do {
    _ = try order.status.transition(to: .placed)
    print("unexpected: moved back to placed")
} catch {
    // `transition(to:)` throws only TransitionError (typed throws), so `error` has that type here.
    print("refused:", error)
}

// The shared contract, from the ExecutionContracts product.
let step = TaskStepResult(step: "pandas_tool.read_csv", result: .object(["rows": .int(1000)]), completed: true,
                          message: "Successfully read CSV file", status: .completed)
let data = try step.jsonUTF8Data()
let decoded = try JSONDecoder().decode(TaskStepResult.self, from: data)
print("step:", String(decoding: data, as: UTF8.self))
precondition(decoded == step, "round trip changed the value")

switch decoded.status {
case .pending, .running: print("still going")
case .completed: print("status: completed")
case .cancelled, .timedOut, .failed: print("ended without success")
}

let broken = #"{"step":"x","result":null,"completed":true,"message":"","status":"failed","error_code":null,"error_message":null}"#
do {
    _ = try TaskStepResult(jsonString: broken)
    print("unexpected: a record that breaks the rules was accepted")
} catch {
    print("rejected a record that breaks the rules")
}
