#!/usr/bin/env python3
"""Deterministic corpus generator for the validation benchmark (issue 5).

Writes JSON Lines of TaskStepResult records shaped like the AIECS executor output (seed 003): a step
name such as ``pandas_tool.read_csv``, a ``result`` that is any JSON (nested objects and arrays, rows and
columns, statistics as floats, text in Chinese with emoji and escapes, composite steps holding the
results of their child steps), and ``completed``/``message``/``status``/``error_code``/``error_message``
consistent with the contract's three rules:

  completed_iff_status_completed   completed == (status == completed)
  error_code_iff_error_message     (error_code == null) == (error_message == null)
  unsuccessful_has_error_code      status in [failed, timed_out, cancelled] implies error_code != null

Usage:
  make_corpus.py [--records N] [--seed S] [--invalid-every K] [--size-mb MB] [--out FILE]
  make_corpus.py --invalid-out FILE      # one line per invalid case (+ FILE.expected.tsv)
  make_corpus.py --markdown              # the README's table of invalid cases

--invalid-every K puts one invalid line (cycling through INVALID_CASES) after every K valid records.
--size-mb MB repeats the generated block of lines until the file reaches about MB mebibytes (for the
peak-RSS test on a 1 GB file); the output is the same for the same arguments on every run.
Only the standard library is used, so the generator runs on any Python 3.9+.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from typing import Any, Callable, Dict, List, NamedTuple, Optional

STATUS_WEIGHTS = [
    ("completed", 70), ("failed", 12), ("timed_out", 5), ("cancelled", 4), ("running", 5), ("pending", 4),
]
FAILED_CODES = [("E003", 45), ("E001", 25), ("E006", 12), ("E005", 10), ("E007", 8)]

TOOLS = {
    "pandas_tool": ["read_csv", "read_excel", "describe", "groupby", "merge", "filter", "pivot_table", "to_csv"],
    "chart_tool": ["bar_chart", "line_chart", "pie_chart", "scatter_plot"],
    "search_tool": ["search", "search_news", "search_images"],
    "scraper_tool": ["fetch_page", "parse_html", "extract_links"],
    "office_tool": ["extract_text", "read_docx", "write_pptx"],
    "stats_tool": ["ttest", "correlation", "regression", "anova"],
    "classfire_tool": ["classify", "tokenize", "summarize", "extract_keywords"],
    "image_tool": ["ocr", "resize", "metadata"],
    "research_tool": ["deduce", "induce", "hypothesis_test"],
}
COMPOSITE_STEPS = ["workflow.data_pipeline", "workflow.report_generation", "dsl.parallel_block",
                   "dsl.sequential_block", "task_manager.batch_execute"]

SUCCESS_MESSAGES = {
    "read_csv": "Successfully read CSV file", "read_excel": "Successfully read Excel file",
    "describe": "Descriptive statistics computed", "search": "Search completed",
    "extract_text": "Text extracted", "classify": "Classification completed",
    "fetch_page": "Page fetched", "ocr": "OCR completed",
}
CHINESE_TEXT = [
    "数据处理完成", "读取 CSV 文件成功", "销售额同比增长 12.5%", "北京市朝阳区", "用户满意度调查结果",
    "任务执行成功 ✅", "模型推理耗时较长", "第一季度财务报表", "客户反馈：非常满意 👍", "上海 → 深圳 物流路线",
    "执行模型技术文档", "参数验证错误", "错误码体系和分类机制", "机器学习 🤖 与数据分析 📊",
]
ERROR_MESSAGES = {
    "E001": ["Invalid parameter 'file_path': expected a string", "Missing required parameter: columns",
             "参数验证错误: 'limit' must be positive", "Unsupported file format: .xlsb"],
    "E002": ["Operation timed out after 30 seconds", "Timeout while waiting for the search API (60s)",
             "执行超时: 超过 120 秒"],
    "E003": ["File not found: data.csv", "Invalid data format detected", "KeyError: 'revenue'",
             "ValueError: could not convert string to float: 'N/A'", "执行错误: 除以零"],
    "E004": ["Task cancelled by user", "Cancelled: the parent task was cancelled", "任务被用户取消"],
    "E005": ["Retries exhausted after 3 attempts: connection reset", "重试耗尽: 3 次尝试均失败"],
    "E006": ["psycopg.OperationalError: connection refused", "Deadlock detected while saving task_steps",
             "数据库错误: 连接超时"],
    "E007": ["DSL evaluation failed: unknown variable 'result.rows'", "Cannot evaluate condition "
             "\"${steps.0.result.total} > 10\": not a number"],
}
WORDS = ["revenue", "region", "product", "quantity", "price", "date", "customer_id", "score", "category",
         "城市", "销售额", "日期", "产品名称", "数量"]


def weighted(rng: random.Random, pairs):
    total = sum(w for _, w in pairs)
    pick = rng.uniform(0, total)
    for value, weight in pairs:
        pick -= weight
        if pick <= 0:
            return value
    return pairs[-1][0]


def some_text(rng: random.Random) -> str:
    kind = rng.random()
    if kind < 0.35:
        return rng.choice(CHINESE_TEXT)
    if kind < 0.55:
        return " ".join(rng.choice(WORDS) for _ in range(rng.randint(2, 8)))
    if kind < 0.7:
        # Escapes that every producer writes: quotes, backslashes, newlines, tabs.
        return f'path "C:\\\\data\\\\{rng.choice(WORDS)}.csv"\n\tline {rng.randint(1, 999)}'
    if kind < 0.8:
        return f"{rng.choice(CHINESE_TEXT)} — naïve café, Ωmega, 😀🎉 {rng.randint(1, 100)}"
    return f"{rng.choice(WORDS)}_{rng.randint(0, 10 ** 6)}"


def some_float(rng: random.Random) -> float:
    kind = rng.random()
    if kind < 0.6:
        return round(rng.uniform(-1000, 100000), rng.randint(0, 6))
    if kind < 0.8:
        return rng.random()
    if kind < 0.9:
        return rng.uniform(-1, 1) * 10 ** rng.randint(-12, 15)
    return float(rng.randint(0, 1000))  # written as 12.0: a double, not an int


def cell(rng: random.Random) -> Any:
    kind = rng.random()
    if kind < 0.3:
        return rng.randint(-10 ** 6, 10 ** 9)
    if kind < 0.55:
        return some_float(rng)
    if kind < 0.85:
        return some_text(rng)
    if kind < 0.93:
        return None
    return rng.random() < 0.5


def table_result(rng: random.Random) -> Dict[str, Any]:
    columns = rng.sample(WORDS, rng.randint(2, 6))
    rows = rng.randint(0, 5_000_000)
    result: Dict[str, Any] = {"rows": rows, "columns": len(columns), "column_names": columns,
                              "dtypes": {c: rng.choice(["int64", "float64", "object", "datetime64[ns]", "bool"])
                                         for c in columns}}
    if rng.random() < 0.7:
        result["preview"] = [[cell(rng) for _ in columns] for _ in range(rng.randint(1, 5))]
    if rng.random() < 0.3:
        result["memory_usage_mb"] = round(rng.uniform(0.01, 2048), 3)
    return result


def stats_result(rng: random.Random) -> Dict[str, Any]:
    return {c: {"count": rng.randint(1, 10 ** 6), "mean": some_float(rng), "std": abs(some_float(rng)),
                "min": some_float(rng), "25%": some_float(rng), "50%": some_float(rng),
                "75%": some_float(rng), "max": some_float(rng)}
            for c in rng.sample(WORDS, rng.randint(1, 4))}


def search_result(rng: random.Random) -> Dict[str, Any]:
    hits = [{"title": some_text(rng), "url": f"https://example.{rng.choice(['com', 'cn', 'org'])}/"
                                              f"{rng.choice(WORDS)}/{rng.randint(1, 99999)}?q=a&lang=zh-CN",
             "snippet": some_text(rng), "rank": i + 1, "score": round(rng.random(), 4)}
            for i in range(rng.randint(0, 6))]
    return {"query": some_text(rng), "total": rng.randint(len(hits), 10 ** 7), "results": hits}


def text_result(rng: random.Random) -> Dict[str, Any]:
    text = "\n".join(some_text(rng) for _ in range(rng.randint(1, 6)))
    return {"text": text, "pages": rng.randint(1, 300), "language": rng.choice(["zh", "en", "mixed"]),
            "metadata": {"author": rng.choice(["张伟", "Alice", "李娜", None]), "encrypted": False}}


def classify_result(rng: random.Random) -> Dict[str, Any]:
    labels = ["positive", "negative", "neutral", "正面", "负面"]
    scores = sorted((rng.random() for _ in labels), reverse=True)
    return {"label": labels[0], "scores": dict(zip(labels, [round(s, 6) for s in scores])),
            "tokens": [some_text(rng) for _ in range(rng.randint(0, 5))]}


def chart_result(rng: random.Random) -> Dict[str, Any]:
    n = rng.randint(2, 12)
    return {"chart_type": rng.choice(["bar", "line", "pie", "scatter"]),
            "file": f"/tmp/charts/{rng.randint(1, 10 ** 9):x}.png",
            "data": {"x": [f"2024-{m:02d}" for m in range(1, n + 1)], "y": [some_float(rng) for _ in range(n)]},
            "title": some_text(rng), "width": 800, "height": 600}


def scalar_result(rng: random.Random) -> Any:
    kind = rng.random()
    if kind < 0.3:
        return some_text(rng)
    if kind < 0.5:
        return rng.randint(-10 ** 12, 10 ** 12)
    if kind < 0.65:
        return some_float(rng)
    if kind < 0.8:
        return [cell(rng) for _ in range(rng.randint(0, 10))]
    if kind < 0.9:
        return rng.random() < 0.5
    return {}


RESULT_MAKERS: Dict[str, Callable[[random.Random], Any]] = {
    "pandas_tool": lambda r: stats_result(r) if r.random() < 0.25 else table_result(r),
    "chart_tool": chart_result, "search_tool": search_result, "scraper_tool": lambda r: {
        "url": f"https://news.example.cn/{r.randint(1, 10 ** 6)}", "status_code": 200,
        "links": [f"/article/{r.randint(1, 10 ** 6)}" for _ in range(r.randint(0, 8))],
        "title": some_text(r)},
    "office_tool": text_result, "stats_tool": stats_result, "classfire_tool": classify_result,
    "image_tool": lambda r: {"text": some_text(r), "width": r.randint(16, 8000), "height": r.randint(16, 8000),
                             "confidence": round(r.random(), 3)},
    "research_tool": lambda r: {"conclusion": some_text(r), "confidence": r.random(),
                                "evidence": [some_text(r) for _ in range(r.randint(1, 4))]},
}


def record(rng: random.Random, depth: int = 0, status: Optional[str] = None) -> Dict[str, Any]:
    """One valid TaskStepResult as the seed's ``dict()`` writes it (keys in that order)."""
    if status is None:
        status = weighted(rng, STATUS_WEIGHTS)
    composite = depth < 2 and rng.random() < (0.06 if depth == 0 else 0.15)
    if composite:
        step = rng.choice(COMPOSITE_STEPS)
    else:
        tool = rng.choice(list(TOOLS))
        step = f"{tool}.{rng.choice(TOOLS[tool])}"
    error_code = error_message = None
    if status == "completed":
        if composite:
            children = [record(rng, depth + 1, "completed") for _ in range(rng.randint(2, 5))]
            result: Any = {"steps": children, "summary": {"total": len(children), "succeeded": len(children),
                                                          "duration_ms": rng.randint(5, 600_000)}}
        elif rng.random() < 0.1:
            result = scalar_result(rng)
        else:
            result = RESULT_MAKERS[step.split(".")[0]](rng)
        op = step.split(".")[1]
        message = SUCCESS_MESSAGES.get(op) or rng.choice([f"{op} completed successfully", "", "操作成功完成",
                                                          "Data processing completed successfully"])
    else:
        if status == "failed":
            error_code = weighted(rng, FAILED_CODES)
        elif status == "timed_out":
            error_code = "E002"
        elif status == "cancelled":
            error_code = "E004"
        elif status == "running" and rng.random() < 0.1:
            error_code = "E005"  # a retry in progress after a failure: allowed, the rules only need both set
        if error_code is not None:
            error_message = rng.choice(ERROR_MESSAGES[error_code])
        result = None
        if composite and status in ("failed", "timed_out", "cancelled"):
            done = [record(rng, depth + 1, "completed") for _ in range(rng.randint(0, 3))]
            result = {"steps": done + [record(rng, depth + 1, status)], "failed_at": len(done)}
        elif status == "running":
            result = {"progress": round(rng.random(), 3), "eta_seconds": rng.randint(0, 3600)} \
                if rng.random() < 0.5 else None
        message = {"failed": rng.choice(["Failed to read CSV file", "Data processing failed", "执行失败", ""]),
                   "timed_out": "Operation timed out", "cancelled": rng.choice(["Cancelled", "任务已取消"]),
                   "running": rng.choice(["Running", "正在执行", ""]), "pending": ""}[status]
    return {"step": step, "result": result, "completed": status == "completed", "message": message,
            "status": status, "error_code": error_code, "error_message": error_message}


