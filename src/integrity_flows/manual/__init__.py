"""Manuals written from flow definitions (Markdown or HTML, Thai or English)."""

from integrity_flows.manual.document import Document
from integrity_flows.manual.writer import write_manual

__all__ = ["Document", "write_manual"]
