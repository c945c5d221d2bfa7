"""``integrity-flows demo``: replay plan project 13 on a SQLite file, step by step."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from pathlib import Path
from typing import Any

import click

from integrity_flows.actor import Actor
from integrity_flows.calendars import THAI_TZ, thai_date
from integrity_flows.case import Case
from integrity_flows.cli.common import cli_logger, describe_event, echo, store_url
from integrity_flows.cli.keys import cli_key, cli_key_file, read_key_file, write_key_file
from integrity_flows.cli.registers import print_register
from integrity_flows.cli.replay import default_features, feature_files, replay
from integrity_flows.clock import FixedClock
from integrity_flows.engine.runtime import Engine
from integrity_flows.errors import Refused
from integrity_flows.protection.keys import FieldKey
from integrity_flows.stores import open_store

DEFAULT_DB = "integrity-flows-demo.db"

SOMCHAI = Actor("somchai", roles={"staff"}, unit="กองคลัง", name="สมชาย")
KANDA = Actor("kanda", roles={"custodian"}, unit="กองพัสดุและทรัพย์สิน", name="กานดา")
SOMYING = Actor("somying", roles={"approver"}, unit="กองพัสดุและทรัพย์สิน", name="สมหญิง")
PRASERT = Actor("prasert", roles={"executive"}, unit="สำนักปลัด", name="ประเสริฐ")
NOK = Actor("nok", roles={"custodian"}, unit="กองพัสดุและทรัพย์สิน", name="นก")
WICHAI = Actor("wichai", roles={"security_guard"}, unit="สำนักปลัด", name="วิชัย")


def _out(text: str) -> None:
    """Print demo text as every screen is printed (:func:`echo`: this run's digits,
    control characters escaped), a line at a time."""
    for line in text.split("\n"):
        echo(line)


class _Replay:
    """Runs the steps, printing each one as a clerk would read it."""

    def __init__(self, engine: Engine, clock: FixedClock) -> None:
        self.engine = engine
        self.clock = clock
        self.step = 0

    def say(self, th: str, en: str) -> None:
        self.step += 1
        day = thai_date(self.clock(), digits=False)
        _out(f"\n[{self.step:02}] {day}  {th}")
        _out(f"     {en}")

    def start(self, flow: str, actor: Actor, data: Mapping[str, Any]) -> Case:
        case = self.engine.start(flow, actor=actor, data=data)
        self._state(case)
        return case

    def fire(
        self, case: Case, trigger: str, actor: Actor, data: Mapping[str, Any] | None = None
    ) -> Case:
        case = self.engine.fire(case.id, trigger, actor=actor, data=data or {})
        self._state(case)
        return case

    def refused(
        self, action: str, case: Case | None, actor: Actor, data: Mapping[str, Any] | None = None
    ) -> None:
        try:
            if case is None:
                self.engine.start("asset_lending", actor=actor, data=data or {})
            else:
                self.engine.fire(case.id, action, actor=actor, data=data or {})
        except Refused as exc:
            _out(f"     ✗ ปฏิเสธ: {exc.message_th}")
            _out(f"     ✗ refused: {exc.message_en}")
            return
        msg = "the demo expected a refusal"
        raise AssertionError(msg)

    def _state(self, case: Case) -> None:
        label = self.engine.flows.get(case.flow_id).label_of_state(case.state)
        _out(f"     → {case.id}: {label.th} / {label.en}")


def _programme(r: _Replay) -> Case:
    r.say(
        "กองพัสดุและทรัพย์สินเริ่มแผนงานปีงบประมาณ ๒๕๖๗ (โครงการที่ ๑๓)",
        "The Procurement and Assets Division opens the FY 2567 programme (project 13)",
    )
    year = r.start("asset_rules", KANDA, {"fiscal_year": "๒๕๖๗"})
    r.say(
        "เสนอร่างประกาศแนวทางปฏิบัติการใช้และการยืมทรัพย์สินของราชการ (ข้อ ๕.๑)",
        "The draft announcement of rules is submitted (step 5.1)",
    )
    year = r.fire(
        year,
        "submit_rules",
        KANDA,
        {
            "announcement_title": "ประกาศแนวทางปฏิบัติการใช้และการยืมทรัพย์สินของราชการ",
            "borrow_form": "แบบขออนุญาตยืมทรัพย์สินของราชการ",
            "covers_outsiders": "ใช่",
        },
    )
    r.say("ผู้บริหารอนุมัติและลงนามประกาศ", "The executive approves and signs the announcement")
    year = r.fire(year, "approve_rules", PRASERT, {"announcement_no": "๑/๒๕๖๗"})
    r.say("จัดทำคู่มือการใช้และการยืมทรัพย์สินของราชการ (ข้อ ๕.๒)", "The manual (step 5.2)")
    year = r.fire(year, "publish_manual", KANDA, {"manual_title": "คู่มือการยืมทรัพย์สินของราชการ"})
    r.say(
        "เผยแพร่ประกาศและแผนผังขั้นตอนทางเว็บไซต์และบอร์ดประชาสัมพันธ์ (ข้อ ๕.๓)",
        "Rules and flowchart published on the website and notice board (step 5.3)",
    )
    year = r.fire(
        year,
        "publicise",
        KANDA,
        {
            "flowchart": "แผนผังขั้นตอนการยืม",
            "channels": [
                {"channel": "เว็บไซต์", "audience": "public"},
                {"channel": "บอร์ดประชาสัมพันธ์", "audience": "staff"},
            ],
        },
    )
    year = r.fire(
        year, "record_channel", KANDA, {"channels": [{"channel": "เพจเฟซบุ๊ก", "audience": "public"}]}
    )
    r.say(
        "เริ่มติดตามตรวจสอบด้วยทะเบียนการยืม (ข้อ ๕.๔)",
        "Compliance monitoring through the lending register begins (step 5.4)",
    )
    year = r.fire(
        year, "start_monitoring", KANDA, {"register_name": "ทะเบียนการยืมทรัพย์สิน ปีงบประมาณ ๒๕๖๗"}
    )
    r.say(
        "เจ้าหน้าที่รักษาความปลอดภัยจะบันทึกการตรวจรถก่อนแต่งตั้งผู้ควบคุมไม่ได้ (ความเสี่ยงข้อ ๑)",
        "A vehicle check cannot be logged before the controls are appointed (risk row 1)",
    )
    r.refused("record_vehicle_check", year, WICHAI, {"vehicle_checks": "กข-1234"})
    r.say(
        "แต่งตั้งผู้ควบคุมและผู้ตรวจสอบรถ แล้วบันทึกการตรวจเช็ครถ (ความเสี่ยงข้อ ๑)",
        "Controller and inspector appointed; a vehicle check logged (risk row 1)",
    )
    year = r.fire(
        year,
        "appoint_vehicle_control",
        PRASERT,
        {
            "appointment_order": "คำสั่งที่ ๑๒/๒๕๖๗",
            "vehicle_controller": "kanda",
            "vehicle_inspector": "somying",
        },
    )
    return r.fire(
        year,
        "record_vehicle_check",
        WICHAI,
        {"vehicle_checks": "กข-1234 ประตู ๑ ปกติ / gate 1, no finding"},
    )


def _loans(r: _Replay) -> Case:
    r.say("สมชาย (กองคลัง) ยื่นคำขอยืมรถยนต์ส่วนกลาง", "Somchai requests the pool car")
    loan = r.start(
        "asset_lending",
        SOMCHAI,
        {
            "ทรัพย์สิน": "รถยนต์ส่วนกลาง กข-1234",
            "วัตถุประสงค์": "ประชุมที่อำเภอเถิน",
            "กำหนดส่งคืน": "๕ ตุลาคม ๒๕๖๖",
            "borrower_phone": "081-234-5678",
        },
    )
    r.say("เจ้าหน้าที่พัสดุตรวจสอบคำขอ", "The custodian checks the request")
    loan = r.fire(loan, "check", KANDA, {"check_note": "ว่าง พร้อมใช้งาน"})
    r.say("สมชายอนุมัติคำขอของตนเองไม่ได้", "Somchai may not approve his own request")
    r.refused("approve", loan, Actor("somchai", roles={"staff", "approver"}, unit="กองคลัง"))
    r.say("ผู้มีอำนาจอนุมัติ", "The approving official approves")
    loan = r.fire(loan, "อนุมัติ", SOMYING)
    r.say("ส่งมอบรถ ลงทะเบียนการยืม บันทึกสภาพ", "Handover, register entry, condition noted")
    loan = r.fire(loan, "hand_over", KANDA, {"register_no": "ย.1/2567", "condition_out": "ปกติ"})
    r.say("ผู้อื่นยืมรถคันเดียวกันซ้ำไม่ได้", "Nobody else may borrow the same car meanwhile")
    r.refused(
        "start",
        None,
        Actor("malee", roles={"staff"}),
        {"ทรัพย์สิน": "รถยนต์ส่วนกลาง กข-1234", "วัตถุประสงค์": "ราชการ", "กำหนดส่งคืน": "๖ ตุลาคม ๒๕๖๖"},
    )
    r.clock.advance(days=3)
    r.say("รับคืนรถ ตรวจสภาพปกติ", "The car comes back intact")
    loan = r.fire(loan, "return_intact", KANDA, {"condition_in": "ปกติ"})

    r.say("บริษัทเอกชนขอยืมเต็นท์ (บุคคลภายนอก)", "A private company asks to borrow tents")
    tent = r.start(
        "asset_lending",
        KANDA,
        {
            "item": "เต็นท์ ๑๐ หลัง",
            "purpose": "งานประเพณีชุมชน",
            "borrower_type": "external",
            "borrower": "บริษัท ลำปางอีเวนท์ จำกัด",
            "return_date": "๑๐ ตุลาคม ๒๕๖๖",
        },
    )
    tent = r.fire(tent, "check", NOK)
    r.say(
        "ผู้มีอำนาจอนุมัติอย่างเดียวอนุมัติให้บุคคลภายนอกไม่ได้ ต้องเป็นผู้บริหาร",
        "For an outside borrower the approving official alone is not enough",
    )
    r.refused("approve", tent, SOMYING)
    tent = r.fire(tent, "approve", PRASERT)
    tent = r.fire(tent, "hand_over", NOK, {"register_no": "ย.2/2567", "condition_out": "ครบ"})
    r.clock.advance(days=10)
    r.say(
        "เลยกำหนดส่งคืน ระบบแจ้งเตือนและรายงานผู้บังคับบัญชา",
        "Past the return date the sweep reminds, then escalates",
    )
    for result in r.engine.sweep():
        _out(f"     ⏰ {result.case_id}: {result.trigger} → {result.state}")
    r.clock.advance(days=8)
    for result in r.engine.sweep():
        _out(f"     ⏰ {result.case_id}: {result.trigger} → {result.state}")
    r.say("รับคืนเต็นท์ชำรุด ๑ หลัง พิจารณาการชดใช้", "Tents returned, one damaged; liability")
    tent = r.fire(tent, "return_damaged", NOK, {"condition_in": "ผ้าใบขาด ๑ หลัง"})
    return r.fire(tent, "settle", PRASERT, {"liability": "repaired"})


def demo_key(db: Path, *, quiet: bool = False) -> FieldKey:
    """The key for the demo: the one given to the command line, else the key file beside
    the database (``integrity-flows-demo.key``), made on the first run. A key file the run
    names that does not exist yet is made there: the demo's database is always new."""
    named = cli_key_file()
    if named and not Path(named).exists():
        write_key_file(Path(named), FieldKey.generate())
    given = cli_key()
    if given is not None:
        return given
    path = db.with_suffix(".key")
    if not path.exists():
        write_key_file(path, FieldKey.generate())
    key = read_key_file(path)
    if quiet:
        return key
    _out(
        f"กุญแจเข้ารหัสข้อมูลอ่อนไหว / key for sensitive data: {path} "
        f"(fingerprint {key.fingerprint}; INTEGRITY_FLOWS_KEY_FILE={path})"
    )
    return key


