"""Duties on a calendar: recurring obligations declared by flows (``duties:``), expanded
into occurrences for a fiscal year and matched against cases and records (docs/duties.md)."""

from integrity_flows.duties.schedule import (
    DUTY_RECORD_FLOW,
    PAST_DUE,
    STATUS_LABELS,
    STATUSES,
    Occurrence,
    occurrences,
    record_id,
)

__all__ = [
    "DUTY_RECORD_FLOW",
    "PAST_DUE",
    "STATUSES",
    "STATUS_LABELS",
    "Occurrence",
    "occurrences",
    "record_id",
]
