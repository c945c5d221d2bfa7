"""The audit trail: hashed, chained events and their verification."""

from integrity_flows.audit.records import GENESIS, REDACTED, AuditEvent, canonical, digest
from integrity_flows.audit.verify import VerifyProblem, VerifyReport, verify
from integrity_flows.stored import StoredEvent

__all__ = [
    "GENESIS",
    "REDACTED",
    "AuditEvent",
    "StoredEvent",
    "VerifyProblem",
    "VerifyReport",
    "canonical",
    "digest",
    "verify",
]
