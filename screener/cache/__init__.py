"""The parse cache: what extraction and parsing made of a file, kept so that a rules change only
re-scores. It holds CV text (personal data) and never a score. See :mod:`screener.cache.keys` for what
an entry is keyed by, :mod:`screener.cache.store` for the file and :mod:`screener.cache.codec` for the
values."""

from __future__ import annotations

from screener.cache.keys import ENV_FOLDER, default_folder, document_key, findings_key, parse_key
from screener.cache.store import CacheInfo, ParseCache

__all__ = ["ENV_FOLDER", "CacheInfo", "ParseCache", "default_folder", "document_key", "findings_key", "parse_key"]
