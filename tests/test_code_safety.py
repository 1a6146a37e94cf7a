"""Static checks over the suite's Python code, for what reviewers reject:
SQL built by string formatting, cr.commit(), print(), sudo() without a reason."""

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = sorted(
    p for p in (ROOT / "addons").rglob("*.py") if "/tests/" not in str(p.relative_to(ROOT))
)


def _calls(tree, name):
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            attr = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
            if attr == name:
                yield node


def _is_formatted_string(node):
    """An f-string, "..." % x, "...".format(x) or "..." + x: SQL built from text."""
    if isinstance(node, ast.JoinedStr):
        return any(isinstance(v, ast.FormattedValue) for v in node.values)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod | ast.Add):
        return isinstance(node.left, ast.Constant | ast.JoinedStr | ast.BinOp)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        return node.func.attr == "format" and isinstance(node.func.value, ast.Constant)
    return False


def test_sources_found():
    assert len(SOURCES) >= 10, SOURCES


def test_no_sql_built_by_string_formatting():
    offenders = []
    for path in SOURCES:
        tree = ast.parse(path.read_text(), str(path))
        for call in _calls(tree, "execute"):
            if call.args and _is_formatted_string(call.args[0]):
                offenders.append(f"{path.relative_to(ROOT)}:{call.lineno}")
        for call in _calls(tree, "SQL"):
            if call.args and _is_formatted_string(call.args[0]):
                offenders.append(f"{path.relative_to(ROOT)}:{call.lineno} (SQL())")
    assert not offenders, "SQL built by string formatting: " + ", ".join(offenders)


def test_no_commit_nor_print():
    offenders = []
    for path in SOURCES:
        tree = ast.parse(path.read_text(), str(path))
        offenders += [
            f"{path.relative_to(ROOT)}:{c.lineno} commit()"
            for c in _calls(tree, "commit")
            if isinstance(c.func, ast.Attribute)
            and isinstance(c.func.value, ast.Attribute | ast.Name)
            and getattr(c.func.value, "attr", getattr(c.func.value, "id", "")) == "cr"
        ]
        offenders += [f"{path.relative_to(ROOT)}:{c.lineno} print()" for c in _calls(tree, "print")]
    assert not offenders, offenders


def test_every_sudo_says_why():
    """A sudo() call needs a comment on its line or within the three lines above."""
    offenders = []
    for path in SOURCES:
        lines = path.read_text().splitlines()
        for number, line in enumerate(lines):
            code = line.split("#", 1)[0]
            if re.search(r"\.sudo\(", code):
                context = lines[max(0, number - 3) : number + 1]
                if not any("#" in text for text in context):
                    offenders.append(f"{path.relative_to(ROOT)}:{number + 1}")
    assert not offenders, "sudo() without a reason written next to it: " + ", ".join(offenders)


def test_checker_catches_formatted_sql():
    """The checker itself recognises the patterns it must refuse."""
    bad = ast.parse(
        'cr.execute(f"SELECT {x}")\ncr.execute("SELECT %s" % x)\n'
        'cr.execute("SELECT {}".format(x))\ncr.execute("SELECT " + x)'
    )
    assert all(_is_formatted_string(c.args[0]) for c in _calls(bad, "execute"))
    good = ast.parse('cr.execute("SELECT %s", [x])\ncr.execute(SQL("SELECT %s", x))')
    assert not any(_is_formatted_string(c.args[0]) for c in _calls(good, "execute"))
