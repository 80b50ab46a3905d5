// Generated from schema/execution.yaml by `RECORD_GOLDEN=1 swift test --filter BundledContractTests`. DO NOT EDIT.

extension BundledContract {
    /// The text of `schema/execution.yaml`, byte for byte.
    static let executionSchemaText = #"""
contract: Execution
version: 1.1.0
doc: >-
  Task execution results shared by executors, persistence and messaging: the AIECS execution model
  (执行模型, `execution/model.py`), the domain-layer data contract for task status, error codes and
  the result of one task step. Version 1.1.0 is the version that added the task step result model.

lifecycles:
  TaskStatus:
    doc: >-
      The status of a task (任务状态). A task is created pending, starts running, and ends in exactly
      one terminal status; a terminal status is never left or overwritten.
    initial: pending
    states:
      pending:
        doc: "Waiting to run (等待执行): the task has been created but has not started executing."
        terminal: false
      running:
        doc: "Running (正在执行): the task is executing."
        terminal: false
      completed:
        doc: "Completed (已完成): the task finished successfully."
        terminal: true
        outcome: success
      cancelled:
        doc: "Cancelled (已取消): the task was cancelled by a user or by the system."
        terminal: true
        outcome: cancelled
      timed_out:
        doc: "Timed out (执行超时): the task ran longer than its time limit."
        terminal: true
        outcome: timeout
      failed:
        doc: "Failed (执行失败): an error occurred while the task was executing."
        terminal: true
        outcome: failure
    transitions:
      pending: [running, cancelled]
      running: [completed, failed, timed_out, cancelled]
    legacy: { success: completed, error: failed }

errors:
  ErrorCode:
    doc: >-
      The error codes of task execution (错误码), each with a category that decides how callers react
      and the terminal status a task ends in when the error stops it.
    pattern: "E[0-9]{3}"
    codes:
      E001:
        name: validation_error
        category: client
        retryable: false
        message: "The input is invalid."
        doc: "Validation error (参数验证错误): the input parameters do not meet the requirements. A client error."
      E002:
        name: timeout_error
        category: timeout
        retryable: true
        status: timed_out
        message: "The task took too long and timed out."
        doc: "Timeout error (执行超时错误): the task ran longer than its time limit."
      E003:
        name: execution_error
        category: execution
        retryable: false
        status: failed
        message: "The task failed while it was running."
        doc: "Execution error (执行错误): an error occurred while the task was executing (business logic error)."
      E004:
        name: cancelled_error
        category: system
        retryable: false
        status: cancelled
        message: "The task was cancelled."
        doc: "Cancelled error (取消错误): the task was cancelled. A system-level error."
      E005:
        name: retry_exhausted
        category: system
        retryable: false
        status: failed
        message: "The task failed after all retries were used."
        doc: "Retries exhausted (重试耗尽错误): the allowed number of retries has been used up. A system-level error."
      E006:
        name: database_error
        category: system
        retryable: true
        status: failed
        message: "A database operation failed."
        doc: "Database error (数据库错误): a database operation failed. A system-level error."
      E007:
        name: dsl_evaluation_error
        category: system
        retryable: false
        status: failed
        message: "An expression could not be evaluated."
        doc: "DSL evaluation error (DSL 评估错误): evaluating a DSL expression failed. A system-level error."
    normalize: { validation: E001, timeout: E002, cancellation: E004, retry_exhausted: E005, default: E003 }

models:
  TaskStepResult:
    doc: >-
      The result of one task step (任务步骤结果模型): what one operation returned, whether it completed,
      its status, and the error that stopped it, if any. Keys are written in the order of the seed's
      `dict()` serialization.
    fields:
      step:
        type: string
        doc: "Identifier of the operation step (操作步骤标识), e.g. 'pandas_tool.read_csv'."
      result:
        type: json
        doc: "What the operation returned (操作执行结果): any JSON value, null when there is none."
      completed:
        type: bool
        default: false
        doc: "Whether the step completed (是否完成); true exactly when status is completed."
      message:
        type: string
        default: ""
        doc: "Status message (状态消息) for people, e.g. 'Successfully read CSV file'; may be empty."
      status:
        type: TaskStatus
        default: pending
        doc: "Execution status (执行状态) of the step."
      error_code:
        type: ErrorCode
        nullable: true
        default: null
        doc: "Error code (错误码, optional): set when the step did not succeed, null otherwise."
      error_message:
        type: string
        nullable: true
        default: null
        doc: "Error message (错误消息, optional): set together with error_code, null otherwise."
    rules:
      - id: completed_iff_status_completed
        check: "completed == (status == completed)"
        message: "completed must be true exactly when status is completed."
        doc: "A completed result has the completed status, and an incomplete result does not (状态一致性)."
      - id: error_code_iff_error_message
        check: "(error_code == null) == (error_message == null)"
        message: "error_code and error_message must be set together or both be null."
        doc: "An error code never comes without an error message, nor a message without a code (错误信息一致性)."
      - id: unsuccessful_has_error_code
        check: "status in [failed, timed_out, cancelled] implies error_code != null"
        message: "A failed, timed-out or cancelled result must carry an error code."
        doc: "A result that ended without success says why: a failed result is missing an error code otherwise."

"""#
}
