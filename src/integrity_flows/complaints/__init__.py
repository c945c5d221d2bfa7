"""Cases the public follows by tracking code, and manuals written from flows.

Any flow may declare ``tracking:`` (the corruption complaint of plan projects 33 and 34
does) and a ``manual:`` block; nothing here names a flow.

- :class:`TrackingDesk` (also :class:`ComplaintDesk`): file a case of a flow that
  declares ``tracking:`` and hand out its tracking code; follow it by code, seeing only
  what the code's holder may see (:class:`Progress`);
- :class:`Throttle`: slows down a source that keeps presenting wrong codes;
- :func:`flow_manual`: the handling manual, written from the flow definition;
See docs/complaints.md.
"""

from integrity_flows.complaints.desk import (
    ComplaintDesk,
    Filed,
    NotTracked,
    TrackingDesk,
    TrackingNotFound,
    tracked_flows,
)
from integrity_flows.complaints.manual import flow_manual
from integrity_flows.complaints.progress import Message, Progress
from integrity_flows.complaints.tracking import (
    Throttle,
    ThrottleWarning,
    format_code,
    new_code,
    normalize_code,
)

__all__ = [
    "ComplaintDesk",
    "Filed",
    "Message",
    "NotTracked",
    "Progress",
    "Throttle",
    "ThrottleWarning",
    "TrackingDesk",
    "TrackingNotFound",
    "flow_manual",
    "format_code",
    "new_code",
    "normalize_code",
    "tracked_flows",
]
