"""Powers and the positions that hold them directly: the roots of every chain of grants.

The bundled table is ``powers.yaml``; a power is held directly by whoever holds one of its
``holders`` positions, and otherwise only through a case of a flow that declares
``grants:`` (see :mod:`integrity_flows.authority`).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from functools import cache
from importlib import resources
from typing import Any

import attrs
import yaml


@attrs.frozen
class Power:
    """A power from ``powers.yaml``."""

    id: str
    th: str
    en: str
    delegable: bool
    holders: tuple[str, ...]


@attrs.frozen
class PowerTable:
    """Every power and the positions that hold it directly."""

    powers: Mapping[str, Power]
    positions: Mapping[str, tuple[str, str]]

    def get(self, power: str) -> Power | None:
        """The power ``power``, if known."""
        return self.powers.get(power)

    def position_ids(self, names: Collection[str]) -> frozenset[str]:
        """The positions among ``names``, each given by id or by Thai or English label."""
        found = set()
        for name in names:
            for pid, (th, en) in self.positions.items():
                if name in (pid, th) or name.casefold() == en.casefold():
                    found.add(pid)
        return frozenset(found)


@cache
def power_table() -> PowerTable:
    """The bundled ``powers.yaml``."""
    text = (resources.files("integrity_flows") / "powers.yaml").read_text(encoding="utf-8")
    return parse_power_table(yaml.safe_load(text))


def parse_power_table(raw: Mapping[str, Any]) -> PowerTable:
    """A power table from its YAML form (see ``powers.yaml``)."""
    powers = {
        pid: Power(
            pid,
            str(spec["label"]["th"]),
            str(spec["label"]["en"]),
            bool(spec.get("delegable", True)),
            tuple(spec.get("holders", ())),
        )
        for pid, spec in raw["powers"].items()
    }
    positions = {pid: (str(v["th"]), str(v["en"])) for pid, v in raw["positions"].items()}
    return PowerTable(powers, positions)


__all__ = ["Power", "PowerTable", "parse_power_table", "power_table"]
