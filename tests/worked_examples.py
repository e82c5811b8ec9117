"""Recompute the figures in the Technical Reference Book's worked examples from the counts on the page.

It reads a page's Markdown source and checks four things, each of which reports the page, line and figure:

* **Arithmetic chains**: in any line, ``80 ÷ (80 + 40) = 80 ÷ 120 ≈ 67%`` must hold from left to right. A
  bare stated result must equal the first expression to its stated precision (67% means 66.5% to 67.5%);
  an intermediate expression may differ from it by rounding (0.5%).
* **Confusion matrices**: a table with cells ``TP = 80``, ``FP = 40``, ``FN = 20``, ``TN = 860``. Its row and
  column totals must add up, and every result named after a metric in the same section (a list item
  ``- Precision = ... ≈ 67%`` or a table row whose first cell is ``Precision``) must equal that metric
  computed from the matrix. A section is the text under one heading; put one matrix in each.
* **Regression tables** (columns Forecast and Actual): each row's error, absolute and squared error, the
  totals, and MAE, MSE and RMSE stated in the section.
* **Calibration tables** (columns Reports, Average score and Harmed again) and **stability tables** (columns
  Reference share and Current share): each row's observed rate, expected count, change, logarithm and
  contribution, and the totals.
"""

from __future__ import annotations

import ast
import contextlib
import math
import operator
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

#: Metrics a result line may name, computed from a confusion matrix.
MATRIX_METRICS: dict[str, Callable[[dict[str, int]], float]] = {
    "accuracy": lambda m: (m["TP"] + m["TN"]) / sum(m.values()),
    "precision": lambda m: m["TP"] / (m["TP"] + m["FP"]),
    "recall": lambda m: m["TP"] / (m["TP"] + m["FN"]),
    "f1": lambda m: 2 * m["TP"] / (2 * m["TP"] + m["FP"] + m["FN"]),
    "selection rate": lambda m: (m["TP"] + m["FP"]) / sum(m.values()),
    "false positive rate": lambda m: m["FP"] / (m["FP"] + m["TN"]),
    "specificity": lambda m: m["TN"] / (m["TN"] + m["FP"]),
}

ROLE = re.compile(r"\{[a-z:-]+\}`([^`<]*?)(?:\s*<[^>]*>)?`")
HEADING = re.compile(r"^#{1,6}\s+(.*)$")
CELL_COUNT = re.compile(r"^(TP|FP|FN|TN) = ([\d,]+)$")
NUMBER = re.compile(r"[−-]?\d[\d,]*(?:\.\d+)?%?")
#: Characters an arithmetic expression on the page is made of ("√" stands for "square root of").
EXPR_CHARS = r"[\s\d.,%()+\-−×÷√]"
LEADING_EXPR = re.compile(rf"^\s*{EXPR_CHARS}+")
TRAILING_EXPR = re.compile(rf"(?<![A-Za-z0-9.])[\d(√−-]{EXPR_CHARS}*$")
RESULT_LINE = re.compile(r"^\s*-\s+([A-Za-z][A-Za-z0-9 ]*?)\s*=\s*(.*)$")

_OPS = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.Div: operator.truediv}


@dataclass(frozen=True)
class Problem:
    """A figure on a page that does not follow from the counts."""

    page: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.page}:{self.line}: {self.message}"


@dataclass
class Report:
    """What the checker found on one page."""

    checks: int = 0
    problems: list[Problem] = field(default_factory=list)
    sections_checked: set[str] = field(default_factory=set)


@dataclass
class Table:
    """A Markdown table: header cells, body rows (cells) and the source line of each row."""

    header: list[str]
    rows: list[list[str]]
    lines: list[int]


@dataclass
class Section:
    """The text under one heading."""

    title: str
    lines: list[tuple[int, str]]
    tables: list[Table] = field(default_factory=list)


def plain(line: str) -> str:
    """A source line with roles replaced by their text and bold markers removed."""
    return ROLE.sub(r"\1", line).replace("**", "")


def number(token: str) -> tuple[float, float]:
    """The value of a number as written on the page, and half a unit of its last digit (its precision)."""
    token = token.strip().replace("−", "-").replace(",", "")
    percent = token.endswith("%")
    token = token.rstrip("%")
    decimals = len(token.split(".")[1]) if "." in token else 0
    scale = 0.01 if percent else 1.0
    return float(token) * scale, 0.5 * 10**-decimals * scale


