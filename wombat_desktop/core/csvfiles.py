"""Contact CSV import and export: the one module other layers import.

Reads Google (current and legacy), Outlook desktop, Outlook.com, LinkedIn and Thunderbird
exports, detected from the header, and any other CSV through a guessed, user-editable column
mapping (a plain JSON-able ``dict``; see `csv_formats` for its targets). Writes Google's
current layout. Pure Python: no Qt, no database.
"""

from __future__ import annotations

from os import PathLike
from pathlib import Path

from wombat_desktop.core.csv_formats import (
    FIELDS,
    ColumnMapping,
    CsvFormat,
    base_field,
    detect_format,
    guess_field,
    mapping_for,
)
from wombat_desktop.core.csv_read import (
    CsvReadResult,
    CsvRowError,
    CsvSniff,
    read_csv,
    sniff_csv,
)
from wombat_desktop.core.csv_values import normalise_date
from wombat_desktop.core.csv_write import neutralise, write_google_csv

__all__ = [
    "FIELDS",
    "ColumnMapping",
    "CsvFormat",
    "CsvReadResult",
    "CsvRowError",
    "CsvSniff",
    "base_field",
    "detect_format",
    "guess_field",
    "mapping_for",
    "neutralise",
    "normalise_date",
    "read_csv",
    "read_csv_file",
    "sniff_csv",
    "write_google_csv",
]


def read_csv_file(path: str | PathLike[str]) -> CsvReadResult:
    """Read a CSV file with its detected layout; the file name goes into each draft's source."""
    path = Path(path)
    return read_csv(path.read_bytes(), source=path.name)
