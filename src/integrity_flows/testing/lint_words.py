"""The keywords of a Gherkin dialect, the words people write instead, and what to suggest.

The feature lint (:mod:`integrity_flows.testing.lint`) uses these to turn the parser's
raw errors into one message that says which line is wrong and which keyword to write,
in English and in Thai, and to find a misspelt keyword that made a section description.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping, Sequence
from typing import Any

from gherkin.dialect import Dialect

SECTIONS = ("feature", "background", "scenario", "scenarioOutline", "examples", "rule")
STEPS = ("given", "when", "then", "and", "but")

# Words written for a section keyword that the dialect does not have: the Thai synonyms
# people reach for (Thai Gherkin's Background is แนวคิด, not พื้นหลัง) and English keywords
# in a file of another language.
_THAI_ALIASES = {
    "พื้นหลัง": "background",
    "ภูมิหลัง": "background",
    "เบื้องหลัง": "background",
    "ฉากหลัง": "background",
    "บริบท": "background",
    "สถานการณ์": "scenario",
    "ฉากทัศน์": "scenario",
    "กรณี": "scenario",
    "ตัวอย่าง": "examples",
    "ชุดตัวอย่าง": "examples",
    "กฎ": "rule",
    "คุณลักษณะ": "feature",
    "ฟีเจอร์": "feature",
}

_NAMES_EN = {
    "feature": "a feature",
    "background": "a background",
    "scenario": "a scenario",
    "scenarioOutline": "a scenario outline",
    "examples": "examples",
    "rule": "a rule",
}
_NAMES_TH = {
    "feature": "โครงหลัก",
    "background": "แนวคิด (พื้นหลังของทุกเหตุการณ์)",
    "scenario": "เหตุการณ์",
    "scenarioOutline": "โครงสร้างของเหตุการณ์",
    "examples": "ชุดของตัวอย่าง",
    "rule": "กฎ (Rule)",
}

_HEAD = re.compile(r"^([^:]{1,40}):")


class Keywords:
    """The keywords of one dialect, with the aliases that stand for them."""

    def __init__(self, language: str) -> None:
        dialect = Dialect.for_name(language) or Dialect.for_name("en")
        assert dialect is not None
        self.language = language
        spec: Mapping[str, Any] = dialect.spec
        self.sections: dict[str, tuple[str, ...]] = {
            kind: tuple(str(w) for w in spec.get(kind, ())) for kind in SECTIONS
        }
        self.steps: dict[str, tuple[str, ...]] = {
            kind: tuple(str(w).strip() for w in spec.get(kind, ()) if str(w).strip() != "*")
            for kind in STEPS
        }
        aliases: dict[str, str] = {}
        for kind in SECTIONS:
            for word in _english().get(kind, ()):
                aliases[str(word).casefold()] = kind
        aliases.update(_THAI_ALIASES)
        mine = {w.casefold() for words in self.sections.values() for w in words}
        self.aliases = {k: v for k, v in aliases.items() if k not in mine}

    def first(self, kind: str) -> str:
        """The dialect's first keyword of ``kind`` (a section or a step)."""
        words = self.sections.get(kind) or self.steps.get(kind) or (kind,)
        return words[0]

    def section_alias(self, head: str) -> str | None:
        """The section ``head`` stands for when it is no keyword of this dialect: an alias,
        or a near miss of one of its section keywords (``เหตุการณ`` for ``เหตุการณ์``)."""
        folded = head.strip().casefold()
        if folded in self.aliases:
            return self.aliases[folded]
        words = {w.casefold(): kind for kind, ws in self.sections.items() for w in ws}
        if folded in words or folded.isascii():
            # An English head is an alias or nothing: "Rules:" or "Notes:" in a description
            # is ordinary text, while a Thai near miss is a misspelt keyword.
            return None
        close = difflib.get_close_matches(folded, list(words), n=1, cutoff=0.8)
        return words[close[0]] if close else None

    def suggestion(self, line: str) -> tuple[str, str] | None:
        """For a line that is not what the parser expected: the wrong word and the keyword
        to write instead, when there is one to suggest."""
        match = _HEAD.match(line)
        if match is not None:
            kind = self.section_alias(match[1])
            if kind is not None:
                return match[1].strip() + ":", self.first(kind) + ":"
        word = line.split(maxsplit=1)[0] if line.split() else ""
        steps = {w.casefold(): w for ws in self.steps.values() for w in ws}
        english = Keywords._english_steps()
        if word.casefold() in english and word.casefold() not in steps:
            return word, self.first(english[word.casefold()])
        close = difflib.get_close_matches(word.casefold(), list(steps), n=1, cutoff=0.75)
        if close and word.casefold() not in steps:
            return word, steps[close[0]]
        return None

    def foreign_step(self, line: str) -> tuple[str, str] | None:
        """``(word, keyword)`` when ``line`` starts with an English step keyword and a space
        in a file of another language (where it is description text): the keyword of this
        language to write instead."""
        word, _, rest = line.partition(" ")
        own = {w.casefold() for ws in self.steps.values() for w in ws}
        kind = Keywords._english_steps().get(word.casefold())
        if kind is None or not rest or word.casefold() in own:
            return None
        return word, self.first(kind)

    @staticmethod
    def _english_steps() -> dict[str, str]:
        return {
            str(w).strip().casefold(): kind
            for kind in STEPS
            for w in _english().get(kind, ())
            if str(w).strip() != "*"
        }