def encode(rng: random.Random, value: Dict[str, Any]) -> bytes:
    """Serialized the way real producers do: Python's default json.dumps (ASCII escapes, ", " and ": ")
    for a good share, compact UTF-8 for most, and now and then keys in another order."""
    if rng.random() < 0.02:
        items = list(value.items())
        rng.shuffle(items)
        value = dict(items)
    if rng.random() < 0.4:
        text = json.dumps(value, allow_nan=False)
    else:
        text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return text.encode("utf-8")


# ---------------------------------------------------------------------------------------------------
# Invalid lines. Each case: (id, expected category, line bytes, what it is, blind-spot flag). The
# blind spots are the lines some peer (json module, pydantic, msgspec) is known or suspected to accept.

def _j(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


OK = {"step": "pandas_tool.read_csv", "result": {"rows": 1000, "columns": 5, "names": ["id", "名称"]},
      "completed": True, "message": "Successfully read CSV file", "status": "completed",
      "error_code": None, "error_message": None}
FAILED = {"step": "pandas_tool.read_csv", "result": None, "completed": False, "message": "Failed to read CSV file",
          "status": "failed", "error_code": "E003", "error_message": "File not found: data.csv"}
OK_BYTES = _j(OK)


def _with(base: Dict[str, Any], **changes: Any) -> Dict[str, Any]:
    value = dict(base)
    for key, new in changes.items():
        if new is _DROP:
            del value[key]
        else:
            value[key] = new
    return value


_DROP = object()


def _replace(old: bytes, new: bytes, base: bytes = OK_BYTES) -> bytes:
    assert base.count(old) == 1, old
    return base.replace(old, new)


class Case(NamedTuple):
    id: str
    category: str
    line: bytes
    note: str
    blind_spot: bool = False


INVALID_CASES: List[Case] = [
    # malformed_json
    Case("truncated", "malformed_json", OK_BYTES[:60], "line cut off inside `result`"),
    Case("single_quotes", "malformed_json", str(OK).encode(), "Python `str(dict)` instead of JSON (single quotes, True, None)"),
    Case("unquoted_key", "malformed_json", _replace(b'"step"', b"step"), "unquoted key `step`"),
    Case("missing_colon", "malformed_json", _replace(b'"message":', b'"message" '), "missing `:` after a key"),
    Case("trailing_comma_object", "malformed_json", OK_BYTES[:-1] + b",}", "trailing comma in the top-level object"),
    Case("trailing_comma_array", "malformed_json", _replace('"名称"]'.encode(), '"名称",]'.encode()), "trailing comma in an array inside `result`"),
    Case("python_true", "malformed_json", _replace(b'"completed":true', b'"completed":True'), "Python literal `True`"),
    Case("leading_zero", "malformed_json", _replace(b'"rows":1000', b'"rows":01000'), "number with a leading zero"),
    Case("comment", "malformed_json", _replace(b'"rows":1000', b'"rows":1000 /* approx */'), "a `/* */` comment"),
    Case("nan", "malformed_json", _replace(b'"columns":5', b'"columns":NaN'), "`NaN` in `result`", True),
    Case("infinity", "malformed_json", _replace(b'"columns":5', b'"columns":Infinity'), "`Infinity` in `result`", True),
    Case("minus_infinity", "malformed_json", _replace(b'"columns":5', b'"columns":-Infinity'), "`-Infinity` in `result`", True),
    # invalid_utf8
    Case("byte_ff", "invalid_utf8", _replace(b"Successfully", b"Success\xfffully"), "byte FF inside `message`"),
    Case("truncated_sequence", "invalid_utf8", _replace("名称".encode(), "名".encode() + b"\xe7\xa7"), "a 3-byte sequence cut after 2 bytes"),
    Case("overlong_slash", "invalid_utf8", _replace(b"read_csv", b"read\xc0\xafcsv"), "overlong encoding C0 AF of `/` in `step`"),
    Case("stray_continuation", "invalid_utf8", _replace(b"CSV", b"C\x80SV"), "a lone continuation byte 80"),
    Case("cesu8_lone_surrogate", "invalid_utf8", _replace(b"Successfully", b"Successfully \xed\xa0\x80"), "CESU-8 surrogate bytes ED A0 80 (U+D800) in `message`", True),
    Case("cesu8_pair", "invalid_utf8", _replace(b"Successfully", b"Successfully \xed\xa0\xbd\xed\xb8\x80"), "emoji U+1F600 written as a CESU-8 surrogate pair (ED A0 BD ED B8 80)", True),
    # byte_order_mark
    Case("bom", "byte_order_mark", b"\xef\xbb\xbf" + OK_BYTES, "UTF-8 BOM (EF BB BF) at the start of the line", True),
    # duplicate_key
    Case("duplicate_top", "duplicate_key", b'{"status":"failed",' + OK_BYTES[1:], "`status` twice at top level: failed, then completed (last-wins readers see a valid record)", True),
    Case("duplicate_top_same", "duplicate_key", OK_BYTES[:-1] + b',"completed":true}', "`completed` twice with the same value", True),
    Case("duplicate_nested", "duplicate_key", _replace(b'"rows":1000', b'"rows":1000,"rows":0'), "`rows` twice inside `result`", True),
    Case("duplicate_escaped", "duplicate_key", _replace(b'"rows":1000', b'"rows":1000,"\\u0072ows":0'), "`rows` and `\\u0072ows` (equal after unescaping) inside `result`", True),
    # number_out_of_range
    Case("exp_1e400", "number_out_of_range", _replace(b'"columns":5', b'"columns":1e400'), "`1e400` in `result`", True),
    Case("exp_minus_1e400", "number_out_of_range", _replace(b'"columns":5', b'"columns":-1e400'), "`-1e400` in `result`", True),
    Case("huge_integer", "number_out_of_range", _replace(b'"columns":5', b'"columns":1' + b"0" * 400), "a 401-digit integer in `result` (beyond a double)", True),
    # control_character
    Case("raw_tab", "control_character", _replace(b"Successfully read", b"Successfully\tread"), "a raw TAB (09) inside `message`"),
    Case("raw_nul", "control_character", _replace(b"Successfully read", b"Successfully\x00read"), "a raw NUL (00) inside `message`"),
    Case("raw_unit_separator", "control_character", _replace("名称".encode(), "名\x1f称".encode()), "a raw 1F inside a string in `result`"),
    # invalid_escape
    Case("escape_x", "invalid_escape", _replace(b"Successfully", b"Success\\x66ully"), "`\\x66` is not a JSON escape"),
    Case("escape_quote", "invalid_escape", _replace(b"Successfully", b"Success\\'fully"), "`\\'` is not a JSON escape"),
    Case("short_unicode", "invalid_escape", _replace(b"Successfully", b"Success\\u66ully"), "`\\u` with only 2 hex digits"),
    # lone_surrogate
    Case("lone_high", "lone_surrogate", _replace(b"Successfully", b"Successfully \\ud800"), "`\\ud800` alone in `message`", True),
    Case("lone_low", "lone_surrogate", _replace(b'"id"', b'"\\udc00"'), "`\\udc00` alone in `result`", True),
    Case("high_then_letter", "lone_surrogate", _replace(b"Successfully", b"\\ud83dA Successfully"), "`\\ud83d` followed by `A`, not a low surrogate", True),
    Case("lone_in_key", "lone_surrogate", _replace(b'"rows"', b'"rows\\ud800"'), "a lone surrogate in a key inside `result`", True),
    # trailing_data
    Case("two_objects", "trailing_data", OK_BYTES + b" " + OK_BYTES, "two records on one line"),
    Case("trailing_garbage", "trailing_data", OK_BYTES + b"x", "a stray `x` after the record"),
    # too_deep
    Case("deep_result", "too_deep", _replace('"names":["id","名称"]'.encode(), b'"names":' + b"[" * 600 + b"]" * 600),
         "arrays nested 600 deep inside `result` (limit 512)", True),
    # not_an_object
    Case("array", "not_an_object", b"[" + OK_BYTES + b"]", "the record wrapped in an array"),
    Case("number", "not_an_object", b"42", "a bare number"),
    Case("string", "not_an_object", b'"pandas_tool.read_csv"', "a bare string"),
    Case("null", "not_an_object", b"null", "`null`"),
    # missing_field
    Case("missing_error_message", "missing_field", _j(_with(OK, error_message=_DROP)), "no `error_message` (nullable fields are written as explicit null)"),
    Case("missing_result", "missing_field", _j(_with(OK, result=_DROP)), "no `result`"),
    Case("missing_step", "missing_field", _j(_with(FAILED, step=_DROP)), "no `step`"),
    # unknown_field
    Case("extra_field", "unknown_field", OK_BYTES[:-1] + b',"duration_ms":12}', "an extra `duration_ms`"),
    Case("camel_case", "unknown_field", _j({"step": "pandas_tool.read_csv", "result": None, "completed": False,
                                            "message": "", "status": "failed", "errorCode": "E003",
                                            "error_code": "E003", "error_message": "File not found: data.csv"}),
         "an extra camelCase `errorCode` next to `error_code`"),
    # wrong_type
    Case("completed_string", "wrong_type", _j(_with(OK, completed="true")), "`completed: \"true\"`"),
    Case("completed_int", "wrong_type", _j(_with(OK, completed=1)), "`completed: 1`"),
    Case("step_number", "wrong_type", _j(_with(OK, step=42)), "`step: 42`"),
    Case("message_null", "wrong_type", _j(_with(OK, message=None)), "`message: null` (not nullable)"),
    Case("status_null", "wrong_type", _j(_with(OK, status=None)), "`status: null` (not nullable)"),
    Case("error_code_number", "wrong_type", _j(_with(FAILED, error_code=3)), "`error_code: 3`"),
    Case("error_message_object", "wrong_type", _j(_with(FAILED, error_message={"text": "x"})), "`error_message` as an object"),
    # unknown_enum_value
    Case("status_done", "unknown_enum_value", _j(_with(OK, status="done")), "`status: \"done\"`"),
    Case("status_upper", "unknown_enum_value", _j(_with(OK, status="COMPLETED")), "`status: \"COMPLETED\"` (enum member name, not value)"),
    Case("status_legacy_success", "unknown_enum_value", _j(_with(OK, status="success")), "legacy v1.0 `status: \"success\"` (read only on request)"),
    Case("status_legacy_error", "unknown_enum_value", _j(_with(FAILED, status="error")), "legacy v1.0 `status: \"error\"`"),
    Case("error_code_e999", "unknown_enum_value", _j(_with(FAILED, error_code="E999")), "`error_code: \"E999\"` (matches the pattern, not in the catalog)"),
    Case("error_code_name", "unknown_enum_value", _j(_with(FAILED, error_code="EXECUTION_ERROR")), "`error_code` as the enum name"),
    # rules, each line breaking exactly one rule unless noted
    Case("rule1_completed_but_running", "rule:completed_iff_status_completed", _j(_with(OK, status="running")), "`completed: true` with `status: running`"),
    Case("rule1_status_completed_not_completed", "rule:completed_iff_status_completed", _j(_with(OK, completed=False)), "`status: completed` with `completed: false`"),
    Case("rule2_code_without_message", "rule:error_code_iff_error_message", _j(_with(FAILED, status="running", error_message=None)), "running with `error_code` but null `error_message`"),
    Case("rule2_message_without_code", "rule:error_code_iff_error_message", _j(_with(OK, status="pending", completed=False, error_message="stale message")), "pending with `error_message` but null `error_code`"),
    Case("rule3_failed_without_error", "rule:unsuccessful_has_error_code", _j(_with(FAILED, error_code=None, error_message=None)), "failed with neither code nor message"),
    Case("rule3_cancelled_without_error", "rule:unsuccessful_has_error_code", _j(_with(FAILED, status="cancelled", error_code=None, error_message=None)), "cancelled with neither code nor message"),
    Case("rule3_timed_out_without_error", "rule:unsuccessful_has_error_code", _j(_with(FAILED, status="timed_out", error_code=None, error_message=None)), "timed_out with neither code nor message"),
    Case("rules_all_three", "rule:completed_iff_status_completed, rule:error_code_iff_error_message, rule:unsuccessful_has_error_code",
         _j(_with(FAILED, completed=True, error_code=None)), "failed, `completed: true`, message without code: all three rules broken"),
]

CATEGORIES = ["malformed_json", "invalid_utf8", "byte_order_mark", "duplicate_key", "number_out_of_range",
              "control_character", "invalid_escape", "lone_surrogate", "trailing_data", "too_deep",
              "not_an_object", "missing_field", "unknown_field", "wrong_type", "unknown_enum_value",
              "rule:completed_iff_status_completed", "rule:error_code_iff_error_message",
              "rule:unsuccessful_has_error_code"]
assert len({c.id for c in INVALID_CASES}) == len(INVALID_CASES)
assert all(c.category.split(", ")[0] in CATEGORIES for c in INVALID_CASES)
assert set(CATEGORIES) <= {c.category.split(", ")[0] for c in INVALID_CASES}
assert all(b"\n" not in c.line for c in INVALID_CASES)


def excerpt(line: bytes) -> str:
    """The part of an invalid line that makes it invalid: around its first difference from the valid
    line it was made from, as Markdown code. Bytes that are not UTF-8 show as \\xNN, control characters
    and the BOM as \\uNNNN."""
    if len(line) <= 60:
        start, end = 0, len(line)
    else:
        def common(base: bytes) -> int:
            n = 0
            while n < min(len(base), len(line)) and base[n] == line[n]:
                n += 1
            return n
        at = max(common(OK_BYTES), common(_j(FAILED)))
        start, end = max(0, at - 24), min(len(line), at + 36)
        while 0 < start and 0x80 <= line[start] < 0xC0:
            start -= 1
        while end < len(line) and 0x80 <= line[end] < 0xC0:
            end += 1
    text = line[start:end].decode("utf-8", errors="backslashreplace")
    text = "".join(ch if ch.isprintable() and ch != "\ufeff" else
                   (f"\\x{ord(ch):02x}" if ord(ch) < 0x20 else f"\\u{ord(ch):04x}") for ch in text)
    text = ("…" if start > 0 else "") + text + ("…" if end < len(line) else "")
    text = text.replace("|", "\\|").replace("`", "'")
    return f"`{text}`"


def markdown_table() -> str:
    rows = ["| # | id | expected category | what | blind spot | bytes | excerpt |", "|---|---|---|---|---|---|---|"]
    for number, case in enumerate(INVALID_CASES, 1):
        rows.append(f"| {number} | {case.id} | {case.category} | {case.note.replace('|', '/')} | "
                    f"{'yes' if case.blind_spot else ''} | {len(case.line)} | {excerpt(case.line)} |")
    return "\n".join(rows) + "\n"


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--records", type=int, default=200_000, help="valid records to generate (default 200000)")
    parser.add_argument("--seed", type=int, default=5, help="random seed (default 5)")
    parser.add_argument("--invalid-every", type=int, default=0, metavar="K",
                        help="after every K valid records, insert one invalid line (cycling through the cases)")
    parser.add_argument("--size-mb", type=float, default=0, metavar="MB",
                        help="repeat the generated lines until the file is about MB MiB")
    parser.add_argument("--out", default="-", help="output file (default stdout)")
    parser.add_argument("--invalid-out", metavar="FILE",
                        help="write only the invalid cases, one per line, and FILE.expected.tsv; then exit")
    parser.add_argument("--markdown", action="store_true", help="print the table of invalid cases and exit")
    args = parser.parse_args(argv)

    if args.markdown:
        sys.stdout.write(markdown_table())
        return 0
    if args.invalid_out:
        with open(args.invalid_out, "wb") as out, open(args.invalid_out + ".expected.tsv", "w") as expected:
            expected.write("line\tid\tcategory\n")
            for number, case in enumerate(INVALID_CASES, 1):
                out.write(case.line + b"\n")
                expected.write(f"{number}\t{case.id}\t{case.category}\n")
        return 0

    rng = random.Random(args.seed)
    lines: List[bytes] = []
    invalid_index = 0
    for index in range(args.records):
        lines.append(encode(rng, record(rng)))
        if args.invalid_every and (index + 1) % args.invalid_every == 0:
            lines.append(INVALID_CASES[invalid_index % len(INVALID_CASES)].line)
            invalid_index += 1
    block = b"\n".join(lines) + b"\n"
    del lines
    out = sys.stdout.buffer if args.out == "-" else open(args.out, "wb")
    try:
        out.write(block)
        written = len(block)
        target = int(args.size_mb * 1024 * 1024)
        while block and written < target:
            # Whole lines only: cut the last copy at a newline.
            piece = block if written + len(block) <= target else block[:block.index(b"\n", target - written) + 1]
            out.write(piece)
            written += len(piece)
    finally:
        if out is not sys.stdout.buffer:
            out.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
