"""Validation errors → messages a hiring manager can act on: where, which key, what was expected."""

from __future__ import annotations

import difflib
import re
from typing import Any

from pydantic import BaseModel

from screener.rules.consistency import KeyPath, ProblemAt
from screener.rules.schema import Rules

Marks = dict[KeyPath, tuple[int, int]]  # key path → (line, column), 1-based
KEY = "__key__"  # marks[path + (KEY,)] is where the key itself is written

_ID_RULE = "use lower-case letters, digits and '_', starting with a letter (e.g. 'mysql', 'go_years')"
_TYPE_MESSAGES = {
    "string_type": "must be text (put it in quotes)",
    "list_type": "must be a list, e.g. [first, second]",
    "dict_type": "must be a group of 'key: value' lines",
    "model_type": "must be a group of 'key: value' lines",
    "model_attributes_type": "must be a group of 'key: value' lines",
    "float_type": "must be a number",
    "float_parsing": "must be a number",
    "int_type": "must be a whole number",
    "int_parsing": "must be a whole number",
    "int_from_float": "must be a whole number",
    "bool_type": "must be true or false",
    "bool_parsing": "must be true or false",
}


def dotted(path: KeyPath, ids: dict[int, str] | None = None) -> str:
    """'requirements[go_years].years': a requirement is named by its id when it has one."""
    out = ""
    for i, part in enumerate(path):
        if part in (KEY, "[key]"):
            continue
        if isinstance(part, int):
            named = ids.get(part) if ids and path[i - 1:i] == ("requirements",) else None
            out += f"[{named or part}]"
        else:
            out += f".{part}" if out else str(part)
    return out or "(top level)"


def located(path: KeyPath, marks: Marks) -> tuple[int, int]:
    """Line and column of the deepest part of ``path`` written in the file."""
    while path and path not in marks:
        path = path[:-1]
    return marks.get(path, (1, 1))


def describe_all(errors: list[dict[str, Any]], marks: Marks, ids: dict[int, str],
                 name: str) -> list[tuple[int, int, str]]:
    """Every error described; a 'missing' key is left out when a misspelling of it was found instead."""
    misspelt: set[tuple[KeyPath, str]] = set()
    for err in errors:
        if err["type"] == "extra_forbidden":
            loc = tuple(err["loc"])
            near = difflib.get_close_matches(str(loc[-1]), _fields_at(loc[:-1]), n=1)
            misspelt.update((loc[:-1], n) for n in near)
    return [describe(err, marks, ids, name) for err in errors
            if not (err["type"] == "missing" and (tuple(err["loc"][:-1]), err["loc"][-1]) in misspelt)]


def describe(err: dict[str, Any], marks: Marks, ids: dict[int, str], name: str) -> tuple[int, int, str]:
    """One pydantic error as (line, column, 'file:line:col: key.path: message')."""
    loc: KeyPath = tuple(err["loc"])
    error = err.get("ctx", {}).get("error")
    if isinstance(error, ProblemAt):
        loc += error.path
    kind, value = err["type"], err.get("input")
    if loc and loc[-1] == "[key]":  # a dict key itself is wrong (a skill id, a section kind)
        loc = loc[:-1]
        line, col = marks.get(loc + (KEY,), located(loc, marks))
        message = f"'{value}' is not a valid skill id: {_ID_RULE}" if kind != "literal_error" \
            else _message(err, loc)
        return line, col, f"{name}:{line}:{col}: {dotted(loc, ids)}: {message}"
    if kind == "extra_forbidden":
        line, col = marks.get(loc + (KEY,), located(loc, marks))
        return line, col, f"{name}:{line}:{col}: {dotted(loc, ids)}: {_unknown_key(loc)}"
    line, col = located(loc, marks)
    return line, col, f"{name}:{line}:{col}: {dotted(loc, ids)}: {_message(err, loc)}"


def _message(err: dict[str, Any], loc: KeyPath) -> str:
    kind, ctx, value = err["type"], err.get("ctx", {}), err.get("input")
    if kind == "missing":
        return f"required key '{loc[-1]}' is missing"
    if kind in ("greater_than_equal", "greater_than"):
        bound = ctx.get("ge", ctx.get("gt"))
        return f"{value} is too small: it must be {'at least' if kind.endswith('l') else 'above'} {bound:g}"
    if kind in ("less_than_equal", "less_than"):
        bound = ctx.get("le", ctx.get("lt"))
        return f"{value} is too large: it must be {'at most' if kind.endswith('l') else 'below'} {bound:g}"
    if kind == "literal_error":
        allowed = re.findall(r"'([^']*)'", str(ctx.get("expected", ""))) or [str(ctx.get("expected"))]
        near = difflib.get_close_matches(str(value), allowed, n=1)
        hint = f" — did you mean '{near[0]}'?" if near else ""
        return f"'{value}' is not allowed here{hint} (expected {ctx.get('expected')})"
    if kind == "string_pattern_mismatch":
        return f"'{value}' is not a valid id: {_ID_RULE}"
    if kind in _TYPE_MESSAGES:
        return f"{_TYPE_MESSAGES[kind]}, not {_shown(value)}"
    return str(err["msg"]).removeprefix("Value error, ")


def _shown(value: Any) -> str:
    if value is None:
        return "empty"
    if isinstance(value, dict):
        return "a group of 'key: value' lines"
    if isinstance(value, list):
        return "a list"
    return f"'{value}'"


def _unknown_key(loc: KeyPath) -> str:
    key, valid = str(loc[-1]), _fields_at(loc[:-1])
    near = difflib.get_close_matches(key, valid, n=1)
    if near:
        return f"unknown key '{key}' — did you mean '{near[0]}'?"
    return f"unknown key '{key}'" + (f" (expected one of: {', '.join(valid)})" if valid else "")


def _fields_at(path: KeyPath) -> list[str]:
    """The valid keys of the model at a path in the document, for 'did you mean'."""
    model: Any = Rules
    dict_key_next = False
    for part in path:
        if isinstance(part, int):
            continue
        if dict_key_next:  # a key of a dict such as a skill id; its value has the model
            dict_key_next = False
            continue
        field = model.model_fields.get(part)
        inner = _inner_model(field.annotation) if field else None
        if inner is None:
            return []
        dict_key_next = getattr(field.annotation, "__origin__", None) is dict
        model = inner
    return list(model.model_fields)


def _inner_model(annotation: Any) -> Any:
    for arg in getattr(annotation, "__args__", ()) or ():
        found = _inner_model(arg)
        if found is not None:
            return found
    return annotation if isinstance(annotation, type) and issubclass(annotation, BaseModel) else None
