"""One root exception, and the stable error codes a report row can carry."""

from __future__ import annotations

# Stable codes for a candidate row with status "error" (documented in the README).
ERROR_CODES: dict[str, str] = {
    "unsupported_format": "the file is not a document screener reads (PDF, DOCX, ODT, RTF, HTML, JSON, TXT, "
                          "Markdown, PNG/JPEG)",
    "empty": "the file is empty",
    "no_text": "the document has no extractable text (a scan or an image, and OCR is not installed)",
    "encrypted": "the document is password-protected",
    "corrupt": "the document is damaged and could not be read",
    "too_large": "the file is larger than the size limit",
    "too_many_pages": "the document has more pages than the page limit",
    "timeout": "reading the document took longer than the time limit",
    "memory": "reading the document needed more memory than the memory limit",
    "unreadable": "the file could not be opened (permissions or I/O error)",
    "unsafe": "the document contains constructs refused for safety (XML entities, a decompression bomb)",
    "internal": "screener failed on this file; please report it",
}


# Failures that follow from a file's bytes and the limits alone, never from this machine (OCR being
# installed, permissions, time, memory): the parse cache keeps them, so a file is not read again to fail.
CONTENT_FAILURES = frozenset({"unsupported_format", "empty", "encrypted", "corrupt", "too_large", "too_many_pages",
                              "unsafe"})


class ScreenerError(Exception):
    """Root of every error screener raises on purpose."""


class ExtractError(ScreenerError):
    """A document could not be turned into text; ``code`` is one of ERROR_CODES."""

    def __init__(self, code: str, message: str) -> None:
        if code not in ERROR_CODES:
            raise ValueError(f"unknown error code {code!r}")
        super().__init__(message)
        self.code = code
        self.message = message


class WorkerStartError(ScreenerError):
    """A worker process could not start: not the user's input, so not a usage error (exit 3)."""


class RulesError(ScreenerError):
    """A rules file is missing, not YAML, or not valid; ``problems`` are 'file:line:col: key: message' strings."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems
