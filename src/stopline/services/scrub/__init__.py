"""Bulk scrub: remove invalid and suppressed numbers from a contact list (CSV, Parquet, JSONL).

`scrub_file` is the use case the CLI calls; `scrub_csv` the streaming core the API uses.
"""

from stopline.services.scrub.files import FORMATS, ScrubTarget, detect_format, scrub_file
from stopline.services.scrub.run import ScrubOptions, ScrubReport, scrub_csv
from stopline.services.scrub.suppressed import SuppressionSet, load

__all__ = [
    "FORMATS",
    "ScrubOptions",
    "ScrubReport",
    "ScrubTarget",
    "SuppressionSet",
    "detect_format",
    "load",
    "scrub_csv",
    "scrub_file",
]