def run_demo(db: Path) -> int:
    """Replay the procedure into ``db``; return 0 when the trail verifies."""
    clock = FixedClock(datetime(2023, 10, 2, 9, 0, tzinfo=THAI_TZ))
    key = demo_key(db)
    with Engine.open(store_url(str(db)), clock=clock, logger=cli_logger(), key=key) as engine:
        r = _Replay(engine, clock)
        year = _programme(r)
        loan = _loans(r)
        r.say("รายงานผลการดำเนินงานประจำปี (ข้อ ๕.๕)", "The year's results are reported (step 5.5)")
        r.fire(
            year,
            "report_results",
            KANDA,
            {"results_summary": "ยืม ๒ รายการ คืนครบ ชำรุด ๑ รายการ ชดใช้แล้ว"},
        )
        _out("\nประวัติของเรื่อง / Case history: " + loan.id)
        definition = engine.flows.get("asset_lending")
        for event in engine.history(loan.id):
            _out("  " + describe_event(event, definition))
        _out("")
        print_register(engine, 2567)
        report = engine.verify()
        _out("")
        for problem in report.problems:
            _out(str(problem))
        status = (
            "บันทึกการตรวจสอบถูกต้องครบถ้วน / audit trail verified"
            if report.ok
            else "บันทึกการตรวจสอบไม่ถูกต้อง / audit trail NOT intact"
        )
        _out(f"{status}: {report.cases} cases, {report.events} events  ({db})")
        return 0 if report.ok else 1


def replay_all(db: Path, folder: Path, results: Path | None = None) -> int:
    """Replay every scenario of the feature files under ``folder`` into ``db`` (after the
    asset lending demo), writing their outcomes to ``results`` (cucumber JSON) when given;
    0 when every scenario held and the trail verifies."""
    files = feature_files(folder, "en")
    if not files:
        raise click.BadParameter(
            f"no *.en.feature files under {folder} / ไม่พบไฟล์ feature ใน {folder}",
            param_hint="--features",
        )
    _out(
        f"\nเล่นซ้ำทุกสถานการณ์ของ {len(files)} ไฟล์ / replaying every scenario of "
        f"{len(files)} feature file(s) from {folder}"
    )
    key = demo_key(db, quiet=True)
    store = open_store(store_url(str(db)))
    try:
        status = replay(store, key, files, results=results)
    finally:
        store.close()
    with Engine.open(store_url(str(db)), logger=cli_logger(), key=key, read_only=True) as engine:
        report = engine.verify()
    for problem in report.problems:
        _out(str(problem))
    _out(
        f"ฐานข้อมูลสาธิต / demo database: {db}: {report.cases} cases, {report.events} events, "
        f"{'verified' if report.ok else 'NOT intact'}"
    )
    return 0 if status == 0 and report.ok else 1


@click.command("demo")
@click.option(
    "--db",
    default=DEFAULT_DB,
    show_default=True,
    type=click.Path(dir_okay=False),
    help="SQLite file to replay into (replaced if it is the demo's own file) / ไฟล์ฐานข้อมูลสาธิต",
)
@click.option(
    "--all",
    "everything",
    is_flag=True,
    help="Also replay every scenario of the feature files: a year (FY 2567) of every "
    "procedure, for every command of the README (needs the bdd extra) "
    "/ เล่นซ้ำทุกขั้นตอนงานตลอดปีงบประมาณ",
)
@click.option(
    "--features",
    "features_dir",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=None,
    help="The folder of feature files to replay with --all (default: ./features, or the "
    "clone's) / โฟลเดอร์ไฟล์ feature",
)
@click.option(
    "--results",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="With --all: write the outcome of every replayed scenario to FILE as cucumber "
    "JSON, for docs build --results / เขียนผลการเล่นซ้ำแต่ละสถานการณ์ลงไฟล์",
)
def demo_command(
    db: str, everything: bool, features_dir: Path | None, results: Path | None
) -> None:
    """Replay the asset lending procedure (plan project 13); with --all, every procedure.

    สาธิตการยืมทรัพย์สินของราชการ และทุกขั้นตอนงานเมื่อระบุ --all
    """
    path = Path(db)
    folder = features_dir or (default_features() if everything else None)
    if everything and folder is None:
        raise click.BadParameter(
            "no features folder here: give --features DIR / ไม่พบโฟลเดอร์ features",
            param_hint="--features",
        )
    if results is not None and not everything:
        raise click.BadParameter(
            "--results needs --all: only the replay of the features has results "
            "/ ใช้ --results ได้เมื่อระบุ --all เท่านั้น",
            param_hint="--results",
        )
    if results is not None:
        try:
            results.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise click.BadParameter(
                f"cannot write {results}: {error.strerror} / เขียนไฟล์ {results} ไม่ได้",
                param_hint="--results",
            ) from None
    if path.exists():
        if path.name != DEFAULT_DB:
            raise click.BadParameter(
                f"{db} exists; the demo writes only to a new file "
                f"/ มีไฟล์ {db} อยู่แล้ว การสาธิตเขียนลงไฟล์ใหม่เท่านั้น",
                param_hint="--db",
            )
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    status = run_demo(path)
    if everything and folder is not None:
        status = replay_all(path, folder, results) or status
    raise SystemExit(status)
