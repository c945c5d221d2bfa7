"""The store contract, as the backends of this package see it.

The contract itself is :class:`integrity_flows.protocols.Store` (with the other extension
points); what a store keeps and writes is in :mod:`integrity_flows.stored`. Both are
re-exported here for the backends and for code written against earlier releases.
"""

from __future__ import annotations

from integrity_flows.protocols import Store
from integrity_flows.stored import StoredEvent, Write

__all__ = ["Store", "StoredEvent", "Write"]
