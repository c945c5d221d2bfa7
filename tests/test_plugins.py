"""Plug-ins: flows and guards from installed packages, through entry points."""

from __future__ import annotations

from importlib import metadata
from pathlib import Path

import pytest

from integrity_flows import Actor, Engine
from integrity_flows.errors import GuardRejected

ROOT = Path(__file__).resolve().parents[1]
PLUGIN = "integrity-flows-vehicle-use"


def _installed() -> bool:
    try:
        metadata.distribution(PLUGIN)
    except metadata.PackageNotFoundError:
        return False
    return True


needs_plugin = pytest.mark.skipif(
    not _installed(),
    reason=f"{PLUGIN} is not installed (scripts/test.sh installs examples/vehicle-use-plugin)",
)


@needs_plugin
def test_entry_points_bring_the_flow_and_its_guard() -> None:
    """The example package's flow and custom guard are found and enforced."""
    engine = Engine.open("memory://")
    assert engine.flows.get("vehicle_trip").version == 1
    staff = Actor("somchai", roles={"staff"})
    controller = Actor("kanda", roles={"controller"})
    driver = Actor("daeng", roles={"driver"})
    case = engine.start(
        "vehicle_trip", actor=staff, data={"vehicle": "กข-1234", "destination": "อำเภอเถิน"}
    )
    case = engine.fire(case.id, "approve", actor=controller)
    case = engine.fire(case.id, "depart", actor=driver, data={"odometer_out": "๑๒,๐๐๐"})
    with pytest.raises(GuardRejected) as refused:
        engine.fire(case.id, "arrive", actor=driver, data={"odometer_in": "11999"})
    assert refused.value.mentions("odometer")
    case = engine.fire(case.id, "arrive", actor=driver, data={"odometer_in": "12080"})
    assert case.state == "back"
    assert engine.verify().ok


@needs_plugin
def test_a_plugin_report_reads_the_plugin_flow() -> None:
    """The example package's declared report arrives through its entry point and counts
    its flow's cases; switching entry points off leaves it out."""
    from integrity_flows.calendars import fiscal_year
    from integrity_flows.reports.catalogue import run_report

    engine = Engine.open("memory://")
    staff, controller = Actor("somchai", roles={"staff"}), Actor("kanda", roles={"controller"})
    case = engine.start(
        "vehicle_trip", actor=staff, data={"vehicle": "กข-1234", "destination": "อำเภอเถิน"}
    )
    engine.fire(case.id, "approve", actor=controller)
    engine.fire(
        case.id, "depart", actor=Actor("daeng", roles={"driver"}), data={"odometer_out": "1"}
    )
    year = fiscal_year(engine.clock())
    figures = {f.key: f.value for f in run_report(engine, "vehicle_trips", fiscal_year=year)}
    assert (figures["trips"], figures["back"], figures["vehicles"]) == (1, 0, ("กข-1234",))
    assert Engine.open("memory://", entry_points=False).reports.find("vehicle_trips") is None


@needs_plugin
def test_entry_points_can_be_turned_off() -> None:
    """A host that wants only its own flows can switch plug-in discovery off."""
    engine = Engine.open("memory://", entry_points=False)
    assert "vehicle_trip" not in {d.id for d in engine.flows}


def test_host_folder_without_the_plugin_guard_is_rejected(tmp_path: Path) -> None:
    """A flow using a guard nobody registered is rejected at load, naming file and path."""
    from integrity_flows.errors import DefinitionError

    source = ROOT / "examples/vehicle-use-plugin/src/vehicle_use/flows/vehicle_trip.yaml"
    (tmp_path / "trip.yaml").write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(DefinitionError) as error:
        Engine.open("memory://", flows=[tmp_path], entry_points=False)
    assert "trip.yaml: transitions[3].guards[0]: unknown guard 'odometer_increases'" in str(
        error.value
    )
