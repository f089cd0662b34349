"""Commands for the rules workflow: rules validate / schema / show, check, diff."""

from __future__ import annotations

import typer

rules_app = typer.Typer(no_args_is_help=True, help="Validate, inspect and export the rules file.")


def register(app: typer.Typer) -> None:
    """Attach the rules workflow commands to the main app."""
    app.add_typer(rules_app, name="rules")
