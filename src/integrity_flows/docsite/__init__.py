"""Living documentation for auditors: ``integrity-flows docs build``.

See docs/living-documentation.md.
"""

from integrity_flows.docsite.build import BuiltSite, build_site

__all__ = ["BuiltSite", "build_site"]
