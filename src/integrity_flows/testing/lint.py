"""A lint for feature files: catch what makes a scenario pass without testing anything.

Uses the official Gherkin parser (``gherkin-official``, the one pytest-bdd uses), so a
file is read exactly as the test runner reads it. :func:`check_features` reports:

- a file that does not parse (or holds no feature, or a feature with no scenario): one
  problem, at the first line the parser refused, with the keyword to write there when
  the line starts with a wrong or misspelt one (``เหตุการณ:`` for ``เหตุการณ์:``,
  ``Scenario:`` in a Thai file), not every error the parser goes on to find;
- a scenario or scenario outline with no steps of its own: pytest-bdd would report it
  as passed;
- a scenario or background whose first step starts with ``*``, ``And`` or ``But`` (``และ``,
  ``แต่``): pytest-bdd refuses the whole file;
- a description line (of a feature, rule, background, scenario or examples) that starts
  with a step keyword whose following space is missing - the Thai trap: written
  ``กำหนดให้มี...`` or ``เมื่อผู้ใช้...``, a step silently becomes description text. An
  ordinary word that begins with a keyword (``แต่ละ``, each; ``แต่งตั้ง``, to appoint) is
  not the trap;
- a description line that starts with a misspelt or foreign section keyword
  (``พื้นหลัง:`` where Thai Gherkin writes ``แนวคิด:``): that section and its steps became
  description text;
- a scenario with no ``@plan-...`` tag of its own or inherited from its feature or rule
  (every scenario names the plan steps it replays);
- two scenarios with the same name in one file (pytest-bdd keeps only the last one);
- a ``today is`` step (``วันนี้คือ``) on a Saturday or a Sunday, in a scenario or a
  background, unless the scenario (or its feature or rule) is tagged ``@weekend``: offices
  act on working days, and a scenario about a weekend says so.

Every finding is a :class:`~integrity_flows.errors.Problem` naming the file and the
scenario (``Scenario 'name' (line N)``), in English and in Thai. No pytest needed.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from gherkin.errors import CompositeParserException, ParserError
from gherkin.parser import Parser

from integrity_flows.calendars import ENGLISH_MONTHS, parse_date
from integrity_flows.errors import Problem
from integrity_flows.testing.lint_words import Keywords, expected_words, section_names

PLAN_TAG = "@plan-"
#: The tag of a scenario about a weekend: its clock may stand on a Saturday or a Sunday.
WEEKEND_TAG = "@weekend"
# The clock step of integrity_flows.testing.steps, in both languages.
_TODAY = re.compile(r"^(?:วันนี้คือ|today is)\s*(?P<date>\S.*)$")
_WEEKDAYS_TH = ("วันจันทร์", "วันอังคาร", "วันพุธ", "วันพฤหัสบดี", "วันศุกร์", "วันเสาร์", "วันอาทิตย์")
_STEP_KEYWORDS = ("given", "when", "then", "and", "but")
# Scripts written without spaces between words: there a keyword glued to the next word
# is the trap; elsewhere ("Whenever", "Andrew") it is an ordinary word.
_UNSPACED_SCRIPTS = ("THAI", "LAO", "KHMER", "MYANMAR", "CJK", "HIRAGANA", "KATAKANA")
# Ordinary words that begin with a step keyword: แต่ละ (each), แต่ง (แต่งตั้ง, to appoint).
ORDINARY_WORDS = ("แต่ละ", "แต่ง")
# The keyword types pytest-bdd takes as a first step (Given, When, Then).
_FIRST_STEP_TYPES = ("Context", "Action", "Outcome")
_LANGUAGE = re.compile(r"^\s*#\s*language\s*:\s*(\S+)", re.MULTILINE)


def feature_paths(path: str | Path) -> list[Path]:
    """``path`` itself if it is a file, else every ``.feature`` file under it, sorted."""
    root = Path(path)
    if root.is_dir():
        return sorted(root.rglob("*.feature"))
    return [root]


def check_features(path: str | Path) -> list[Problem]:
    """Every problem in the feature file ``path`` or in the ``.feature`` files under it."""
    problems: list[Problem] = []
    for file in feature_paths(path):
        problems.extend(check_feature_file(file))
    return problems


def check_feature_file(path: str | Path) -> list[Problem]:
    """Every problem in one feature file."""
    source = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return [Problem(source, "", f"cannot read the file: {exc}", f"อ่านไฟล์ไม่ได้: {exc}")]
    return check_feature_text(text, source)


def check_feature_text(text: str, source: str = "<text>") -> list[Problem]:
    """Every problem in the text of one feature file."""
    try:
        document = Parser().parse(text)
    except (CompositeParserException, ParserError) as exc:
        return [_parse_problem(source, text, _errors(exc))]
    feature = document.get("feature")
    if not feature:
        return [Problem(source, "", "the file holds no feature", "ไฟล์นี้ไม่มีโครงหลัก (Feature)")]
    return _Checker(source, text, feature).run()


def _errors(exc: ParserError) -> list[ParserError]:
    if isinstance(exc, CompositeParserException):
        return list(exc.errors)
    return [exc]


def _language(text: str) -> str:
    found = _LANGUAGE.search("\n".join(text.splitlines()[:5]))
    return found[1] if found else "en"


def _parse_problem(source: str, text: str, errors: list[ParserError]) -> Problem:
    """One problem for a file that does not parse: the first line the parser refused
    (the errors after it follow from it), with the keyword to write when there is one."""
    first = errors[0]
    location = getattr(first, "location", None) or {}
    number = int(location.get("line", 0))
    lines = text.splitlines()
    line = lines[number - 1].strip() if 0 < number <= len(lines) else ""
    where = f"line {number}" if number else ""
    more_en = f" ({len(errors) - 1} more parser error(s) follow from it)" if len(errors) > 1 else ""
    more_th = f" (ข้อผิดพลาดอีก {len(errors) - 1} จุดเกิดต่อเนื่องจากบรรทัดนี้)" if len(errors) > 1 else ""
    suggested = Keywords(_language(text)).suggestion(line) if line else None
    if suggested is not None:
        wrong, right = suggested
        return Problem(
            source,
            where,
            f"the file does not parse: '{_clip(line)}': '{wrong}' is not a Gherkin "
            f"keyword of this file's language here; write '{right}'{more_en}",
            f"ไฟล์อ่านเป็น Gherkin ไม่ได้: '{_clip(line)}': '{wrong}' "
            f"ไม่ใช่คำสำคัญของ Gherkin ในภาษาของไฟล์นี้ ให้เขียนว่า '{right}'{more_th}",
        )
    expected_en, expected_th = expected_words(str(first))
    if not line:
        return Problem(
            source,
            where,
            f"the file does not parse: it ends too early: expected {expected_en}{more_en}",
            f"ไฟล์อ่านเป็น Gherkin ไม่ได้: ไฟล์จบก่อนที่ควร ต้องมี {expected_th}{more_th}",
        )
    return Problem(
        source,
        where,
        f"the file does not parse: '{_clip(line)}' cannot stand here: "
        f"expected {expected_en}{more_en}",
        f"ไฟล์อ่านเป็น Gherkin ไม่ได้: '{_clip(line)}' อยู่ตรงนี้ไม่ได้ ต้องเป็น {expected_th}{more_th}",
    )


def _unspaced(char: str) -> bool:
    name = unicodedata.name(char, "")
    return name.startswith(_UNSPACED_SCRIPTS)


class _Checker:
    """Walks one parsed feature and collects its problems."""

    def __init__(self, source: str, text: str, feature: Mapping[str, Any]) -> None:
        self.source = source
        self.lines = text.splitlines()
        self.feature = feature
        self.words = Keywords(str(feature.get("language", "en")))
        spec = self.words.steps
        keywords: set[str] = {word for kind in _STEP_KEYWORDS for word in spec.get(kind, ())}
        # The longest first, so "และ" is not reported where a longer keyword fits.
        self.keywords = sorted(keywords, key=len, reverse=True)
        self.problems: list[Problem] = []

    def run(self) -> list[Problem]:
        feature = self.feature
        where = f"Feature '{feature.get('name', '')}' (line {feature['location']['line']})"
        self._description(feature, where)
        feature_tags = _tag_names(feature)
        scenarios = list(self._scenarios(feature.get("children", ()), feature_tags))
        if not scenarios:
            self._add(where, "the feature has no scenario", "โครงหลักนี้ไม่มีเหตุการณ์ (Scenario)")
        seen: dict[str, int] = {}
        for scenario, inherited in scenarios:
            self._scenario(scenario, inherited, seen)
        return self.problems

    def _scenarios(
        self, children: Iterable[Mapping[str, Any]], inherited: set[str]
    ) -> Iterator[tuple[Mapping[str, Any], set[str]]]:
        for child in children:
            if "background" in child:
                background = child["background"]
                line = background["location"]["line"]
                self._description(background, f"Background (line {line})")
                self._first_step(background, f"Background (line {line})")
                self._working_days(background, inherited, f"Background (line {line})")
            elif "rule" in child:
                rule = child["rule"]
                line = rule["location"]["line"]
                self._description(rule, f"Rule '{rule.get('name', '')}' (line {line})")
                yield from self._scenarios(rule.get("children", ()), inherited | _tag_names(rule))
            elif "scenario" in child:
                yield child["scenario"], inherited

    def _scenario(
        self, scenario: Mapping[str, Any], inherited: set[str], seen: dict[str, int]
    ) -> None:
        name = str(scenario.get("name", ""))
        line = scenario["location"]["line"]
        where = f"Scenario '{name}' (line {line})"
        self._description(scenario, where)
        for examples in scenario.get("examples", ()):
            self._description(examples, f"{where}, Examples (line {examples['location']['line']})")
        self._first_step(scenario, where)
        self._working_days(scenario, _tag_names(scenario) | inherited, where)
        if not scenario.get("steps"):
            self._add(
                where,
                "the scenario has no steps, so it would pass without testing anything",
                "เหตุการณ์นี้ไม่มีขั้นตอน จึงผ่านโดยไม่ได้ทดสอบอะไรเลย",
            )
        tags = _tag_names(scenario) | inherited
        if not any(tag.startswith(PLAN_TAG) for tag in tags):
            self._add(
                where,
                "the scenario names no plan step: tag it e.g. @plan-13-5.1",
                "เหตุการณ์นี้ไม่ได้ระบุขั้นตอนของแผน ให้ติดป้ายกำกับ เช่น @plan-13-5.1",
            )
        if name in seen:
            self._add(
                where,
                f"another scenario of this file, line {seen[name]}, has the same "
                f"name; only one of them would run",
                f"ชื่อเหตุการณ์ซ้ำกับบรรทัดที่ {seen[name]} จะทดสอบได้เพียงเหตุการณ์เดียว",
            )
        else:
            seen[name] = line

    def _first_step(self, node: Mapping[str, Any], where: str) -> None:
        steps = node.get("steps") or ()
        if not steps or steps[0].get("keywordType") in _FIRST_STEP_TYPES:
            return
        keyword = str(steps[0]["keyword"]).strip()
        line = steps[0]["location"]["line"]
        given, when, then = (self.words.first(k) for k in ("given", "when", "then"))
        self._add(
            where,
            f"line {line}: the first step starts with '{keyword}', which pytest-bdd refuses "
            f"as a first step (the whole file would fail to load); start it with "
            f"'{given}', '{when}' or '{then}'",
            f"บรรทัดที่ {line}: ขั้นตอนแรกขึ้นต้นด้วย '{keyword}' ซึ่ง pytest-bdd ไม่ยอมรับเป็น"
            f"ขั้นตอนแรก (ทั้งไฟล์จะรันไม่ได้) ให้ขึ้นต้นด้วย '{given}' '{when}' หรือ '{then}'",
        )

    def _working_days(self, node: Mapping[str, Any], tags: set[str], where: str) -> None:
        if WEEKEND_TAG in tags:
            return
        for step in node.get("steps") or ():
            found = _TODAY.match(str(step.get("text", "")).strip())
            if found is None:
                continue
            try:
                day = parse_date(found["date"].strip())
            except ValueError:
                continue  # the step itself says so when it runs
            if day.weekday() < 5:
                continue
            line = step["location"]["line"]
            self._add(
                where,
                f"line {line}: today is {day.day} {ENGLISH_MONTHS[day.month - 1]} "
                f"{day.year + 543}, a {day.strftime('%A')}: offices act on working days; "
                f"move it to a working day, or tag a scenario about a weekend {WEEKEND_TAG}",
                f"บรรทัดที่ {line}: วันนี้ตรงกับ{_WEEKDAYS_TH[day.weekday()]} ซึ่งไม่ใช่วันทำการ "
                f"ให้เปลี่ยนเป็นวันทำการ หรือติดป้ายกำกับ {WEEKEND_TAG} "
                f"ถ้าเหตุการณ์นี้ว่าด้วยวันหยุดสุดสัปดาห์",
            )

    def _misspelt_section(self, stripped: str, cursor: int, where: str) -> bool:
        head, colon, _ = stripped.partition(":")
        if not colon:
            return False
        kind = self.words.section_alias(head)
        if kind is None:
            return False
        right = self.words.first(kind)
        name_en, name_th = section_names(kind)
        self._add(
            where,
            f"line {cursor}: '{head.strip()}:' is not a Gherkin keyword of this file's "
            f"language, so this line and the steps after it are description text, not "
            f"{name_en}; write '{right}:'",
            f"บรรทัดที่ {cursor}: '{head.strip()}:' ไม่ใช่คำสำคัญของ Gherkin ในภาษาของไฟล์นี้ "
            f"บรรทัดนี้และขั้นตอนที่ตามมาจึงกลายเป็นคำอธิบาย ไม่ใช่{name_th} "
            f"ให้เขียนว่า '{right}:'",
        )
        return True

    def _description(self, node: Mapping[str, Any], where: str) -> None:
        description = str(node.get("description") or "")
        if not description.strip():
            return
        start = node["location"]["line"]  # the keyword line; the description follows it
        cursor = start
        for text in description.splitlines():
            stripped = text.strip()
            if not stripped:
                continue
            cursor = self._find_line(stripped, cursor)
            if self._misspelt_section(stripped, cursor, where):
                continue
            foreign = self.words.foreign_step(stripped)
            if foreign is not None:
                word, right = foreign
                self._add(
                    where,
                    f"line {cursor}: '{_clip(stripped)}' starts with '{word}', which is no "
                    f"step keyword in this file's language, so it is description text; "
                    f"write '{right}'",
                    f"บรรทัดที่ {cursor}: '{_clip(stripped)}' ขึ้นต้นด้วย '{word}' ซึ่งไม่ใช่"
                    f"คำสำคัญของขั้นตอนในภาษาของไฟล์นี้ จึงกลายเป็นคำอธิบาย ให้เขียนว่า '{right}'",
                )
                continue
            keyword = self._glued_keyword(stripped)
            if keyword is not None:
                self._add(
                    where,
                    f"line {cursor}: '{_clip(stripped)}' starts with the step keyword "
                    f"'{keyword}' without the space after it, so it is description text, "
                    f"not a step; write '{keyword} {stripped[len(keyword) :].lstrip()}'",
                    f"บรรทัดที่ {cursor}: '{_clip(stripped)}' ขึ้นต้นด้วยคำสำคัญ '{keyword}' "
                    f"โดยไม่มีเว้นวรรคตามหลัง จึงกลายเป็นคำอธิบาย ไม่ใช่ขั้นตอน "
                    f"ให้เขียนว่า '{keyword} {stripped[len(keyword) :].lstrip()}'",
                )

    def _find_line(self, stripped: str, after: int) -> int:
        for number in range(after + 1, len(self.lines) + 1):
            if self.lines[number - 1].strip() == stripped:
                return number
        return after

    def _glued_keyword(self, line: str) -> str | None:
        if line.startswith(ORDINARY_WORDS):
            return None
        for keyword in self.keywords:
            if not line.startswith(keyword) or len(line) == len(keyword):
                continue
            follower = line[len(keyword)]
            if follower.isspace():
                continue
            if not follower.isalpha() or _unspaced(follower) or _unspaced(keyword[-1]):
                return keyword
        return None

    def _add(self, where: str, message_en: str, message_th: str) -> None:
        self.problems.append(Problem(self.source, where, message_en, message_th))


def _tag_names(node: Mapping[str, Any]) -> set[str]:
    return {str(tag["name"]) for tag in node.get("tags", ())}


def _clip(text: str, width: int = 60) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


__all__ = [
    "ORDINARY_WORDS",
    "PLAN_TAG",
    "WEEKEND_TAG",
    "check_feature_file",
    "check_feature_text",
    "check_features",
    "feature_paths",
]
