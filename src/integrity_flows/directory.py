"""A directory of people, posts and units, as a host's HR system keeps it.

People hold posts (ตำแหน่ง) from one date to another; each post sits in a unit and
confers roles; an acting arrangement (รักษาราชการแทน) is a holding made under an order.
The engine asks one thing of a directory (:class:`integrity_flows.protocols.Directory`):
who a person is on a day, as an :class:`~integrity_flows.actor.Actor` with the roles,
unit and posts of that day. :class:`StaticDirectory` answers from a YAML or CSV file
(docs/directory.md); a host may answer from its own database or LDAP instead, and hand
that object to ``Engine.open(directory=...)`` or publish it under the
``integrity_flows.directories`` entry point.

A file is checked completely when read, every problem named with the file, the row and
the field (:class:`~integrity_flows.errors.DirectoryError`).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date
from importlib import metadata
from pathlib import Path
from typing import Any

import attrs

from integrity_flows.actor import Actor
from integrity_flows.calendars import parse_date
from integrity_flows.errors import BadActorId, DirectoryError, Problem
from integrity_flows.identity import is_reserved, normalize_id
from integrity_flows.safe_yaml import parse_yaml

#: The entry point group a package publishes a directory under (a callable that
#: takes no arguments and returns the directory).
ENTRY_POINT_GROUP = "integrity_flows.directories"

#: CSV column names, Thai or English, to the field they fill.
CSV_COLUMNS: Mapping[str, str] = {
    "id": "id", "รหัส": "id", "person": "id", "ผู้ใด": "id",
    "name": "name_th", "name_th": "name_th", "ชื่อ": "name_th", "ชื่อ-สกุล": "name_th",
    "name_en": "name_en", "ชื่อภาษาอังกฤษ": "name_en", "english name": "name_en",
    "post": "post", "ตำแหน่ง": "post",
    "unit": "unit", "สังกัด": "unit", "หน่วยงาน": "unit",
    "from": "from", "ตั้งแต่": "from", "start": "from", "วันที่เริ่ม": "from",
    "to": "to", "ถึง": "to", "until": "to", "end": "to", "วันที่สิ้นสุด": "to",
    "roles": "roles", "บทบาท": "roles",
    "acting": "acting", "รักษาการ": "acting", "คำสั่งรักษาการ": "acting", "order": "acting",
    "holders": "holders", "ผู้ดำรงตำแหน่ง": "holders",
}  # fmt: skip
_REQUIRED_COLUMNS = ("id", "name_th", "post", "unit", "from")
_ONE_HOLDER = frozenset({"one", "1", "single", "หนึ่ง", "คนเดียว"})
_MANY_HOLDERS = frozenset({"many", "", "หลายคน"})


@attrs.frozen
class Unit:
    """A unit (สังกัด / กอง) of the organization."""

    id: str
    name_th: str
    name_en: str = ""


@attrs.frozen
class Post:
    """A post (ตำแหน่ง): the unit it sits in, the roles it confers, and whether it has
    one holder at a time (then two may hold it on one day only under an acting order)."""

    id: str
    name_th: str
    unit: str
    roles: frozenset[str] = frozenset()
    name_en: str = ""
    single: bool = False


@attrs.frozen
class Holding:
    """A post held from ``start`` to ``end`` (inclusive; None: still held). ``acting``
    names the acting order (คำสั่งรักษาราชการแทน) it is held under, if it is."""

    post: str
    start: date
    end: date | None = None
    acting: str | None = None

    def on(self, day: date) -> bool:
        """True when the post is held on ``day``."""
        return self.start <= day and (self.end is None or day <= self.end)


@attrs.frozen
class Person:
    """Someone in the directory: id (canonical form), names, and the posts held."""

    id: str
    name_th: str
    name_en: str = ""
    holdings: tuple[Holding, ...] = ()


@attrs.frozen
class StaticDirectory:
    """A directory read from a file (or built in code): people, posts and units.

    Satisfies :class:`integrity_flows.protocols.Directory`.
    """

    people: Mapping[str, Person]
    posts: Mapping[str, Post]
    units: Mapping[str, Unit]
    source: str = "<directory>"

    def person(self, person_id: str) -> Person | None:
        """The person ``person_id`` (compared in canonical form), or None."""
        try:
            return self.people.get(normalize_id(person_id))
        except BadActorId:
            return None

    def holdings_on(self, person_id: str, day: date) -> list[Holding]:
        """The posts ``person_id`` holds on ``day``: substantive posts first."""
        person = self.person(person_id)
        if person is None:
            return []
        held = [h for h in person.holdings if h.on(day)]
        return sorted(held, key=lambda h: h.acting is not None)

    def actor_on(self, person_id: str, day: date, /) -> Actor | None:
        """The person as an actor on ``day``: the roles their posts confer that day, the
        unit of their (first substantive) post, their posts; None when unknown."""
        person = self.person(person_id)
        if person is None:
            return None
        held = self.holdings_on(person_id, day)
        roles: set[str] = set()
        for holding in held:
            roles |= self.posts[holding.post].roles
        unit = self.posts[held[0].post].unit if held else None
        name = f"{person.name_th} / {person.name_en}" if person.name_en else person.name_th
        return Actor(
            person.id,
            roles=frozenset(roles),
            unit=unit,
            name=name,
            posts=frozenset(h.post for h in held),
        )

    def holds_post(self, person_id: str, post: str, day: date, /) -> bool:
        """True when ``person_id`` holds ``post`` (its id or its Thai or English name)
        on ``day``, substantively or acting."""
        wanted = self.post_id(post)
        return wanted is not None and any(
            h.post == wanted for h in self.holdings_on(person_id, day)
        )

    def post_id(self, post: str) -> str | None:
        """The id of the post named ``post`` (its id or its Thai or English name)."""
        if post in self.posts:
            return post
        folded = post.strip().casefold()
        for found in self.posts.values():
            if folded in (found.name_th.casefold(), found.name_en.casefold()):
                return found.id
        return None


# --- reading ------------------------------------------------------------------


@attrs.define
class _Reader:
    """Collects a directory and every problem in it."""

    source: str
    units: dict[str, Unit] = attrs.field(factory=dict)
    posts: dict[str, Post] = attrs.field(factory=dict)
    people: dict[str, Person] = attrs.field(factory=dict)
    problems: list[Problem] = attrs.field(factory=list)
    # Where each post was declared, to name a CSV row that disagrees with it.
    declared_units: bool = False

    def problem(self, where: str, en: str, th: str, source: str | None = None) -> None:
        self.problems.append(Problem(source or self.source, where, en, th))

    def text(self, value: Any) -> str:
        return "" if value is None else str(value).strip()

    def day(self, value: Any, where: str, source: str | None = None) -> date | None:
        if value in (None, ""):
            return None
        try:
            return parse_date(value if isinstance(value, date) else str(value))
        except ValueError:
            self.problem(where, f"not a date: {value!r}", f"วันที่ไม่ถูกต้อง: {value!r}", source=source)
            return None

    def person_id(self, value: Any, where: str, source: str | None = None) -> str | None:
        try:
            found = normalize_id(self.text(value))
        except BadActorId as exc:
            self.problem(where, exc.message_en, exc.message_th, source=source)
            return None
        if is_reserved(found):
            self.problem(
                where,
                f"'{found}' is reserved for the engine itself",
                f"'{found}' สงวนไว้สำหรับระบบ",
                source=source,
            )
            return None
        return found

    def unit(self, raw: Mapping[str, Any], where: str) -> None:
        unit_id = self.text(raw.get("id"))
        if not unit_id:
            self.problem(f"{where}.id", "a unit needs an id", "หน่วยงานต้องมีรหัส")
            return
        if unit_id in self.units:
            self.problem(
                f"{where}.id", f"duplicate unit id '{unit_id}'", f"รหัสหน่วยงาน '{unit_id}' ซ้ำ"
            )
            return
        name = self.text(raw.get("th") or raw.get("name") or unit_id)
        self.units[unit_id] = Unit(unit_id, name, self.text(raw.get("en")))

    def post(self, raw: Mapping[str, Any], where: str, source: str | None = None) -> str | None:
        post_id = self.text(raw.get("id"))
        if not post_id:
            self.problem(f"{where}.id", "a post needs an id", "ตำแหน่งต้องมีรหัส", source=source)
            return None
        unit = self.text(raw.get("unit"))
        if not unit:
            self.problem(f"{where}.unit", "a post needs a unit", "ตำแหน่งต้องระบุสังกัด", source=source)
        elif self.declared_units and unit not in self.units:
            self.problem(
                f"{where}.unit",
                f"post '{post_id}' sits in unknown unit '{unit}'",
                f"ตำแหน่ง '{post_id}' อยู่ในหน่วยงาน '{unit}' ที่ไม่รู้จัก",
                source=source,
            )
        holders = self.text(raw.get("holders")).casefold()
        if holders not in _ONE_HOLDER | _MANY_HOLDERS:
            self.problem(
                f"{where}.holders",
                f"holders must be 'one' or 'many', not {holders!r}",
                f"จำนวนผู้ดำรงตำแหน่งต้องเป็น one หรือ many ไม่ใช่ {holders!r}",
                source=source,
            )
        post = Post(
            post_id,
            self.text(raw.get("th") or raw.get("name") or post_id),
            unit,
            frozenset(_roles(raw.get("roles"))),
            self.text(raw.get("en")),
            holders in _ONE_HOLDER,
        )
        if post_id in self.posts:
            self.problem(
                f"{where}.id", f"duplicate post id '{post_id}'", f"รหัสตำแหน่ง '{post_id}' ซ้ำ"
            )
        else:
            self.posts[post_id] = post
        return post_id

    def csv_post(
        self, raw: Mapping[str, Any], column: Any, source: str, declared: frozenset[str]
    ) -> None:
        """A CSV row's post: one the YAML declared (its unit must agree), or one the rows
        themselves declare (the first row's unit; roles gathered from every row)."""
        post_id = self.text(raw.get("post"))
        unit = self.text(raw.get("unit"))
        if not post_id:
            return
        known = self.posts.get(post_id)
        if known is not None and unit and known.unit != unit:
            self.problem(
                column("unit"),
                f"post '{post_id}' is in unit '{known.unit}', not '{unit}'",
                f"ตำแหน่ง '{post_id}' อยู่ในหน่วยงาน '{known.unit}' ไม่ใช่ '{unit}'",
                source=source,
            )
            return
        if post_id in declared:
            return
        if not unit:
            self.problem(column("unit"), "a post needs a unit", "ตำแหน่งต้องระบุสังกัด", source=source)
            return
        if self.declared_units and unit not in self.units:
            self.problem(
                column("unit"),
                f"post '{post_id}' sits in unknown unit '{unit}'",
                f"ตำแหน่ง '{post_id}' อยู่ในหน่วยงาน '{unit}' ที่ไม่รู้จัก",
                source=source,
            )
            return
        holders = self.text(raw.get("holders")).casefold()
        if holders not in _ONE_HOLDER | _MANY_HOLDERS:
            self.problem(
                column("holders"),
                f"holders must be 'one' or 'many', not {holders!r}",
                f"จำนวนผู้ดำรงตำแหน่งต้องเป็น one หรือ many ไม่ใช่ {holders!r}",
                source=source,
            )
        roles = frozenset(_roles(raw.get("roles")))
        if known is None:
            self.posts[post_id] = Post(post_id, post_id, unit, roles, "", holders in _ONE_HOLDER)
        else:
            single = known.single or holders in _ONE_HOLDER
            self.posts[post_id] = attrs.evolve(known, roles=known.roles | roles, single=single)

    def holding(
        self,
        raw: Mapping[str, Any],
        where: str,
        source: str | None = None,
        column: Callable[[str], str] | None = None,
    ) -> Holding | None:
        def at(field: str) -> str:
            return column(field) if column is not None else f"{where}.{field}"

        post = self.text(raw.get("post"))
        if post not in self.posts:
            self.problem(
                at("post"),
                f"unknown post '{post}'",
                f"ไม่รู้จักตำแหน่ง '{post}'",
                source=source,
            )
        start = self.day(raw.get("from"), at("from"), source)
        if start is None and raw.get("from") in (None, ""):
            self.problem(
                at("from"),
                "a post held needs the date it was taken up",
                "ต้องระบุวันที่เริ่มดำรงตำแหน่ง",
                source=source,
            )
        end = self.day(raw.get("to"), at("to"), source)
        if start is not None and end is not None and end < start:
            self.problem(
                at("to"),
                f"ends ({end.isoformat()}) before it begins ({start.isoformat()})",
                f"วันที่สิ้นสุด ({end.isoformat()}) อยู่ก่อนวันที่เริ่ม ({start.isoformat()})",
                source=source,
            )
            return None
        if start is None or post not in self.posts:
            return None
        acting = self.text(raw.get("acting")) or None
        return Holding(post, start, end, acting)

    def add_person(self, person: Person, where: str, source: str | None = None) -> None:
        if person.id in self.people:
            self.problem(
                where,
                f"duplicate person id '{person.id}'",
                f"รหัสบุคคล '{person.id}' ซ้ำ",
                source=source,
            )
            return
        self.people[person.id] = person

    def check_single_holders(self, where_of: Mapping[tuple[str, int], str]) -> None:
        """Two substantive holders of a one-holder post on one day, neither acting."""
        for post in self.posts.values():
            if not post.single:
                continue
            held = [
                (person.id, index, h)
                for person in self.people.values()
                for index, h in enumerate(person.holdings)
                if h.post == post.id and h.acting is None
            ]
            for i, (first, _, a) in enumerate(held):
                for second, index, b in held[i + 1 :]:
                    if first == second or not _overlap(a, b):
                        continue
                    where = where_of.get((second, index), second)
                    source, _, path = where.partition("\0")
                    self.problems.append(
                        Problem(
                            source,
                            path,
                            f"'{first}' and '{second}' both hold the one-holder post "
                            f"'{post.id}' from {max(a.start, b.start).isoformat()} without "
                            "an acting order",
                            f"'{first}' และ '{second}' ดำรงตำแหน่ง '{post.id}' ซึ่งมีได้คนเดียว "
                            f"พร้อมกันตั้งแต่ {max(a.start, b.start).isoformat()} "
                            "โดยไม่มีคำสั่งรักษาการ",
                        )
                    )

    def directory(self) -> StaticDirectory:
        if self.problems:
            raise DirectoryError(self.problems)
        return StaticDirectory(self.people, self.posts, self.units, self.source)


def _overlap(a: Holding, b: Holding) -> bool:
    a_end, b_end = a.end or date.max, b.end or date.max
    return a.start <= b_end and b.start <= a_end


def _roles(value: Any) -> list[str]:
    if value in (None, ""):
        return []
    if isinstance(value, str):
        return [
            r.strip() for r in value.replace(";", ",").replace("|", ",").split(",") if r.strip()
        ]
    return [str(r).strip() for r in value if str(r).strip()]


def _mapping_list(reader: _Reader, data: Mapping[str, Any], key: str) -> list[Mapping[str, Any]]:
    value = data.get(key) or []
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        reader.problem(key, f"'{key}' must be a list of mappings", f"'{key}' ต้องเป็นรายการ")
        return []
    return value


def _yaml_data(reader: _Reader, text: str) -> dict[str, Any] | None:
    # Read as flow files are (safe_yaml): the line of a syntax error, and no alias bomb,
    # deep nesting or huge number reaching the directory.
    data, problems = parse_yaml(text, reader.source)
    if problems:
        reader.problems.extend(problems)
        return None
    data = data or {}
    if not isinstance(data, dict):
        reader.problem("", "a directory file is a mapping", "ไฟล์ทะเบียนต้องเป็น mapping")
        return None
    for key in data:
        if key not in ("units", "posts", "people", "people_csv"):
            reader.problem(str(key), f"unknown key '{key}'", f"ไม่รู้จักหัวข้อ '{key}'")
    return data


def _yaml_person(
    reader: _Reader, raw: Mapping[str, Any], where: str, where_of: dict[tuple[str, int], str]
) -> None:
    person_id = reader.person_id(raw.get("id"), f"{where}.id")
    held = raw.get("posts") or []
    if not isinstance(held, list):
        reader.problem(f"{where}.posts", "'posts' must be a list", "'posts' ต้องเป็นรายการ")
        held = []
    holdings: list[Holding] = []
    for number, item in enumerate(held):
        spot = f"{where}.posts[{number}]"
        if not isinstance(item, dict):
            reader.problem(spot, "a post held is a mapping", "ตำแหน่งที่ดำรงต้องเป็น mapping")
            continue
        holding = reader.holding(item, spot)
        if holding is not None:
            if person_id is not None:
                where_of[(person_id, len(holdings))] = f"{reader.source}\0{spot}"
            holdings.append(holding)
    name = reader.text(raw.get("th") or raw.get("name"))
    if not name:
        reader.problem(f"{where}.th", "a person needs a Thai name", "ต้องระบุชื่อภาษาไทย")
    if person_id is not None:
        person = Person(person_id, name, reader.text(raw.get("en")), tuple(holdings))
        reader.add_person(person, f"{where}.id")


def _read_yaml(reader: _Reader, text: str, base: Path | None) -> dict[tuple[str, int], str]:
    where_of: dict[tuple[str, int], str] = {}
    data = _yaml_data(reader, text)
    if data is None:
        return where_of
    reader.declared_units = "units" in data
    for index, raw in enumerate(_mapping_list(reader, data, "units")):
        reader.unit(raw, f"units[{index}]")
    for index, raw in enumerate(_mapping_list(reader, data, "posts")):
        reader.post(raw, f"posts[{index}]")
    for index, raw in enumerate(_mapping_list(reader, data, "people")):
        _yaml_person(reader, raw, f"people[{index}]", where_of)
    csv_name = data.get("people_csv")
    if csv_name:
        path = (base / str(csv_name)) if base is not None else Path(str(csv_name))
        try:
            csv_text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            reader.problem("people_csv", f"cannot read {path}: {exc}", f"อ่านไฟล์ {path} ไม่ได้")
        else:
            where_of.update(_read_csv(reader, csv_text, str(path)))
    return where_of


def _csv_header(reader: _Reader, header: Sequence[str], source: str) -> list[str | None] | None:
    """The field of each column, or None when a required one is missing."""
    columns: list[str | None] = []
    for raw in header:
        found = CSV_COLUMNS.get(raw.strip().casefold()) or CSV_COLUMNS.get(raw.strip())
        if found is None:
            reader.problem(
                f"row 1, column '{raw}'",
                f"unknown column '{raw}' (known: {', '.join(sorted(set(CSV_COLUMNS)))})",
                f"ไม่รู้จักคอลัมน์ '{raw}'",
                source=source,
            )
        columns.append(found)
    missing = [needed for needed in _REQUIRED_COLUMNS if needed not in columns]
    for needed in missing:
        reader.problem(
            "row 1",
            f"missing column '{needed}'",
            f"ไม่มีคอลัมน์ '{_THAI_COLUMN[needed]}'",
            source=source,
        )
    return None if missing else columns


@attrs.define
class _Gathered:
    name_th: str
    name_en: str
    row: int
    holdings: list[Holding] = attrs.field(factory=list)


def _csv_row(
    reader: _Reader,
    raw: Mapping[str, str],
    column: Callable[[str], str],
    source: str,
    declared: frozenset[str],
    gathered: dict[str, _Gathered],
    number: int,
) -> tuple[str, Holding] | None:
    person_id = reader.person_id(raw.get("id"), column("id"), source)
    reader.csv_post(raw, column, source, declared)
    holding = reader.holding(raw, f"row {number}", source, column)
    if person_id is None:
        return None
    name_th = reader.text(raw.get("name_th"))
    if not name_th:
        reader.problem(column("name_th"), "a person needs a Thai name", "ต้องระบุชื่อ", source)
    entry = gathered.setdefault(
        person_id, _Gathered(name_th, reader.text(raw.get("name_en")), number)
    )
    if name_th and entry.name_th and name_th != entry.name_th:
        reader.problem(
            column("id"),
            f"duplicate person id '{person_id}': row {entry.row} names '{entry.name_th}', "
            f"this row '{name_th}'",
            f"รหัสบุคคล '{person_id}' ซ้ำ: แถว {entry.row} ชื่อ '{entry.name_th}' แถวนี้ชื่อ '{name_th}'",
            source,
        )
    return None if holding is None else (person_id, holding)


def _read_csv(reader: _Reader, text: str, source: str) -> dict[tuple[str, int], str]:
    """One row per post held; a person's rows gathered in order."""
    where_of: dict[tuple[str, int], str] = {}
    rows = csv.reader(io.StringIO(text))
    header = next(rows, None)
    if header is None:
        reader.problem("row 1", "the file is empty", "ไฟล์ว่างเปล่า", source=source)
        return where_of
    columns = _csv_header(reader, header, source)
    if columns is None:
        return where_of
    names = {field: raw.strip() for field, raw in zip(columns, header, strict=True) if field}
    gathered: dict[str, _Gathered] = {}
    declared = frozenset(reader.posts)
    for number, row in enumerate(rows, start=2):
        if not any(cell.strip() for cell in row):
            continue
        raw = {col: cell for col, cell in zip(columns, row, strict=False) if col is not None}

        def column(field: str, number: int = number) -> str:
            return f"row {number}, column '{names.get(field, field)}'"

        found = _csv_row(reader, raw, column, source, declared, gathered, number)
        if found is not None:
            person_id, holding = found
            held = gathered[person_id].holdings
            where_of[(person_id, len(held))] = f"{source}\0row {number}"
            held.append(holding)
    for person_id, entry in gathered.items():
        person = Person(person_id, entry.name_th, entry.name_en, tuple(entry.holdings))
        reader.add_person(person, f"row {entry.row}", source)
    return where_of


_THAI_COLUMN = {
    "id": "รหัส",
    "name_th": "ชื่อ",
    "post": "ตำแหน่ง",
    "unit": "สังกัด",
    "from": "ตั้งแต่",
}


def read_directory(
    text: str, source: str = "<directory>", *, kind: str = "yaml"
) -> StaticDirectory:
    """A directory from ``text`` (``kind`` ``"yaml"`` or ``"csv"``); every problem at
    once in a :class:`DirectoryError`."""
    reader = _Reader(source)
    where_of = _read_csv(reader, text, source) if kind == "csv" else _read_yaml(reader, text, None)
    reader.check_single_holders(where_of)
    return reader.directory()


def load_directory(path: str | Path) -> StaticDirectory:
    """A directory from a ``.yaml``/``.yml`` or ``.csv`` file (docs/directory.md)."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise DirectoryError(
            [Problem(str(path), "", f"cannot read the file: {exc}", "อ่านไฟล์ไม่ได้")]
        ) from exc
    except UnicodeDecodeError as exc:
        raise DirectoryError(
            [
                Problem(
                    str(path),
                    "",
                    f"cannot read as UTF-8 text: {exc}",
                    f"อ่านไฟล์เป็นข้อความ UTF-8 ไม่ได้: {exc}",
                )
            ]
        ) from None
    reader = _Reader(str(path))
    if path.suffix.casefold() == ".csv":
        where_of = _read_csv(reader, text, str(path))
    else:
        where_of = _read_yaml(reader, text, path.parent)
    reader.check_single_holders(where_of)
    return reader.directory()


def open_directory(name: str) -> Any:
    """A directory by file path, or by the name of an ``integrity_flows.directories``
    entry point (a callable returning the host's directory)."""
    if Path(name).is_file():
        return load_directory(name)
    for entry in metadata.entry_points(group=ENTRY_POINT_GROUP):
        if entry.name == name:
            return entry.load()()
    raise DirectoryError(
        [
            Problem(
                name,
                "",
                f"no directory file or '{ENTRY_POINT_GROUP}' entry point named '{name}'",
                f"ไม่พบไฟล์ทะเบียนบุคลากรหรือ entry point ชื่อ '{name}'",
            )
        ]
    )


def directory_of(people: Iterable[Sequence[Any]], source: str = "<scenario>") -> StaticDirectory:
    """A directory from rows (id, Thai name, post, unit, from, to, roles, acting,
    holders), as a host's code gives them; checked like a CSV file."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["id", "name", "post", "unit", "from", "to", "roles", "acting", "holders"])
    for row in people:
        writer.writerow([*(list(row) + [""] * 9)[:9]])
    return read_directory(out.getvalue(), source, kind="csv")


__all__ = [
    "CSV_COLUMNS",
    "ENTRY_POINT_GROUP",
    "Holding",
    "Person",
    "Post",
    "StaticDirectory",
    "Unit",
    "directory_of",
    "load_directory",
    "open_directory",
    "read_directory",
]
