"""A lint for feature files: catch what makes a scenario pass without testing anything.

Uses the official Gherkin parser (``gherkin-official``, the one pytest-bdd uses), so a
file is read exactly as the test runner reads it. :func:`check_features` reports:

- a file that does not parse (or holds no feature, or a feature with no scenario);
- a scenario or scenario outline with no steps of its own: pytest-bdd would report it
  as passed;
- a description line (of a feature, rule, background, scenario or examples) that starts
  with a step keyword whose following space is missing - the Thai trap: written
  ``กำหนดให้มี...`` or ``เมื่อผู้ใช้...``, a step silently becomes description text;
- a scenario with no ``@plan-...`` tag of its own or inherited from its feature or rule
  (every scenario names the plan steps it replays);
- two scenarios with the same name in one file (pytest-bdd keeps only the last one).

Every finding is a :class:`~integrity_flows.errors.Problem` naming the file and the
scenario (``Scenario 'name' (line N)``), in English and in Thai. No pytest needed.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from gherkin.dialect import Dialect
from gherkin.errors import CompositeParserException, ParserError
from gherkin.parser import Parser

from integrity_flows.errors import Problem

PLAN_TAG = "@plan-"
_STEP_KEYWORDS = ("given", "when", "then", "and", "but")
# Scripts written without spaces between words: there a keyword glued to the next word
# is the trap; elsewhere ("Whenever", "Andrew") it is an ordinary word.
_UNSPACED_SCRIPTS = ("THAI", "LAO", "KHMER", "MYANMAR", "CJK", "HIRAGANA", "KATAKANA")


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
        return [_parse_problem(source, error) for error in _errors(exc)]
    feature = document.get("feature")
    if not feature:
        return [Problem(source, "", "the file holds no feature", "ไฟล์นี้ไม่มีโครงหลัก (Feature)")]
    return _Checker(source, text, feature).run()


def _errors(exc: ParserError) -> list[ParserError]:
    if isinstance(exc, CompositeParserException):
        return list(exc.errors)
    return [exc]


def _parse_problem(source: str, error: ParserError) -> Problem:
    location = getattr(error, "location", None) or {}
    where = f"line {location['line']}" if "line" in location else ""
    return Problem(
        source, where, f"the file does not parse: {error}", f"ไฟล์อ่านเป็น Gherkin ไม่ได้: {error}"
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
        dialect = Dialect.for_name(str(feature.get("language", "en")))
        spec: Mapping[str, Any] = dialect.spec if dialect is not None else {}
        keywords: set[str] = {
            str(word).strip()
            for kind in _STEP_KEYWORDS
            for word in spec.get(kind, ())
            if str(word).strip() != "*" and str(word).endswith(" ")
        }
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
            keyword = self._glued_keyword(stripped)
            if keyword is not None:
                self._add(
                    where,
                    f"line {cursor}: '{_clip(stripped)}' starts with the step keyword "
                    f"'{keyword}' without the space after it, so it is description text, "
                    f"not a step; write '{keyword} {stripped[len(keyword) :].lstrip()}'",
                    f"บรรทัดที่ {cursor}: '{_clip(stripped)}' ขึ้นต้นด้วยคำสำคัญ '{keyword}' "
                    f"โดยไม่มีเว้นวรรคตามหลัง จึงกลายเป็นคำอธิบาย ไม่ใช่ขั้นตอน "
                    f"ต้องเว้นวรรคหลัง '{keyword}'",
                )

    def _find_line(self, stripped: str, after: int) -> int:
        for number in range(after + 1, len(self.lines) + 1):
            if self.lines[number - 1].strip() == stripped:
                return number
        return after

    def _glued_keyword(self, line: str) -> str | None:
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
    "PLAN_TAG",
    "check_feature_file",
    "check_feature_text",
    "check_features",
    "feature_paths",
]
