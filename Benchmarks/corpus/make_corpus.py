#!/usr/bin/env python3
"""Deterministic corpus generator for the validation benchmark (issue 5; the realistic profile: issue 18 item 4).

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
  make_corpus.py --profile realistic [--kind escaped|raw|wide] [--records N] ... [--out FILE]
  make_corpus.py --profile realistic --kinds-out PREFIX [--kinds-equal-bytes] [--records N] ...
  make_corpus.py --invalid-out FILE      # one line per invalid case (+ FILE.expected.tsv)
  make_corpus.py --markdown              # the README's table of invalid cases

--profile classic (the default) is the corpus of issue 5, unchanged. --profile realistic (issue 18 item 4)
writes the lines real producers write, by kind: `escaped` (Python's default json.dumps, ASCII with \\uXXXX
escapes and ", " / ": "; about 55 %), `raw` (compact raw UTF-8 as orjson, Node and Go write it; about 33 %)
and `wide` (tables with 20-200 preview rows, composite steps with 3-8 child results, long mixed arrays;
about 12 %), with mostly Chinese text; see the section "The realistic profile" below. --kind K writes only
that kind. --kinds-out PREFIX writes PREFIX-escaped.jsonl, PREFIX-raw.jsonl, PREFIX-wide.jsonl and
PREFIX-mixed.jsonl, each with --records valid records, or with --kinds-equal-bytes the per-kind files with as
many records as bring each to the size of the mixed file.

--invalid-every K puts one invalid line (cycling through INVALID_CASES) after every K valid records, in
either profile.
--size-mb MB repeats the generated block of lines until the file reaches about MB mebibytes (for the
peak-RSS test on a 1 GB file); the output is the same for the same arguments on every run.
Only the standard library is used, so the generator runs on any Python 3.9+.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import sys
from typing import Any, Callable, Dict, Iterator, List, NamedTuple, Optional

# The result makers take the function that writes their free text: some_text for the classic profile, zh_text
# (mostly Chinese) for the realistic one.
Text = Callable[[random.Random], str]

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


def cell(rng: random.Random, text: Text = some_text) -> Any:
    kind = rng.random()
    if kind < 0.3:
        return rng.randint(-10 ** 6, 10 ** 9)
    if kind < 0.55:
        return some_float(rng)
    if kind < 0.85:
        return text(rng)
    if kind < 0.93:
        return None
    return rng.random() < 0.5


def table_result(rng: random.Random, text: Text = some_text) -> Dict[str, Any]:
    columns = rng.sample(WORDS, rng.randint(2, 6))
    rows = rng.randint(0, 5_000_000)
    result: Dict[str, Any] = {"rows": rows, "columns": len(columns), "column_names": columns,
                              "dtypes": {c: rng.choice(["int64", "float64", "object", "datetime64[ns]", "bool"])
                                         for c in columns}}
    if rng.random() < 0.7:
        result["preview"] = [[cell(rng, text) for _ in columns] for _ in range(rng.randint(1, 5))]
    if rng.random() < 0.3:
        result["memory_usage_mb"] = round(rng.uniform(0.01, 2048), 3)
    return result


def stats_result(rng: random.Random, text: Text = some_text) -> Dict[str, Any]:
    return {c: {"count": rng.randint(1, 10 ** 6), "mean": some_float(rng), "std": abs(some_float(rng)),
                "min": some_float(rng), "25%": some_float(rng), "50%": some_float(rng),
                "75%": some_float(rng), "max": some_float(rng)}
            for c in rng.sample(WORDS, rng.randint(1, 4))}


def search_result(rng: random.Random, text: Text = some_text) -> Dict[str, Any]:
    hits = [{"title": text(rng), "url": f"https://example.{rng.choice(['com', 'cn', 'org'])}/"
                                              f"{rng.choice(WORDS)}/{rng.randint(1, 99999)}?q=a&lang=zh-CN",
             "snippet": text(rng), "rank": i + 1, "score": round(rng.random(), 4)}
            for i in range(rng.randint(0, 6))]
    return {"query": text(rng), "total": rng.randint(len(hits), 10 ** 7), "results": hits}


def text_result(rng: random.Random, text: Text = some_text) -> Dict[str, Any]:
    body = "\n".join(text(rng) for _ in range(rng.randint(1, 6)))
    return {"text": body, "pages": rng.randint(1, 300), "language": rng.choice(["zh", "en", "mixed"]),
            "metadata": {"author": rng.choice(["张伟", "Alice", "李娜", None]), "encrypted": False}}


def classify_result(rng: random.Random, text: Text = some_text) -> Dict[str, Any]:
    labels = ["positive", "negative", "neutral", "正面", "负面"]
    scores = sorted((rng.random() for _ in labels), reverse=True)
    return {"label": labels[0], "scores": dict(zip(labels, [round(s, 6) for s in scores])),
            "tokens": [text(rng) for _ in range(rng.randint(0, 5))]}


def chart_result(rng: random.Random, text: Text = some_text) -> Dict[str, Any]:
    n = rng.randint(2, 12)
    return {"chart_type": rng.choice(["bar", "line", "pie", "scatter"]),
            "file": f"/tmp/charts/{rng.randint(1, 10 ** 9):x}.png",
            "data": {"x": [f"2024-{m:02d}" for m in range(1, n + 1)], "y": [some_float(rng) for _ in range(n)]},
            "title": text(rng), "width": 800, "height": 600}


def scalar_result(rng: random.Random, text: Text = some_text) -> Any:
    kind = rng.random()
    if kind < 0.3:
        return text(rng)
    if kind < 0.5:
        return rng.randint(-10 ** 12, 10 ** 12)
    if kind < 0.65:
        return some_float(rng)
    if kind < 0.8:
        return [cell(rng, text) for _ in range(rng.randint(0, 10))]
    if kind < 0.9:
        return rng.random() < 0.5
    return {}


RESULT_MAKERS: Dict[str, Callable[[random.Random, Text], Any]] = {
    "pandas_tool": lambda r, t: stats_result(r, t) if r.random() < 0.25 else table_result(r, t),
    "chart_tool": chart_result, "search_tool": search_result, "scraper_tool": lambda r, t: {
        "url": f"https://news.example.cn/{r.randint(1, 10 ** 6)}", "status_code": 200,
        "links": [f"/article/{r.randint(1, 10 ** 6)}" for _ in range(r.randint(0, 8))],
        "title": t(r)},
    "office_tool": text_result, "stats_tool": stats_result, "classfire_tool": classify_result,
    "image_tool": lambda r, t: {"text": t(r), "width": r.randint(16, 8000), "height": r.randint(16, 8000),
                                "confidence": round(r.random(), 3)},
    "research_tool": lambda r, t: {"conclusion": t(r), "confidence": r.random(),
                                   "evidence": [t(r) for _ in range(r.randint(1, 4))]},
}


class Voice(NamedTuple):
    """How a profile words its records: free text in results, the message of a completed step, of one that
    did not complete, and the error message for a code."""
    text: Text
    ok_message: Callable[[random.Random, str], str]       # (rng, step)
    other_message: Callable[[random.Random, str], str]    # (rng, status)
    error_message: Callable[[random.Random, str], str]    # (rng, error code)


def _classic_ok_message(rng: random.Random, step: str) -> str:
    op = step.split(".")[1]
    return SUCCESS_MESSAGES.get(op) or rng.choice([f"{op} completed successfully", "", "操作成功完成",
                                                   "Data processing completed successfully"])


def _classic_other_message(rng: random.Random, status: str) -> str:
    # Every choice is drawn whatever the status (the classic corpus has always drawn them all).
    return {"failed": rng.choice(["Failed to read CSV file", "Data processing failed", "执行失败", ""]),
            "timed_out": "Operation timed out", "cancelled": rng.choice(["Cancelled", "任务已取消"]),
            "running": rng.choice(["Running", "正在执行", ""]), "pending": ""}[status]


CLASSIC = Voice(some_text, _classic_ok_message, _classic_other_message,
                lambda rng, code: rng.choice(ERROR_MESSAGES[code]))


def record(rng: random.Random, depth: int = 0, status: Optional[str] = None, voice: Voice = CLASSIC) -> Dict[str, Any]:
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
            children = [record(rng, depth + 1, "completed", voice) for _ in range(rng.randint(2, 5))]
            result: Any = {"steps": children, "summary": {"total": len(children), "succeeded": len(children),
                                                          "duration_ms": rng.randint(5, 600_000)}}
        elif rng.random() < 0.1:
            result = scalar_result(rng, voice.text)
        else:
            result = RESULT_MAKERS[step.split(".")[0]](rng, voice.text)
        message = voice.ok_message(rng, step)
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
            error_message = voice.error_message(rng, error_code)
        result = None
        if composite and status in ("failed", "timed_out", "cancelled"):
            done = [record(rng, depth + 1, "completed", voice) for _ in range(rng.randint(0, 3))]
            result = {"steps": done + [record(rng, depth + 1, status, voice)], "failed_at": len(done)}
        elif status == "running":
            result = {"progress": round(rng.random(), 3), "eta_seconds": rng.randint(0, 3600)} \
                if rng.random() < 0.5 else None
        message = voice.other_message(rng, status)
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


# ---------------------------------------------------------------------------------------------------
# The realistic profile (issue 18 item 4): what the producers of these records write, by kind of line.
#
#   escaped  Python's default json.dumps(record): every non-ASCII character as \uXXXX (emoji as surrogate
#            pairs), ", " and ": " between items; ordinary results.
#   raw      raw UTF-8, compact: orjson or json.dumps(ensure_ascii=False) (Python float text), Node's
#            JSON.stringify (integral floats as integers, exponents as 1e-7), and Go's encoding/json (as Node,
#            plus the keys of maps inside `result` sorted and <, >, & written as \u003c, \u003e, \u0026);
#            the same ordinary results as escaped.
#   wide     wide and nested results: tables with 20 to 200 preview rows of mixed cells, composite steps with
#            3 to 8 child step results, long mixed arrays; three in four written like escaped, the rest raw.
#
# The text is mostly Chinese (these systems are Chinese-language), in results, messages and error messages.
# With --kind escaped and --kind raw and the same seed the records are the same, only written differently
# (the encoding draws from its own random stream), so the two files differ by the encoding alone.

KIND_WEIGHTS = [("escaped", 55), ("raw", 33), ("wide", 12)]
KINDS = [kind for kind, _ in KIND_WEIGHTS]

CITIES = ["北京", "上海", "广州", "深圳", "杭州", "成都", "武汉", "南京", "西安", "重庆", "苏州", "天津"]
PEOPLE = ["张伟", "王芳", "李娜", "刘洋", "陈静", "杨帆", "赵磊", "黄敏", "周杰", "吴婷"]
PRODUCTS = ["智能手机", "笔记本电脑", "无线耳机", "空气净化器", "电动牙刷", "智能手表", "扫地机器人", "咖啡机"]
CATEGORIES = ["电子产品", "家居用品", "食品饮料", "服装鞋帽", "图书音像", "母婴用品", "运动户外"]
ZH_WORDS = ["数据", "分析", "销售", "增长", "客户", "满意度", "人工智能", "模型", "预测", "报告", "季度", "同比",
            "环比", "市场", "用户", "产品", "价格", "库存", "物流", "供应链", "风险", "合规", "新能源", "跨境电商",
            "智慧城市", "情感分析", "文本分类", "知识图谱", "大模型", "推理", "检索", "摘要"]
ZH_PHRASES = [
    "数据处理完成", "读取 CSV 文件成功", "销售额同比增长 12.5%", "北京市朝阳区建国路 88 号", "用户满意度调查结果",
    "模型推理耗时较长", "第一季度财务报表", "客户反馈：非常满意", "上海 → 深圳 物流路线", "华东地区门店销售额排名前十",
    "根据历史数据预测下季度需求", "检测到 3 条异常记录，已自动跳过", "请检查输入文件的编码格式（建议使用 UTF-8）",
    "分析结果显示：价格与销量呈负相关", "本次查询耗时 1.2 秒", "新能源汽车渗透率持续提升", "“双十一”促销活动效果评估",
    "依据《数据安全法》第二十一条进行分类分级", "退货率较上月下降 0.8 个百分点", "华南区域库存周转天数为 23 天",
    "建议优先补货：智能手机、无线耳机", "该客户近 90 天无购买记录", "舆情监测：正面 62%，中性 30%，负面 8%",
    "会议纪要：确认第三季度预算，下周提交方案", "错误码体系和分类机制", "执行模型技术文档",
]
ZH_COLUMNS = ["城市", "销售额", "日期", "产品名称", "数量", "单价", "客户编号", "地区", "类别", "利润率", "是否退货",
              "备注", "门店", "负责人", "订单号", "同比增长", "库存", "评分"]
EN_COLUMNS = ["revenue", "region", "product", "quantity", "price", "date", "customer_id", "score", "category",
              "order_id", "is_returned", "created_at", "updated_at", "note"]
OP_ZH = {
    "read_csv": "读取 CSV 文件", "read_excel": "读取 Excel 文件", "describe": "描述性统计", "groupby": "分组聚合",
    "merge": "数据合并", "filter": "数据筛选", "pivot_table": "透视表生成", "to_csv": "导出 CSV",
    "bar_chart": "柱状图生成", "line_chart": "折线图生成", "pie_chart": "饼图生成", "scatter_plot": "散点图生成",
    "search": "搜索", "search_news": "新闻搜索", "search_images": "图片搜索", "fetch_page": "页面抓取",
    "parse_html": "HTML 解析", "extract_links": "链接提取", "extract_text": "文本提取", "read_docx": "读取 Word 文档",
    "write_pptx": "演示文稿生成", "ttest": "t 检验", "correlation": "相关性分析", "regression": "回归分析",
    "anova": "方差分析", "classify": "文本分类", "tokenize": "分词", "summarize": "摘要生成",
    "extract_keywords": "关键词提取", "ocr": "OCR 识别", "resize": "图片缩放", "metadata": "元数据读取",
    "deduce": "演绎推理", "induce": "归纳推理", "hypothesis_test": "假设检验", "data_pipeline": "数据流水线",
    "report_generation": "报告生成", "parallel_block": "并行步骤", "sequential_block": "顺序步骤",
    "batch_execute": "批量执行",
}
ZH_ERROR_MESSAGES = {
    "E001": ["参数验证错误: 'limit' 必须为正数", "缺少必填参数: columns", "参数 'file_path' 类型错误: 期望字符串，实际为 int",
             "不支持的文件格式: .xlsb", "Invalid parameter 'file_path': expected a string",
             "1 validation error for ReadCsvParams\nsep\n  Input should be a valid string [type=string_type, "
             "input_value=None, input_type=NoneType]"],
    "E002": ["执行超时: 超过 120 秒", "等待搜索接口响应超时（60 秒）", "Operation timed out after 30 seconds",
             "asyncio.TimeoutError: 任务执行超过 300 秒"],
    "E003": ["文件不存在: /data/销售数据_2024Q1.csv", "FileNotFoundError: [Errno 2] No such file or directory: "
             "'/data/上传/客户名单.xlsx'", "KeyError: '销售额'", "ValueError: could not convert string to float: '暂无'",
             "执行错误: 除以零", "UnicodeDecodeError: 'utf-8' codec can't decode byte 0xb1 in position 0: invalid "
             "start byte（文件可能是 GBK 编码）", "Traceback (most recent call last):\n  File \"/app/tools/pandas_tool.py\", "
             "line 212, in read_csv\n    df = pd.read_csv(path)\npandas.errors.EmptyDataError: No columns to parse "
             "from file", "Invalid data format detected"],
    "E004": ["任务被用户取消", "父任务已取消，子任务随之取消", "Task cancelled by user"],
    "E005": ["重试耗尽: 3 次尝试均失败（最后一次错误: 连接被重置）", "Retries exhausted after 3 attempts: connection reset"],
    "E006": ["数据库错误: 连接超时", "psycopg.OperationalError: connection to server at \"10.0.3.12\", port 5432 "
             "failed: 拒绝连接", "保存 task_steps 时检测到死锁"],
    "E007": ["DSL 评估失败: 未知变量 'result.rows'", "无法计算条件 \"${steps.0.result.total} > 10\": 不是数字"],
}


def zh_text(rng: random.Random) -> str:
    """Free text as these systems write it: mostly Chinese, with full-width punctuation, some English,
    escapes, emoji and markup."""
    kind = rng.random()
    if kind < 0.40:
        return rng.choice(ZH_PHRASES)
    if kind < 0.55:
        return "，".join(rng.choice(ZH_PHRASES) for _ in range(rng.randint(2, 4))) + "。"
    if kind < 0.67:
        return f"{rng.choice(CITIES)}{rng.choice(PRODUCTS)}销量 {rng.randint(1, 99999)} 件，" \
               f"环比 {rng.uniform(-30, 30):+.1f}%"
    if kind < 0.75:
        return " ".join(rng.choice(WORDS) for _ in range(rng.randint(2, 8)))
    if kind < 0.82:
        return "".join(rng.choice(ZH_WORDS) for _ in range(rng.randint(1, 4)))
    if kind < 0.88:
        return f'路径 "C:\\数据\\{rng.choice(CITIES)}_{rng.randint(1, 99)}.csv"\n\t第 {rng.randint(1, 999)} 行'
    if kind < 0.93:
        return f"{rng.choice(ZH_PHRASES)} {rng.choice(['✅', '👍', '📊', '🤖', '🎉', '⚠️'])}"
    if kind < 0.97:
        return f"<p>{rng.choice(CITIES)} &amp; {rng.choice(CITIES)}：{rng.choice(ZH_PHRASES)}</p>"
    return f"https://www.example.cn/search?q={rng.choice(WORDS)}&city={rng.choice(CITIES)}&page={rng.randint(1, 50)}"


def _zh_ok_message(rng: random.Random, step: str) -> str:
    op = step.split(".")[1]
    name = OP_ZH.get(op, op)
    kind = rng.random()
    if kind < 0.35:
        return f"{name}成功"
    if kind < 0.55:
        return f"{name}完成，耗时 {rng.uniform(0.01, 120):.2f} 秒"
    if kind < 0.65:
        return f"成功执行 {step}，共处理 {rng.randint(1, 10 ** 6)} 条记录"
    if kind < 0.75:
        return rng.choice(["操作成功完成", "任务执行成功 ✅", "数据处理完成"])
    if kind < 0.9:
        return SUCCESS_MESSAGES.get(op) or f"{op} completed successfully"
    return ""


def _zh_other_message(rng: random.Random, status: str) -> str:
    if status == "failed":
        return rng.choice(["执行失败", "数据处理失败", "读取 CSV 文件失败", "任务执行失败，请查看错误信息",
                           "Failed to read CSV file", ""])
    if status == "timed_out":
        return rng.choice(["执行超时", f"操作超时（{rng.choice([30, 60, 120, 300])} 秒）", "Operation timed out"])
    if status == "cancelled":
        return rng.choice(["任务已取消", "用户取消了任务", "Cancelled"])
    if status == "running":
        return rng.choice(["正在执行", f"正在处理第 {rng.randint(1, 9)}/10 批数据", "Running", ""])
    return rng.choice(["", "等待执行", f"排队中（前方还有 {rng.randint(1, 40)} 个任务）"])


ZH = Voice(zh_text, _zh_ok_message, _zh_other_message, lambda rng, code: rng.choice(ZH_ERROR_MESSAGES[code]))


def some_timestamp(rng: random.Random) -> str:
    day = rng.randint(0, 729)
    month, mday = 1 + day % 365 // 31, 1 + day % 31 % 28
    text = f"{2023 + day // 365}-{month:02d}-{mday:02d} {rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:" \
           f"{rng.randint(0, 59):02d}"
    return text if rng.random() < 0.6 else text.replace(" ", "T") + "+08:00"


def column_cell(rng: random.Random, dtype: str) -> Any:
    """A cell of a DataFrame column of that dtype (NaN and NaT written as null, as services do)."""
    if dtype == "int64":
        return rng.randint(0, 1000) if rng.random() < 0.5 else rng.randint(-10 ** 6, 10 ** 9)
    if rng.random() < 0.06:
        return None
    if dtype == "float64":
        return round(rng.uniform(0, 100000), 2) if rng.random() < 0.6 else some_float(rng)
    if dtype == "bool":
        return rng.random() < 0.3
    if dtype == "datetime64[ns]":
        return some_timestamp(rng)
    if dtype == "category":
        return rng.choice(CITIES if rng.random() < 0.5 else CATEGORIES)
    if dtype == "mixed":  # an object column of mixed cells: numbers, text, null, bool
        return cell(rng, zh_text)
    return rng.choice(PRODUCTS + PEOPLE) if rng.random() < 0.5 else zh_text(rng)  # object: text


def log_uniform(rng: random.Random, low: int, high: int) -> int:
    """An integer from low to high, small ones as likely per decade as large ones."""
    return min(high, int(low * (high / low) ** rng.random()))


def wide_table_result(rng: random.Random, min_rows: int = 20, max_rows: int = 200) -> Dict[str, Any]:
    """A DataFrame's shape, dtypes and preview rows, as df.values.tolist() or df.to_dict(orient="records")."""
    names = rng.sample(ZH_COLUMNS + EN_COLUMNS if rng.random() < 0.4 else ZH_COLUMNS, rng.randint(4, 14))
    dtypes = {name: weighted(rng, [("int64", 25), ("float64", 30), ("object", 25), ("category", 8), ("bool", 4),
                                   ("datetime64[ns]", 5), ("mixed", 3)]) for name in names}
    shown = log_uniform(rng, min_rows, max_rows)
    cells = [[column_cell(rng, dtypes[name]) for name in names] for _ in range(shown)]
    preview: List[Any] = cells if rng.random() < 0.5 else [dict(zip(names, row)) for row in cells]
    result: Dict[str, Any] = {
        "rows": shown if rng.random() < 0.3 else rng.randint(shown, 5_000_000), "columns": len(names),
        "column_names": names, "dtypes": {n: ("object" if t == "mixed" else t) for n, t in dtypes.items()},
        "preview": preview, "null_counts": {n: sum(row[i] is None for row in cells) for i, n in enumerate(names)}}
    if rng.random() < 0.5:
        result["memory_usage_mb"] = round(rng.uniform(0.01, 2048), 3)
    if rng.random() < 0.3:
        result["source"] = f"/data/上传/{rng.choice(CITIES)}_{rng.choice(CATEGORIES)}_{rng.randint(2019, 2024)}.csv"
    return result


