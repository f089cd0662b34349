"""``screener cache info`` and ``screener cache clear``: the parse cache, which holds CV text."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

cache_app = typer.Typer(no_args_is_help=True, help="Show or empty the parse cache (it holds the text of the CVs "
                                                   "screened: personal data).")
CacheOption = Annotated[Path | None, typer.Option(
    "--cache", help="The parse cache's folder (default: $SCREENER_CACHE_DIR, else the user's cache folder).")]
NoCacheOption = Annotated[bool, typer.Option(
    "--no-cache", help="Read and parse every file again, and keep nothing in the parse cache.")]


def cache_folder(cache: Path | None, no_cache: bool = False) -> Path | None:
    """The parse cache's folder for a command, or None when it runs without one."""
    from screener.cache import default_folder

    return None if no_cache else cache or default_folder()


@cache_app.command("info")
def info(cache: CacheOption = None) -> None:
    """Where the cache is, how many parsed CVs it holds and its size on disk."""
    from screener.cache import ParseCache, default_folder

    store = ParseCache(cache or default_folder())
    facts = store.info()
    store.close()
    print(f"location: {facts.path}")
    print(f"entries:  {facts.entries}")
    print(f"size:     {facts.size / 1e6:.1f} MB")


@cache_app.command("clear")
def clear(cache: CacheOption = None) -> None:
    """Delete the cache file (every parsed CV it holds); the next screen reads every file again."""
    from screener.cache import ParseCache, default_folder

    store = ParseCache(cache or default_folder())
    removed = store.clear()
    print(f"Cleared {store.path}: {removed} entr{'y' if removed == 1 else 'ies'} removed.")


def register(app: typer.Typer) -> None:
    app.add_typer(cache_app, name="cache")