def evaluate(expression: str) -> float:
    """Evaluate page arithmetic: numbers (1,000 and 94% allowed), + − × ÷, brackets and √."""
    text = re.sub(r"(?<=\d),(?=\d{3})", "", expression).replace("−", "-").replace("×", "*").replace("÷", "/")
    text = re.sub(r"(\d+(?:\.\d+)?)%", r"(\1/100)", text)
    text = re.sub(r"√\s*(\([^()]*\)|[\d.]+)", r"sqrt(\1)", text)

    def walk(node: ast.AST) -> float:
        if isinstance(node, ast.Expression):
            return walk(node.body)
        if isinstance(node, ast.Constant) and isinstance(node.value, int | float):
            return float(node.value)
        if isinstance(node, ast.BinOp) and type(node.op) in _OPS:
            return _OPS[type(node.op)](walk(node.left), walk(node.right))
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
            return -walk(node.operand)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "sqrt":
            return math.sqrt(walk(node.args[0]))
        raise ValueError(f"not page arithmetic: {expression!r}")

    return walk(ast.parse(text.strip(), mode="eval"))


def _trim(expression: str) -> str:
    """Drop trailing punctuation and an unmatched opening bracket left by the words after a result."""
    expression = expression.rstrip(" ,.;:")
    while expression.endswith("(") or expression.count("(") > expression.count(")"):
        cut = expression.rfind("(")
        expression = expression[:cut].rstrip(" ,.;:")
    return expression


def _is_bare(expression: str) -> bool:
    return bool(re.fullmatch(r"\s*[−-]?\d[\d,]*(?:\.\d+)?%?\s*", expression))


def chains(text: str) -> Iterator[list[str]]:
    """Runs of arithmetic joined by = or ≈ in one piece of text, such as ``80 ÷ 120 ≈ 67%``."""
    text = text.replace("square root of", "√")
    segments = re.split(r"\s[=≈]\s", text)
    current: list[str] = []
    for index, segment in enumerate(segments):
        if index == 0:
            match = TRAILING_EXPR.search(segment)
            if match and re.search(r"\d", match.group(0)):
                current = [_trim(match.group(0))]
            continue
        lead = LEADING_EXPR.match(segment)
        expression = _trim(lead.group(0)) if lead else ""
        if not re.search(r"\d", expression):
            if len(current) > 1:
                yield current
            current = []
        else:
            current.append(expression)
        rest = segment[lead.end() :] if lead else segment
        if re.search(r"[A-Za-z]", rest):
            if len(current) > 1:
                yield current
            match = TRAILING_EXPR.search(rest)
            current = [_trim(match.group(0))] if match and re.search(r"\d", match.group(0)) else []
    if len(current) > 1:
        yield current


def stated(expression_chain: list[str]) -> str:
    """The result a chain ends with."""
    return expression_chain[-1]


def sections(source: str) -> list[Section]:
    """Split a Markdown page into sections, each with its lines and tables."""
    result = [Section("(top)", [])]
    for number_, raw in enumerate(source.splitlines(), start=1):
        heading = HEADING.match(raw)
        if heading:
            result.append(Section(heading.group(1).strip(), []))
            continue
        result[-1].lines.append((number_, plain(raw)))
    for section in result:
        table: Table | None = None
        for line_no, line in section.lines:
            if line.lstrip().startswith("|"):
                cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
                if table is None:
                    table = Table(cells, [], [])
                elif not all(re.fullmatch(r":?-+:?", cell) for cell in cells):
                    table.rows.append(cells)
                    table.lines.append(line_no)
            elif table is not None:
                section.tables.append(table)
                table = None
        if table is not None:
            section.tables.append(table)
    return result


