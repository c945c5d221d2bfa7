"""Loading flows: reading files and discovering folders and plug-ins."""

from integrity_flows.loading.discovery import (
    FlowLibrary,
    bundled_flows,
    default_registry,
    load_folder,
    load_library,
)
from integrity_flows.loading.reader import read_file, read_text

__all__ = [
    "FlowLibrary",
    "bundled_flows",
    "default_registry",
    "load_folder",
    "load_library",
    "read_file",
    "read_text",
]
