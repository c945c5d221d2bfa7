"""Protection of sensitive data: the host's key, sealed values and keyed hashes.

See docs/complaints.md ("Protecting the complainant") for the design and its limits.
"""

from integrity_flows.protection.fields import hashed_value, open_value, protect
from integrity_flows.protection.keys import FieldKey, is_sealed

__all__ = ["FieldKey", "hashed_value", "is_sealed", "open_value", "protect"]