def _english() -> Mapping[str, Any]:
    english = Dialect.for_name("en")
    assert english is not None
    spec: Mapping[str, Any] = english.spec
    return spec


def section_names(kind: str) -> tuple[str, str]:
    """What a section of ``kind`` is called, in English and in Thai."""
    return _NAMES_EN[kind], _NAMES_TH[kind]


_TOKENS_EN = {
    "#EOF": "the end of the file",
    "#Language": "a '# language:' line",
    "#TagLine": "a tag (@...)",
    "#FeatureLine": "a feature line",
    "#BackgroundLine": "a background line",
    "#ScenarioLine": "a scenario line",
    "#ExamplesLine": "an examples line",
    "#RuleLine": "a rule line",
    "#StepLine": "a step",
    "#TableRow": "a table row (| ... |)",
    "#DocStringSeparator": 'a doc string (""")',
    "#Comment": "a comment (#...)",
    "#Empty": "an empty line",
    "#Other": "description text",
}
_TOKENS_TH = {
    "#EOF": "จบไฟล์",
    "#Language": "บรรทัด '# language:'",
    "#TagLine": "ป้ายกำกับ (@...)",
    "#FeatureLine": "บรรทัดโครงหลัก",
    "#BackgroundLine": "บรรทัดแนวคิด",
    "#ScenarioLine": "บรรทัดเหตุการณ์",
    "#ExamplesLine": "บรรทัดชุดของตัวอย่าง",
    "#RuleLine": "บรรทัดกฎ (Rule)",
    "#StepLine": "ขั้นตอน",
    "#TableRow": "แถวของตาราง (| ... |)",
    "#DocStringSeparator": 'ข้อความหลายบรรทัด (""")',
    "#Comment": "หมายเหตุ (#...)",
    "#Empty": "บรรทัดว่าง",
    "#Other": "ข้อความอธิบาย",
}
_EXPECTED = re.compile(r"expected: (.*?)(?:, got '|$)")


def expected_words(message: str) -> tuple[str, str]:
    """What the parser expected (its ``#TokenType`` list), in English and in Thai words;
    comments and empty lines, which fit anywhere, left out."""
    match = _EXPECTED.search(message)
    tokens: Sequence[str] = match[1].split(", ") if match else ()
    wanted = [t for t in tokens if t not in ("#Comment", "#Empty")]
    return (
        ", ".join(_TOKENS_EN.get(t, t) for t in wanted),
        ", ".join(_TOKENS_TH.get(t, t) for t in wanted),
    )


__all__ = ["SECTIONS", "STEPS", "Keywords", "expected_words", "section_names"]
