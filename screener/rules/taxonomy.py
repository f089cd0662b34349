"""The skills taxonomy shipped in the package (screener/data/taxonomy.yaml), as plain data.

A rules file names any of its ids without defining them; :mod:`screener.rules.schema` adds the
entries a rules file uses (and does not define itself) to its skills.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml


def taxonomy_path() -> Path:
    return Path(str(resources.files("screener") / "data" / "taxonomy.yaml"))


@cache
def taxonomy_data() -> dict[str, dict[str, Any]]:
    """Skill id → its plain mapping (label, aliases, context rules), in file order."""
    data = yaml.load(taxonomy_path().read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    return dict(data["skills"])


def referenced_skills(data: dict[str, Any]) -> list[str]:
    """The skill ids a rules mapping's requirements name (of, mentioned, within), first use first."""
    ids: list[str] = []
    requirements = data.get("requirements")
    for req in requirements if isinstance(requirements, list) else []:
        if not isinstance(req, dict):
            continue
        mentioned = req.get("mentioned")
        for value in [req.get("of"), req.get("within"), *(mentioned if isinstance(mentioned, list) else [])]:
            if isinstance(value, str) and value not in ids:
                ids.append(value)
    return ids


def with_taxonomy(data: dict[str, Any]) -> dict[str, Any]:
    """The rules mapping with the taxonomy entries it uses but does not define added to its skills."""
    own = data.get("skills", {})
    if not isinstance(own, dict):  # reported as it is by the model
        return data
    taxonomy = taxonomy_data()
    added = {sid: taxonomy[sid] for sid in referenced_skills(data) if sid in taxonomy and sid not in own}
    if not added:
        return data
    return {**data, "skills": {**own, **added}}