class Checker:
    """Collects checks and problems for one page."""

    def __init__(self, page: str) -> None:
        self.page = page
        self.report = Report()

    def expect(self, line: int, what: str, stated_text: str, computed: float, section: str) -> None:
        """A stated figure must equal the computed one to the precision it is written with."""
        self.report.checks += 1
        self.report.sections_checked.add(section)
        match = NUMBER.search(stated_text)
        if not match:
            self.report.problems.append(Problem(self.page, line, f"{what}: no number in {stated_text!r}"))
            return
        value, half_unit = number(match.group(0))
        if abs(value - computed) > half_unit + 1e-9:
            self.report.problems.append(
                Problem(self.page, line, f"{what}: the page says {match.group(0)}, the counts give {computed:.6g}")
            )

    def chain(self, line: int, chain: list[str], section: str) -> None:
        """Every link of an arithmetic chain agrees with the first."""
        try:
            first = evaluate(chain[0])
        except (ValueError, SyntaxError, ZeroDivisionError):
            return
        for expression in chain[1:]:
            self.report.checks += 1
            self.report.sections_checked.add(section)
            try:
                value = evaluate(expression)
            except (ValueError, SyntaxError, ZeroDivisionError):
                self.report.problems.append(Problem(self.page, line, f"cannot read {expression!r}"))
                continue
            if _is_bare(expression):
                self.expect(line, f"{chain[0]} = {expression}", expression, first, section)
                self.report.checks -= 1
            elif abs(value - first) > 0.005 * abs(first) + 1e-9:
                self.report.problems.append(
                    Problem(self.page, line, f"{chain[0]} is {first:.6g} but the page continues = {expression}")
                )


def _metric(name: str) -> str | None:
    key = " ".join(name.lower().replace("score", "").split())
    return key if key in MATRIX_METRICS or key in {"mae", "mse", "rmse"} else None


def _matrix(table: Table) -> dict[str, int] | None:
    counts: dict[str, int] = {}
    for row in table.rows:
        for cell in row:
            match = CELL_COUNT.match(cell)
            if match:
                counts[match.group(1)] = int(match.group(2).replace(",", ""))
    return counts if set(counts) == {"TP", "FP", "FN", "TN"} else None


def _value(cell: str) -> float:
    match = NUMBER.search(cell.split("=")[-1])
    if not match:
        raise ValueError(cell)
    return number(match.group(0))[0]


def _check_matrix_totals(check: Checker, table: Table, section: str) -> None:
    header = [h.lower() for h in table.header]
    if "total" not in header:
        return
    total_col = header.index("total")
    column_sums: dict[int, float] = {}
    for row, line in zip(table.rows, table.lines, strict=True):
        label = row[0].lower()
        counts = [(i, _value(cell)) for i, cell in enumerate(row) if CELL_COUNT.match(cell)]
        if label == "total":
            for i, cell in enumerate(row[1:], start=1):
                if cell and i in column_sums and i != total_col:
                    check.expect(line, f"{table.header[i]} total", cell, column_sums[i], section)
            if row[total_col]:
                check.expect(line, "grand total", row[total_col], sum(column_sums.values()), section)
            continue
        for i, value in counts:
            column_sums[i] = column_sums.get(i, 0) + value
        if counts and total_col < len(row) and row[total_col]:
            check.expect(line, f"row {row[0]} total", row[total_col], sum(v for _, v in counts), section)


def _column(table: Table, *names: str) -> int | None:
    for i, header in enumerate(table.header):
        if any(name.lower() in header.lower() for name in names):
            return i
    return None


def _check_regression(check: Checker, table: Table, section: str) -> dict[str, float]:
    forecast, actual = _column(table, "forecast"), _column(table, "actual")
    error, absolute, squared = _column(table, "error ("), _column(table, "absolute"), _column(table, "squared")
    errors: list[float] = []
    for row, line in zip(table.rows, table.lines, strict=True):
        if forecast is None or actual is None or not row[forecast]:
            if absolute is not None and row[absolute]:
                check.expect(line, "total absolute error", row[absolute], sum(abs(e) for e in errors), section)
            if squared is not None and row[squared]:
                check.expect(line, "total squared error", row[squared], sum(e * e for e in errors), section)
            continue
        e = _value(row[actual]) - _value(row[forecast])
        errors.append(e)
        if error is not None:
            check.expect(line, f"{row[0]} error", row[error], e, section)
        if absolute is not None:
            check.expect(line, f"{row[0]} absolute error", row[absolute], abs(e), section)
        if squared is not None:
            check.expect(line, f"{row[0]} squared error", row[squared], e * e, section)
    mse = sum(e * e for e in errors) / len(errors)
    return {"mae": sum(abs(e) for e in errors) / len(errors), "mse": mse, "rmse": math.sqrt(mse)}


