"""The rules file: schema, loading and validation."""

from screener.rules.load import LoadedRules, default_rules_path, find_rules, load_rules, parse_rules
from screener.rules.schema import Requirement, Roles, Rules, Skill

__all__ = ["LoadedRules", "Requirement", "Roles", "Rules", "Skill", "default_rules_path", "find_rules",
           "load_rules", "parse_rules"]
