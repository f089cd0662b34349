"""`screener rules validate` and `rules schema`: every class of mistake, with its line and column."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
import yaml
from pydantic import ValidationError

from screener.cli import main
from screener.rules import Rules, parse_rules
from screener.rules.schema import json_schema
from tests.conftest import REPO

RULES = REPO / "rules" / "requirements.yaml"
SHIPPED_SCHEMA = REPO / "screener" / "data" / "requirements.schema.json"
# Skills defined in the rules file itself (overriding the taxonomy's entries), for the mistakes made there.
OWN_SKILLS = """skills:
  go:
    label: Go
    aliases: [golang, go-lang]
    ambiguous: [go]
    not_followed_by: [to, through, live]
  kafka:
    label: Kafka
    aliases: [kafka, apache kafka]
  php:
    label: PHP
    aliases: [php]
  laravel:
    label: Laravel
    aliases: [laravel]
  rust:
    label: Rust
    aliases: [rustlang]
    ambiguous: [rust]

"""


def rules_text() -> str:
    """The shipped rules with a skills section of their own."""
    text = RULES.read_text(encoding="utf-8")
    assert "\nskills:" not in text and "\nroles:" in text
    return text.replace("\nroles:", "\n" + OWN_SKILLS + "roles:", 1)


@pytest.fixture(autouse=True)
def unwrapped_errors(monkeypatch: pytest.MonkeyPatch) -> None:
    """One problem per line whatever the width, as editors and CI parse them."""
    from screener import cli

    monkeypatch.setattr(cli.err, "soft_wrap", True)


def broken(tmp_path: Path, pattern: str, replacement: str) -> tuple[Path, str]:
    """The shipped rules with one targeted edit (a regex, so other edits to the values don't break it)."""
    text, count = re.subn(pattern, replacement, rules_text(), count=1, flags=re.MULTILINE)
    assert count == 1, f"pattern not found in the shipped rules: {pattern}"
    path = tmp_path / "rules.yaml"
    path.write_text(text, encoding="utf-8")
    return path, text


def where(path: Path, text: str, marker: str, nth: int = 1) -> str:
    """'file:line:col:' of the nth occurrence of marker in text."""
    index = -1
    for _ in range(nth):
        index = text.index(marker, index + 1)
    line = text.count("\n", 0, index) + 1
    col = index - (text.rfind("\n", 0, index) + 1) + 1
    return f"{path}:{line}:{col}:"


def validate(capsys: pytest.CaptureFixture[str], path: Path) -> tuple[int, str, str]:
    code = main(["rules", "validate", str(path)])
    out, err = capsys.readouterr()
    return code, out, err


def requirement(rid: str, key: str) -> str:
    """A regex for `key:` inside the requirement `rid` (group 1 is everything before the key)."""
    return rf"(^  - id: {rid}\n(?:    .*\n)*?)    {key}:"


def test_the_shipped_rules_are_valid(capsys) -> None:
    code, out, err = validate(capsys, RULES)
    assert code == 0 and err == ""
    assert out.startswith(f"{RULES}: OK — ") and "requirements" in out


def test_default_file_is_found(capsys, monkeypatch) -> None:
    monkeypatch.chdir(REPO)
    assert main(["rules", "validate"]) == 0
    assert "rules/requirements.yaml: OK" in capsys.readouterr().out


def test_misspelt_key_is_named_with_a_suggestion(tmp_path, capsys) -> None:
    path, text = broken(tmp_path, requirement("go_years", "years"), r"\1    yeras:")
    code, _, err = validate(capsys, path)
    assert code == 2
    assert f"{where(path, text, 'yeras:')} requirements[go_years].yeras: unknown key 'yeras' — did you mean " \
           "'years'?" in err
    assert "1 problem found" in err


def test_unknown_skill_in_of_points_at_the_of_line(tmp_path, capsys) -> None:
    path, text = broken(tmp_path, r"^    of: kafka$", "    of: kafak")
    code, _, err = validate(capsys, path)
    assert code == 2
    assert f"{where(path, text, 'kafak')} requirements[kafka_years].of: unknown skill 'kafak' — did you mean " \
           "'kafka'?" in err


def test_unknown_skill_in_mentioned_points_at_the_item(tmp_path, capsys) -> None:
    path, text = broken(tmp_path, r"mentioned: \[php, laravel\]", "mentioned: [php, larvel]")
    code, _, err = validate(capsys, path)
    assert code == 2
    assert f"{where(path, text, 'larvel')} requirements[php_laravel].mentioned[1]: unknown skill 'larvel'" in err


def test_duplicate_requirement_id(tmp_path, capsys) -> None:
    path, text = broken(tmp_path, r"^  - id: kafka_years$", "  - id: go_years")
    code, _, err = validate(capsys, path)
    first = where(path, text, "go_years").split(":")[1]
    assert code == 2
    assert f"{where(path, text, 'go_years', nth=2)} requirements[go_years].id: the id 'go_years' is already used" in err
    assert f"(first on line {first})" in err


def test_duplicate_yaml_key(tmp_path, capsys) -> None:
    path, text = broken(tmp_path, r"^(    years: \S+\n)", r"\1    years: 6\n")
    code, _, err = validate(capsys, path)
    assert code == 2
    assert f"{where(path, text, 'years: 6')} requirements[backend_years].years: duplicate key 'years'" in err


@pytest.mark.parametrize(("value", "message"), [("-3", "-3 is too small: it must be at least 0"),
                                                ("80", "80 is too large: it must be at most 50")])
def test_negative_or_absurd_threshold(tmp_path, capsys, value: str, message: str) -> None:
    path, text = broken(tmp_path, requirement("mysql_years", "years") + r" \S+", rf"\1    years: {value}")
    code, _, err = validate(capsys, path)
    assert code == 2
    assert f"{where(path, text, value)} requirements[mysql_years].years: {message}" in err


def test_weights_that_sum_to_nothing(tmp_path, capsys) -> None:
    text = re.sub(r"^    weight: \S+$", "    weight: 0", RULES.read_text(encoding="utf-8"), flags=re.MULTILINE)
    path = tmp_path / "rules.yaml"
    path.write_text(text, encoding="utf-8")
    code, _, err = validate(capsys, path)
    assert code == 2
    assert f"{where(path, text, 'requirements:')} requirements: every requirement has weight 0" in err


def test_empty_alias(tmp_path, capsys) -> None:
    path, text = broken(tmp_path, r"aliases: \[php\]", "aliases: [php, '']")
    code, _, err = validate(capsys, path)
    assert code == 2
    assert f"{where(path, text, chr(39) * 2)} skills.php.aliases[1]: an empty name" in err


def test_alias_colliding_across_skills(tmp_path, capsys) -> None:
    path, text = broken(tmp_path, r"aliases: \[laravel\]", "aliases: [laravel, PHP]")
    code, _, err = validate(capsys, path)
    assert code == 2
    assert f"{where(path, text, 'PHP]')} skills.laravel.aliases[1]: the name 'PHP' is also a name of the skill " \
           f"'php'" in err
    assert f"(first on line {where(path, text, 'aliases: [php]').split(':')[1]})" in err


def test_python_tag_is_refused_and_never_run(tmp_path, capsys) -> None:
    marker = tmp_path / "pwned"
    path, text = broken(tmp_path, r"^title: ", f'title: !!python/object/apply:os.system ["touch {marker}"]\nx: ')
    code, _, err = validate(capsys, path)
    assert code == 2 and not marker.exists()
    assert f"{where(path, text, '!!python')} title: refused the tag '!!python/object/apply:os.system'" in err


def test_yaml_alias_is_refused(tmp_path, capsys) -> None:
    path, text = broken(tmp_path, r"^    aliases: \[rustlang\]$", "    aliases: *golang")
    path.write_text(text.replace("aliases: [golang, go-lang]", "aliases: &golang [golang, go-lang]"),
                    encoding="utf-8")
    code, _, err = validate(capsys, path)
    assert code == 2
    assert f"{where(path, text, 'aliases: *golang')} skills.rust.aliases: YAML aliases ('*name') are not " \
           "supported here" in err


def test_yaml_syntax_error_names_its_line(tmp_path, capsys) -> None:
    path, text = broken(tmp_path, r"^(  kafka:\n    label: Kafka\n)", r"\1   oops: [1, 2\n")
    code, _, err = validate(capsys, path)
    assert code == 2
    line = where(path, text, "   oops").split(":")[1]
    assert re.search(rf"{re.escape(str(path))}:{line}:\d+: not valid YAML: ", err)


def test_tab_indentation_gets_a_hint(tmp_path, capsys) -> None:
    path, text = broken(tmp_path, r"^  php:$", "\tphp:")
    code, _, err = validate(capsys, path)
    assert code == 2
    assert f"{where(path, text, chr(9))} not valid YAML" in err and "indent with spaces, not tabs" in err


def test_misspelt_value_gets_a_suggestion(tmp_path, capsys) -> None:
    path, text = broken(tmp_path, requirement("rust", "kind") + " nice_to_have", r"\1    kind: nice_to_hav")
    code, _, err = validate(capsys, path)
    at = where(path, text, "nice_to_hav\n")
    assert code == 2
    assert f"{at} requirements[rust].kind: 'nice_to_hav' is not allowed here — " \
           "did you mean 'nice_to_have'?" in err


def test_every_problem_is_reported_in_file_order(tmp_path, capsys) -> None:
    text = rules_text()
    text = re.sub(r"^    of: kafka$", "    of: kafak", text, count=1, flags=re.MULTILINE)
    text = re.sub(r"^(  - id: rust\n(?:    .*\n)*?)    kind:", r"\1    knid:", text, count=1, flags=re.MULTILINE)
    text = re.sub(r"aliases: \[php\]", "aliases: [php, '']", text, count=1)
    path = tmp_path / "rules.yaml"
    path.write_text(text, encoding="utf-8")
    code, _, err = validate(capsys, path)
    lines = err.splitlines()
    assert code == 2 and len(lines) == 4 and lines[-1].startswith("3 problems found")
    assert [int(p.split(":")[1]) for p in lines[:3]] == sorted(int(p.split(":")[1]) for p in lines[:3])
    assert "aliases[1]: an empty name" in lines[0] and "unknown skill 'kafak'" in lines[1]
    assert "unknown key 'knid' — did you mean 'kind'?" in lines[2]


def test_unreadable_file(tmp_path, capsys) -> None:
    code, _, err = validate(capsys, tmp_path / "missing.yaml")
    assert code == 2 and "cannot read the rules file" in err


def test_the_model_guards_rules_built_in_code() -> None:
    data = yaml.safe_load(RULES.read_text(encoding="utf-8"))
    data["requirements"][0]["of"] = "klingon"
    with pytest.raises(ValidationError, match="unknown skill 'klingon'"):
        Rules.model_validate(data)


def test_shipped_schema_is_up_to_date(capsys) -> None:
    assert json.loads(SHIPPED_SCHEMA.read_text(encoding="utf-8")) == json_schema(), \
        "regenerate it: screener rules schema > screener/data/requirements.schema.json"
    assert main(["rules", "schema"]) == 0
    assert capsys.readouterr().out == SHIPPED_SCHEMA.read_text(encoding="utf-8")


def test_schema_accepts_the_shipped_rules_and_rejects_broken_ones() -> None:
    schema = json.loads(SHIPPED_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    data = yaml.safe_load(rules_text())
    jsonschema.validate(data, schema, cls=jsonschema.Draft202012Validator)
    for breakage in (lambda d: d["requirements"][1].update(yeras=2),
                     lambda d: d["skills"].update(Go=d["skills"]["go"]),
                     lambda d: d["requirements"][1].update(keywords=["go"]),
                     lambda d: d["requirements"][1].update(kind="must")):
        bad = yaml.safe_load(rules_text())
        breakage(bad)
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(bad, schema, cls=jsonschema.Draft202012Validator)


def test_within_names_an_unknown_skill(tmp_path, capsys) -> None:
    path, text = broken(tmp_path, r"^    within: kafka ", "    within: kafak ")
    code, _, err = validate(capsys, path)
    assert code == 2
    assert f"{where(path, text, 'kafak')} requirements[kafka_concepts].within: unknown skill 'kafak' — did " \
           "you mean 'kafka'?" in err


def test_within_is_only_for_keywords(tmp_path, capsys) -> None:
    path, text = broken(tmp_path, requirement("go_years", "of") + " go", r"\1    of: go\n    within: go")
    code, _, err = validate(capsys, path)
    assert code == 2
    at = where(path, text, "go\n    weight")  # the value of 'within'
    assert f"{at} requirements[go_years].within: 'within' is only used with " \
           "'keywords'" in err


def test_a_taxonomy_skill_is_used_without_being_defined() -> None:
    text = rules_text().replace("mentioned: [rust]", "mentioned: [rust, kubernetes]")
    rules = parse_rules(text, "rules.yaml")
    assert rules.skills["kubernetes"].label == "Kubernetes" and "k8s" in rules.skills["kubernetes"].aliases
    assert "python" not in rules.skills  # only the skills a rules file uses are searched for


def test_a_skill_defined_in_the_rules_file_replaces_the_taxonomy_entry() -> None:
    rules = parse_rules(rules_text(), "rules.yaml")
    assert rules.skills["kafka"].aliases == ["kafka", "apache kafka"]  # not the taxonomy's 'msk'


def test_a_name_shared_with_a_taxonomy_skill_in_use(tmp_path, capsys) -> None:
    path, text = broken(tmp_path, r"aliases: \[laravel\]", "aliases: [laravel, Dockerfile]")
    code, _, err = validate(capsys, path)
    assert code == 2
    assert f"{where(path, text, 'Dockerfile]')} skills.laravel.aliases[1]: the name 'Dockerfile' is also a name " \
           "of the skill 'docker' (from the skills taxonomy)" in err


def test_context_keys_of_a_skill_are_checked_with_their_line(tmp_path, capsys) -> None:
    path, text = broken(tmp_path, r"^(    ambiguous: \[rust\]\n)",
                        r"\1    needs_context: maybe\n    followed_by: [code, '']\n")
    code, _, err = validate(capsys, path)
    assert code == 2
    assert f"{where(path, text, 'maybe')} skills.rust.needs_context: must be true or false, not 'maybe'" in err
    assert f"{where(path, text, chr(39) * 2)} skills.rust.followed_by[1]: an empty name" in err
