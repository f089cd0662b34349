"""Load and validate a rules file, naming file, line, column and key for every problem."""

from __future__ import annotations

import difflib
import hashlib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from screener.errors import RulesError
from screener.rules.schema import Rules

Marks = dict[tuple[str | int, ...], tuple[int, int]]  # key path → (line, column), 1-based


@dataclass(frozen=True)
class LoadedRules:
    rules: Rules
    path: str
    sha256: str


def default_rules_path() -> Path:
    """The rules the package ships (a copy of the repository's rules/requirements.yaml)."""
    return Path(str(resources.files("screener") / "data" / "requirements.yaml"))


def find_rules(explicit: Path | None) -> Path:
    """--rules when given, else ./rules/requirements.yaml when present, else the packaged default."""
    if explicit is not None:
        return explicit
    local = Path("rules/requirements.yaml")
    return local if local.is_file() else default_rules_path()


def _compose(text: str, name: str) -> yaml.Node | None:
    try:
        return yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f"{name}:{mark.line + 1}:{mark.column + 1}" if mark else name
        raise RulesError([f"{where}: not valid YAML: {exc.problem or exc.context}"]) from None
    except yaml.YAMLError as exc:
        raise RulesError([f"{name}: not valid YAML: {exc}"]) from None


def _walk(node: yaml.Node, path: tuple[str | int, ...], marks: Marks, problems: list[str], name: str) -> None:
    marks[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key_node, value_node in node.value:
            key = key_node.value
            if key in seen:
                problems.append(f"{name}:{key_node.start_mark.line + 1}:{key_node.start_mark.column + 1}: "
                                f"{_dotted(path + (key,))}: duplicate key '{key}'")
            seen.add(key)
            marks[path + (key, "__key__")] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            _walk(value_node, path + (key,), marks, problems, name)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _walk(item, path + (i,), marks, problems, name)


def _dotted(path: tuple[str | int, ...]) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(top level)"


def _fields_at(path: tuple[str | int, ...]) -> list[str]:
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


def _describe(err: dict[str, Any], marks: Marks, name: str) -> str:
    loc: tuple[str | int, ...] = tuple(err["loc"])
    msg = str(err["msg"]).removeprefix("Value error, ")
    if err["type"] == "extra_forbidden":
        key = str(loc[-1])
        line, col = marks.get(loc + ("__key__",), marks.get(loc, (1, 1)))
        near = difflib.get_close_matches(key, _fields_at(loc[:-1]), n=1)
        hint = f" — did you mean '{near[0]}'?" if near else ""
        return f"{name}:{line}:{col}: {_dotted(loc)}: unknown key '{key}'{hint}"
    # point at the deepest part of the path that exists in the file
    at = loc
    while at and at not in marks:
        at = at[:-1]
    line, col = marks.get(at, (1, 1))
    if err["type"] == "missing":
        return f"{name}:{line}:{col}: {_dotted(loc)}: required key '{loc[-1]}' is missing"
    return f"{name}:{line}:{col}: {_dotted(loc)}: {msg}"


def parse_rules(text: str, name: str) -> Rules:
    """Validate rules from YAML text; every problem is reported at once in a RulesError."""
    node = _compose(text, name)
    if node is None:
        raise RulesError([f"{name}:1:1: the rules file is empty"])
    marks: Marks = {}
    problems: list[str] = []
    _walk(node, (), marks, problems, name)
    try:
        data = yaml.safe_load(text)
    except yaml.constructor.ConstructorError as exc:
        mark = exc.problem_mark
        where = f"{name}:{mark.line + 1}:{mark.column + 1}" if mark else name
        raise RulesError([f"{where}: refused: {exc.problem} (only plain YAML values are allowed)"]) from None
    if not isinstance(data, dict):
        raise RulesError([f"{name}:1:1: the rules file must be a mapping of keys to values"])
    try:
        rules = Rules.model_validate(data)
    except ValidationError as exc:
        problems.extend(_describe(e, marks, name) for e in exc.errors())  # type: ignore[arg-type]
        raise RulesError(problems) from None
    if problems:
        raise RulesError(problems)
    return rules


def load_rules(path: Path) -> LoadedRules:
    """Read and validate a rules file."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise RulesError([f"{path}: cannot read the rules file: {exc.strerror or exc}"]) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise RulesError([f"{path}: the rules file is not UTF-8 text"]) from None
    return LoadedRules(parse_rules(text, str(path)), str(path), hashlib.sha256(raw).hexdigest())
