"""Corruption complaints and whistleblowing (plan projects 33 and 34).

- :class:`ComplaintDesk`: file a complaint and hand out its tracking code; follow it by
  code, seeing only what the complainant may see (:class:`Progress`);
- :class:`Throttle`: slows down a source that keeps presenting wrong codes;
- :mod:`integrity_flows.manual`: the handling manual, written from the flow definition;
- the statistics to publish per fiscal year: the declared report ``complaint_statistics``
  (``flows/reports/complaints.yaml``).

See docs/complaints.md.
"""

from integrity_flows.complaints.desk import (
    COMPLAINT_FLOW,
    TRACKING_FIELD,
    ComplaintDesk,
    Filed,
    TrackingNotFound,
)
from integrity_flows.complaints.progress import Message, Progress
from integrity_flows.complaints.tracking import (
    Throttle,
    ThrottleWarning,
    format_code,
    new_code,
    normalize_code,
)

__all__ = [
    "COMPLAINT_FLOW",
    "TRACKING_FIELD",
    "ComplaintDesk",
    "Filed",
    "Message",
    "Progress",
    "Throttle",
    "ThrottleWarning",
    "TrackingNotFound",
    "format_code",
    "new_code",
    "normalize_code",
]