def _check_calibration(check: Checker, table: Table, section: str) -> None:
    reports, average = _column(table, "reports"), _column(table, "average score")
    harmed, observed = _column(table, "harmed"), _column(table, "observed")
    expected = _column(table, "expected")
    assert None not in (reports, average, harmed, observed, expected)
    totals = {"reports": 0.0, "harmed": 0.0, "expected": 0.0}
    for row, line in zip(table.rows, table.lines, strict=True):
        if row[0].lower() == "total":
            check.expect(line, "total reports", row[reports], totals["reports"], section)  # type: ignore[index]
            check.expect(line, "total harmed", row[harmed], totals["harmed"], section)  # type: ignore[index]
            check.expect(line, "total expected", row[expected], totals["expected"], section)  # type: ignore[index]
            continue
        n, score, k = _value(row[reports]), _value(row[average]), _value(row[harmed])  # type: ignore[index]
        low, high = (float(x) for x in re.findall(r"\d+\.\d+", row[0])[:2])
        if not low <= score <= high:
            check.report.problems.append(Problem(check.page, line, f"average score {score} outside band {row[0]}"))
        check.expect(line, f"{row[0]} observed rate", row[observed].split("=")[-1], k / n, section)  # type: ignore[index]
        check.expect(line, f"{row[0]} expected count", row[expected].split("=")[-1], n * score, section)  # type: ignore[index]
        totals["reports"] += n
        totals["harmed"] += k
        totals["expected"] += n * score


def _check_stability(check: Checker, table: Table, section: str) -> None:
    ref, cur = _column(table, "reference share"), _column(table, "current share")
    change, log, contribution = _column(table, "change"), _column(table, "ln("), _column(table, "contribution")
    assert None not in (ref, cur, change, log, contribution)
    psi = 0.0
    for row, line in zip(table.rows, table.lines, strict=True):
        if not row[ref]:  # type: ignore[index]
            check.expect(line, "population stability index", row[contribution], psi, section)  # type: ignore[index]
            continue
        r, c = _value(row[ref]), _value(row[cur])  # type: ignore[index]
        part = (c - r) * math.log(c / r)
        psi += part
        check.expect(line, f"{row[0]} change", row[change], c - r, section)  # type: ignore[index]
        check.expect(line, f"{row[0]} logarithm", row[log], math.log(c / r), section)  # type: ignore[index]
        check.expect(line, f"{row[0]} contribution", row[contribution], part, section)  # type: ignore[index]


def check_page(source: str, page: str) -> Report:
    """Recompute every figure in the worked examples of one page's Markdown source."""
    check = Checker(page)
    for section in sections(source):
        for line_no, line in section.lines:
            for piece in line.split("|") if line.lstrip().startswith("|") else [line]:
                for chain in chains(piece):
                    check.chain(line_no, chain, section.title)
        matrices = [m for m in (_matrix(t) for t in section.tables) if m]
        regression: dict[str, float] = {}
        for table in section.tables:
            headers = " ".join(table.header).lower()
            if _matrix(table):
                _check_matrix_totals(check, table, section.title)
            elif "forecast" in headers and "actual" in headers:
                regression = _check_regression(check, table, section.title)
            elif "average score" in headers and "reports" in headers:
                _check_calibration(check, table, section.title)
            elif "reference share" in headers and "current share" in headers:
                _check_stability(check, table, section.title)
        if len(matrices) > 1:
            check.report.problems.append(
                Problem(page, section.lines[0][0], f"section {section.title!r} has {len(matrices)} matrices; use one")
            )
            continue
        computed: dict[str, float] = dict(regression)
        if matrices:
            for name, f in MATRIX_METRICS.items():
                # Precision of a model that never raises an alarm is 0 ÷ 0: the page says so in words.
                with contextlib.suppress(ZeroDivisionError):
                    computed[name] = f(matrices[0])
        if not computed:
            continue
        for line_no, line in section.lines:
            result = RESULT_LINE.match(line)
            metric = _metric(result.group(1)) if result else None
            if result and metric is not None and metric in computed:
                found = list(chains(f"x = {result.group(2)}")) or [[result.group(2)]]
                check.expect(line_no, metric, stated(found[0]), computed[metric], section.title)
        if matrices:
            for table in section.tables:
                for row, line_no in zip(table.rows, table.lines, strict=True):
                    metric = _metric(row[0])
                    if metric in MATRIX_METRICS and metric is not None and ("=" in row[-1] or "≈" in row[-1]):
                        found = list(chains(row[-1]))
                        if found:
                            check.expect(line_no, metric, stated(found[0]), computed[metric], section.title)
    return check.report
