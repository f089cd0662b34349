"""Load and validate a rules file, naming file, line, column and key for every problem."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from screener.errors import RulesError
from screener.rules.consistency import KeyPath, ProblemAt, cross_check
from screener.rules.messages import KEY, Marks, describe_all, dotted, located
from screener.rules.schema import Rules

_PLAIN_TAGS = {f"tag:yaml.org,2002:{t}" for t in ("str", "int", "float", "bool", "null", "seq", "map",
                                                    "timestamp")}
_SYNTAX_HINTS = {
    "found character '\\t'": "indent with spaces, not tabs",
    "mapping values are not allowed here": "check this line's indentation, or put a value containing ': ' "
                                           "in quotes",
    "expected <block end>": "this line's indentation does not match the lines above it",
    "could not find expected ':'": "a key needs ':' after it (and a space before its value)",
    "found unexpected end of stream": "a quote or bracket is never closed",
}


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


_FAST = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml where PyYAML has it: the same nodes and marks


def compose_yaml(text: str, name: str) -> yaml.Node | None:
    try:
        return yaml.compose(text, Loader=_FAST)
    except yaml.YAMLError:
        pass  # explained in the pure-Python parser's words, which the hints below match
    try:
        return yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f"{name}:{mark.line + 1}:{mark.column + 1}" if mark else name
        message = f"not valid YAML: {exc.problem or exc.context}"
        if exc.context and exc.context_mark and mark and exc.context_mark.line != mark.line:
            message += f" ({exc.context} that starts on line {exc.context_mark.line + 1})"
        hint = next((h for p, h in _SYNTAX_HINTS.items() if p in str(exc.problem)), None)
        raise RulesError([f"{where}: {message}" + (f" — {hint}" if hint else "")]) from None
    except yaml.YAMLError as exc:
        raise RulesError([f"{name}: not valid YAML: {exc}"]) from None
    except RecursionError:
        raise RulesError([f"{name}: the rules file is nested too deeply"]) from None


def construct(node: yaml.Node) -> Any:
    """The plain values of a composed document, as ``yaml.safe_load`` gives them (without parsing again)."""
    loader = yaml.SafeLoader("")
    try:
        return loader.construct_document(node)
    finally:
        loader.dispose()


def _at(mark: yaml.Mark) -> tuple[int, int]:
    return mark.line + 1, mark.column + 1


class YamlWalker:
    """Records where every key and value is, and finds duplicate keys, tags and YAML aliases."""

    def __init__(self) -> None:
        self.marks: Marks = {}
        self.problems: list[tuple[KeyPath, tuple[int, int], str]] = []
        self.refused = False  # a tag or alias: the text must not be loaded at all
        self._seen: set[int] = set()

    def walk(self, node: yaml.Node, path: KeyPath) -> None:
        if id(node) in self._seen:  # '*name' reuses a node: refused (and a walk could blow up exponentially)
            at = self.marks.get(path + (KEY,), _at(node.start_mark))  # the alias, not its anchor
            self._refuse(at, path, "YAML aliases ('*name') are not supported here: write the value out")
            return
        self._seen.add(id(node))
        self.marks.setdefault(path, _at(node.start_mark))
        if node.tag not in _PLAIN_TAGS:
            tag = node.tag.replace("tag:yaml.org,2002:", "!!")
            self._refuse(_at(node.start_mark), path, f"refused the tag '{tag}': a rules file holds plain "
                                                      "values only, and screener never runs code from it — "
                                                      "remove the tag")
        if isinstance(node, yaml.MappingNode):
            first: dict[str, tuple[int, int]] = {}
            for key_node, value_node in node.value:
                if not isinstance(key_node, yaml.ScalarNode) or key_node.tag not in _PLAIN_TAGS:
                    self._refuse(_at(key_node.start_mark), path, "a key must be a plain word")
                    continue
                key = key_node.value
                child = path + (key,)
                if key in first:
                    message = f"duplicate key '{key}' (first on line {first[key][0]}): remove one"
                    self.problems.append((child, _at(key_node.start_mark), message))
                    continue
                first[key] = _at(key_node.start_mark)
                self.marks[child + (KEY,)] = first[key]
                if isinstance(value_node, yaml.CollectionNode):  # point at 'key:', not the line below
                    self.marks[child] = first[key]
                self.walk(value_node, child)
        elif isinstance(node, yaml.SequenceNode):
            for i, item in enumerate(node.value):
                self.walk(item, path + (i,))

    def _refuse(self, at: tuple[int, int], path: KeyPath, message: str) -> None:
        self.refused = True
        self.problems.append((path, at, message))


def _format(name: str, path: KeyPath, at: tuple[int, int], message: str,
            ids: dict[int, str]) -> tuple[int, int, str]:
    return at[0], at[1], f"{name}:{at[0]}:{at[1]}: {dotted(path, ids)}: {message}"


def parse_rules(text: str, name: str) -> Rules:
    """Validate rules from YAML text; every problem is reported at once in a RulesError, in file order."""
    node = compose_yaml(text, name)
    if node is None:
        raise RulesError([f"{name}:1:1: the rules file is empty"])
    walker = YamlWalker()
    walker.walk(node, ())
    if walker.refused:
        raise RulesError([p[2] for p in sorted(_format(name, *p, {}) for p in walker.problems)])
    try:
        data = construct(node)
    except yaml.constructor.ConstructorError as exc:
        mark = exc.problem_mark
        where = f"{name}:{mark.line + 1}:{mark.column + 1}" if mark else name
        raise RulesError([f"{where}: refused: {exc.problem} (only plain YAML values are allowed)"]) from None
    if not isinstance(data, dict):
        raise RulesError([f"{name}:1:1: the rules file must be a mapping of keys to values"])
    marks, ids = walker.marks, _requirement_ids(data)
    problems = [_format(name, *p, ids) for p in walker.problems]
    checked = cross_check(data)
    for p in checked:
        see = f" (first on line {located(p.see, marks)[0]})" if p.see else ""
        problems.append(_format(name, p.path, located(p.path, marks), p.message + see, ids))
    try:
        rules = Rules.model_validate(data)
    except ValidationError as exc:
        reported = {(p.path, p.message) for p in checked}
        errors = [e for e in exc.errors() if not _reported(e, reported)]
        problems += describe_all(errors, marks, ids, name)  # type: ignore[arg-type]
    if problems:
        raise RulesError([p[2] for p in sorted(set(problems))])
    return rules


def _reported(err: Any, reported: set[tuple[KeyPath, str]]) -> bool:
    """The model's own copy of a cross-check problem already reported with its line."""
    error = err.get("ctx", {}).get("error")
    return not err["loc"] and isinstance(error, ProblemAt) and (error.path, str(error)) in reported


def _requirement_ids(data: dict[str, Any]) -> dict[int, str]:
    reqs = data.get("requirements")
    return {i: r["id"] for i, r in enumerate(reqs if isinstance(reqs, list) else [])
            if isinstance(r, dict) and isinstance(r.get("id"), str)}


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