def wide_arrays_result(rng: random.Random, tool: str) -> Dict[str, Any]:
    """Long arrays: chart series with gaps, a correlation matrix, tokens with weights, mixed observations."""
    if tool == "chart_tool":
        n = log_uniform(rng, 30, 365)
        return {"chart_type": rng.choice(["line", "bar", "area"]), "title": zh_text(rng), "unit": "万元",
                "x": [f"2024-{1 + i // 28 % 12:02d}-{1 + i % 28:02d}" for i in range(n)],
                "series": [{"name": f"{rng.choice(CITIES)}{rng.choice(CATEGORIES)}",
                            "data": [None if rng.random() < 0.05 else
                                     (rng.randint(0, 10 ** 5) if rng.random() < 0.3 else round(rng.uniform(0, 1e5), 2))
                                     for _ in range(n)]}
                           for _ in range(rng.randint(1, 5))]}
    if tool == "stats_tool":
        names = rng.sample(ZH_COLUMNS + EN_COLUMNS, rng.randint(6, 16))
        matrix = [[1.0 if i == j else (None if rng.random() < 0.03 else round(rng.uniform(-1, 1), 6))
                   for j in range(len(names))] for i in range(len(names))]
        return {"method": rng.choice(["pearson", "spearman", "kendall"]), "columns": names, "matrix": matrix,
                "n": rng.randint(30, 10 ** 6), "note": zh_text(rng)}
    if tool == "classfire_tool":
        n = log_uniform(rng, 50, 400)
        return {"tokens": [rng.choice(ZH_WORDS + CITIES + PRODUCTS) for _ in range(n)],
                "weights": [round(rng.random(), 4) for _ in range(n)],
                "spans": [[i * 2, i * 2 + rng.randint(1, 4)] for i in range(rng.randint(0, n))],
                "language": "zh"}
    n = log_uniform(rng, 40, 300)
    return {"hypothesis": zh_text(rng), "observations": [cell(rng, zh_text) for _ in range(n)],
            "labels": [rng.choice(CITIES + [None]) for _ in range(n // 4)], "p_value": rng.random(),
            "accepted": rng.random() < 0.5}


WIDE_ARRAY_STEPS = ["chart_tool.line_chart", "chart_tool.bar_chart", "stats_tool.correlation",
                    "classfire_tool.tokenize", "classfire_tool.extract_keywords", "research_tool.induce"]
WIDE_TABLE_OPS = ["read_csv", "read_excel", "filter", "groupby", "merge", "pivot_table"]


def wide_child(rng: random.Random, status: str) -> Dict[str, Any]:
    """A child step of a wide composite: a completed one has a table of its own a third of the time."""
    if status == "completed" and rng.random() < 0.35:
        step = f"pandas_tool.{rng.choice(WIDE_TABLE_OPS)}"
        return {"step": step, "result": wide_table_result(rng, 5, 30), "completed": True,
                "message": _zh_ok_message(rng, step), "status": "completed", "error_code": None, "error_message": None}
    return record(rng, 1, status, ZH)


def wide_record(rng: random.Random) -> Dict[str, Any]:
    """A valid TaskStepResult with a wide or nested result: a table, long arrays, or a composite step."""
    shape = weighted(rng, [("table", 45), ("composite", 35), ("arrays", 20)])
    if shape != "composite":
        step = f"pandas_tool.{rng.choice(WIDE_TABLE_OPS)}" if shape == "table" else rng.choice(WIDE_ARRAY_STEPS)
        result = wide_table_result(rng) if shape == "table" else wide_arrays_result(rng, step.split(".")[0])
        return {"step": step, "result": result, "completed": True, "message": _zh_ok_message(rng, step),
                "status": "completed", "error_code": None, "error_message": None}
    status = weighted(rng, [("completed", 80), ("failed", 10), ("timed_out", 4), ("cancelled", 3), ("running", 3)])
    step = rng.choice(COMPOSITE_STEPS)
    count = rng.randint(3, 8)
    error_code = error_message = None
    if status == "completed":
        children = [wide_child(rng, "completed") for _ in range(count)]
        message = _zh_ok_message(rng, step)
    else:
        done = rng.randint(1, count - 1)
        children = [wide_child(rng, "completed") for _ in range(done)] + [wide_child(rng, status)]
        error_code = children[-1]["error_code"]
        if status != "running":
            error_code = error_code or {"failed": "E003", "timed_out": "E002", "cancelled": "E004"}[status]
        error_message = None if error_code is None else \
            f"子步骤 {done + 1}/{count}（{children[-1]['step']}）：{children[-1]['error_message'] or '执行失败'}"
        message = _zh_other_message(rng, status)
    started = some_timestamp(rng)
    result: Dict[str, Any] = {
        "steps": children,
        "summary": {"total": count, "succeeded": sum(c["status"] == "completed" for c in children),
                    "failed": sum(c["status"] in ("failed", "timed_out", "cancelled") for c in children),
                    "skipped": count - len(children), "duration_ms": rng.randint(50, 3_600_000),
                    "started_at": started},
        "context": {"task_id": f"{rng.getrandbits(128):032x}", "user_id": rng.randint(1, 10 ** 7),
                    "variables": {"城市": rng.choice(CITIES), "threshold": round(rng.random(), 2),
                                  "dry_run": rng.random() < 0.1, "tags": [rng.choice(ZH_WORDS) for _ in range(3)]}}}
    if status != "completed":
        result["failed_at"] = len(children) - 1
    return {"step": step, "result": result, "completed": status == "completed", "message": message,
            "status": status, "error_code": error_code, "error_message": error_message}


def js_number(value: float) -> str:
    """A float as JavaScript's JSON.stringify and Go's encoding/json write it: the shortest digits that
    read back, integral values below 1e21 as integers, an exponent (1e-7, 1.5e+21) below 1e-6 and from 1e21."""
    if value == int(value) and abs(value) < 1e21:
        return str(int(value))
    mantissa, _, exponent = f"{value!r}".partition("e")
    digits = mantissa.lstrip("-").replace(".", "")
    point = mantissa.lstrip("-").index(".") if "." in mantissa else len(mantissa.lstrip("-"))
    point += int(exponent or 0)        # the value is 0.DIGITS x 10^point once leading zeros are stripped
    stripped = digits.lstrip("0")
    point -= len(digits) - len(stripped)
    digits = stripped.rstrip("0") or "0"
    sign = "-" if value < 0 else ""
    if -6 < point <= 0:
        return f"{sign}0.{'0' * -point}{digits}"
    if 0 < point <= 21:
        return f"{sign}{digits[:point]}.{digits[point:]}" if point < len(digits) else f"{sign}{digits}"
    exp = point - 1
    return f"{sign}{digits[0]}{'.' + digits[1:] if len(digits) > 1 else ''}e{'+' if exp > 0 else '-'}{abs(exp)}"


def js_json(value: Any, go: bool, top: bool = True) -> str:
    """Compact raw UTF-8 JSON as Node (go=False) or Go writes it; Go sorts the keys of maps (all objects in
    `result`; the record itself is a struct, in field order) and escapes <, >, & and U+2028/9."""
    if isinstance(value, dict):
        items = sorted(value.items()) if go and not top else value.items()
        return "{" + ",".join(f"{js_json(k, go, False)}:{js_json(v, go, False)}" for k, v in items) + "}"
    if isinstance(value, list):
        return "[" + ",".join(js_json(v, go, False) for v in value) + "]"
    if isinstance(value, float):
        return js_number(value)
    text = json.dumps(value, ensure_ascii=False)
    if go and isinstance(value, str):
        text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026") \
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return text


def encode_kind(style_rng: random.Random, kind: str, value: Dict[str, Any]) -> bytes:
    """A record written as producers of that kind of line write it (draws only from style_rng)."""
    pick = style_rng.random()
    if kind == "escaped" or (kind == "wide" and pick < 0.75):
        # Python's json.dumps(value) as services call it; a few sort the keys.
        return json.dumps(value, sort_keys=kind == "escaped" and pick < 0.02, allow_nan=False).encode("ascii")
    if kind == "wide":
        pick = (pick - 0.75) / 0.25
    if pick < 0.4:  # orjson.dumps(value), json.dumps(value, ensure_ascii=False, separators=(",", ":"))
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode("utf-8")
    return js_json(value, go=pick >= 0.7).encode("utf-8")  # Node 0.4-0.7, Go the rest


def realistic_lines(seed: int, kind: Optional[str], records: int, invalid_every: int,
                    min_bytes: int = 0) -> Iterator[bytes]:
    """The lines of the realistic profile: one kind, or (kind None) the kinds mixed by KIND_WEIGHTS. Stops after
    `records` valid records, or when min_bytes is set, at the first record that brings the output to min_bytes."""
    rng = random.Random(seed)                      # the records
    style_rng = random.Random(f"{seed}:style")     # how they are written
    kind_rng = random.Random(f"{seed}:kind")       # which kind, when mixed
    written = invalid_index = index = 0
    while (written < min_bytes) if min_bytes else (index < records):
        this = kind or weighted(kind_rng, KIND_WEIGHTS)
        line = encode_kind(style_rng, this, wide_record(rng) if this == "wide" else record(rng, voice=ZH))
        written += len(line) + 1
        index += 1
        yield line
        if invalid_every and index % invalid_every == 0:
            line = INVALID_CASES[invalid_index % len(INVALID_CASES)].line
            invalid_index += 1
            written += len(line) + 1
            yield line


def write_lines(path: str, lines: Iterator[bytes], size_mb: float) -> tuple:
    """Writes the lines as they come (to stdout for "-"), then, for --size-mb, repeats them, whole lines only,
    until the file is about size_mb MiB. Returns (lines, bytes) before any repetition."""
    target = int(size_mb * 1024 * 1024)
    kept: List[bytes] = []
    count = written = 0
    out = sys.stdout.buffer if path == "-" else open(path, "wb")
    try:
        for line in lines:
            out.write(line + b"\n")
            count += 1
            written += len(line) + 1
            if target:
                kept.append(line)
        generated = written
        block = b"\n".join(kept) + b"\n" if kept else b""
        del kept
        while block and written < target:
            piece = block if written + len(block) <= target else block[:block.index(b"\n", target - written) + 1]
            out.write(piece)
            written += len(piece)
    finally:
        if out is not sys.stdout.buffer:
            out.close()
    return count, generated


def report(path: str, size: tuple) -> None:
    sys.stderr.write(f"{path}: {size[0]} lines, {size[1]} bytes" + (" (then repeated to --size-mb)\n"
                                                                    if os.path.getsize(path) > size[1] else "\n"))


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
    parser.add_argument("--profile", choices=["classic", "realistic"],
                        help="classic: the issue 5 corpus (the default); realistic: the kinds of lines real "
                             "producers write, mixed 55/33/12 (implied by --kind and --kinds-out)")
    parser.add_argument("--kind", choices=KINDS, help="realistic profile: write only this kind of line")
    parser.add_argument("--kinds-out", metavar="PREFIX",
                        help="realistic profile: write PREFIX-{escaped,raw,wide,mixed}.jsonl and exit")
    parser.add_argument("--kinds-equal-bytes", action="store_true",
                        help="with --kinds-out: size each per-kind file to the mixed file's bytes instead of "
                             "--records records")
    args = parser.parse_args(argv)
    if (args.kind or args.kinds_out) and args.profile == "classic":
        parser.error("--kind and --kinds-out are options of --profile realistic")
    if args.kind and args.kinds_out:
        parser.error("--kind and --kinds-out exclude each other")
    if args.kinds_equal_bytes and not args.kinds_out:
        parser.error("--kinds-equal-bytes needs --kinds-out")

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
    if args.kinds_out:
        os.makedirs(os.path.dirname(args.kinds_out) or ".", exist_ok=True)
        mixed = f"{args.kinds_out}-mixed.jsonl"
        size = write_lines(mixed, realistic_lines(args.seed, None, args.records, args.invalid_every), args.size_mb)
        for kind in KINDS:
            lines = realistic_lines(args.seed, kind, args.records, args.invalid_every,
                                    min_bytes=size[1] if args.kinds_equal_bytes else 0)
            report(f"{args.kinds_out}-{kind}.jsonl", write_lines(f"{args.kinds_out}-{kind}.jsonl", lines, args.size_mb))
        report(mixed, size)
        return 0
    if args.profile == "realistic" or args.kind:
        write_lines(args.out, realistic_lines(args.seed, args.kind, args.records, args.invalid_every), args.size_mb)
        return 0

    write_lines(args.out, classic_lines(args.seed, args.records, args.invalid_every), args.size_mb)
    return 0


def classic_lines(seed: int, records: int, invalid_every: int) -> Iterator[bytes]:
    """The classic profile's lines: each record as encode() writes it, and after every invalid_every records one
    invalid line, cycling through INVALID_CASES."""
    rng = random.Random(seed)
    invalid_index = 0
    for index in range(records):
        yield encode(rng, record(rng))
        if invalid_every and (index + 1) % invalid_every == 0:
            yield INVALID_CASES[invalid_index % len(INVALID_CASES)].line
            invalid_index += 1


if __name__ == "__main__":
    sys.exit(main())
