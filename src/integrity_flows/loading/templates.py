"""Flow templates: one procedure shape, instantiated by several flow files.

Several projects of a plan follow one written shape (a training event: approved, team
assigned, programme set, prepared, held, attendance and test recorded, reported,
published) and differ only in their identity, the plan steps each action carries out, a
few labels and the settings' values. A template holds the shape once, in a folder
``templates/`` beside the flows; a flow file that says ``template: NAME`` gives what is its
own and is expanded, before anything else is checked, into a plain flow file's data:

- ``id``, ``version``, ``title``, ``description`` and ``plan`` are the instance's, and so is
  ``parent`` (the link of a child flow to its parent flow: a training run in several batches
  is one parent case and one child case per batch, each child an instance of the shape);
  the field it names is one the template declares;
- ``steps`` maps each step the template declares to the plan step(s) of this project: the
  template's ``cites: NAME`` becomes the first, the others join ``also_cites``;
- ``settings`` gives new defaults to settings the template declares;
- ``labels`` replaces labels of the template's states, transitions (by trigger), data
  fields and roles.

Expansion is substitution of declared names, never evaluation: nothing in a template or
an instance runs. Every problem names the file (instance or template) and the path in it.
"""

from __future__ import annotations

import copy
import re
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from integrity_flows.errors import Problem
from integrity_flows.loading.hints import hint
from integrity_flows.safe_yaml import parse_yaml

FOLDER = "templates"
INSTANCE_KEYS = (
    "template",
    "id",
    "version",
    "title",
    "description",
    "plan",
    "parent",
    "steps",
    "settings",
    "labels",
)
OWN_KEYS = ("template", "id", "version", "title", "description", "plan", "parent")
LABELLED = ("states", "transitions", "data", "roles")
_NAME = re.compile(r"^[a-z][a-z0-9_]*$")


class _Expansion:
    """The problems found while one instance is expanded, each with its file and path."""

    def __init__(self, source: str, template_source: str) -> None:
        self.source = source
        self.template_source = template_source
        self.problems: list[Problem] = []

    def here(self, path: str, en: str, th: str) -> None:
        self.problems.append(Problem(self.source, path, en, th))

    def there(self, path: str, en: str, th: str) -> None:
        self.problems.append(Problem(self.template_source, path, en, th))


def expand(
    raw: Any, source: str, templates: Traversable | Path | None
) -> tuple[Any, list[Problem]]:
    """The flow data of ``raw`` with its template expanded; ``raw`` itself when it names none."""
    if not isinstance(raw, dict) or "template" not in raw:
        return raw, []
    name = raw["template"]
    if not isinstance(name, str) or not _NAME.match(name):
        return None, [
            _problem(
                source,
                "template",
                f"expected a template name, got {name!r}",
                f"ต้องเป็นชื่อแม่แบบ ได้ {name!r}",
            )
        ]
    unknown = sorted(str(key) for key in raw if key not in INSTANCE_KEYS)
    if unknown:
        listing = ", ".join(unknown)
        return None, [
            _problem(
                source,
                "",
                f"unknown key(s) beside a template: {listing}; an instance gives only "
                f"{', '.join(INSTANCE_KEYS)}",
                f"มีหัวข้อที่ไม่รู้จักในไฟล์ที่ใช้แม่แบบ: {listing}",
            )
        ]
    found, problems = _read_template(name, source, templates)
    if found is None:
        return None, problems
    template, template_source = found
    expansion = _Expansion(source, template_source)
    flow = _instantiate(raw, template, expansion)
    return (None, expansion.problems) if expansion.problems else (flow, [])


def _problem(source: str, path: str, en: str, th: str) -> Problem:
    return Problem(source, path, en, th)


def _read_template(
    name: str, source: str, templates: Traversable | Path | None
) -> tuple[tuple[dict[str, Any], str] | None, list[Problem]]:
    entry, problems = _locate(name, source, templates)
    if entry is None:
        return None, problems
    template_source = str(entry)
    try:
        text = entry.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return None, [
            _problem(
                template_source,
                "",
                f"cannot read as UTF-8 text: {exc}",
                f"อ่านไฟล์เป็นข้อความ UTF-8 ไม่ได้: {exc}",
            )
        ]
    raw, problems = parse_yaml(text, template_source)
    if problems:
        return None, problems
    problems = _shape(raw, template_source)
    return (None, problems) if problems else ((raw, template_source), [])


def _locate(
    name: str, source: str, templates: Traversable | Path | None
) -> tuple[Traversable | Path | None, list[Problem]]:
    if templates is None or not templates.is_dir():
        return None, [
            _problem(
                source,
                "template",
                f"template '{name}' not found: templates are read from the folder "
                f"'{FOLDER}/' beside the flow files",
                f"ไม่พบแม่แบบ '{name}': แม่แบบอ่านจากโฟลเดอร์ '{FOLDER}/' ข้างไฟล์ขั้นตอนงาน",
            )
        ]
    entry = templates / f"{name}.yaml"
    if entry.is_file():
        return entry, []
    names = [e.name.removesuffix(".yaml") for e in templates.iterdir() if e.name.endswith(".yaml")]
    en, th = hint(name, names)
    return None, [
        _problem(source, "template", f"unknown template '{name}'{en}", f"ไม่รู้จักแม่แบบ '{name}'{th}")
    ]


def _shape(raw: Any, template_source: str) -> list[Problem]:
    if not isinstance(raw, dict):
        return [
            _problem(
                template_source,
                "",
                "a template must be a mapping",
                "แม่แบบต้องเป็นข้อมูลแบบจับคู่ (mapping)",
            )
        ]
    own = [key for key in OWN_KEYS if key in raw]
    if own or not isinstance(raw.get("steps"), dict) or not raw["steps"]:
        return [
            _problem(
                template_source,
                ", ".join(own) or "steps",
                "a template declares its 'steps' (name -> label) and leaves template, id, "
                "version, title, description, plan and parent to the flows that use it",
                "แม่แบบต้องประกาศ 'steps' (ชื่อขั้น -> ป้ายกำกับ) และไม่กำหนด template, id, "
                "version, title, description, plan หรือ parent ซึ่งเป็นของไฟล์ที่ใช้แม่แบบ",
            )
        ]
    return []


def _instantiate(raw: dict[str, Any], template: dict[str, Any], x: _Expansion) -> dict[str, Any]:
    flow = copy.deepcopy({key: value for key, value in template.items() if key != "steps"})
    steps = _steps(raw.get("steps"), template["steps"], x)
    _cite(flow, steps, set(map(str, template["steps"])), x)
    _settings(flow, raw.get("settings"), x)
    _labels(flow, raw.get("labels"), x)
    own = {key: raw[key] for key in OWN_KEYS[1:] if key in raw}
    return {**own, **flow}


def _steps(given: Any, declared: dict[str, Any], x: _Expansion) -> dict[str, list[Any]]:
    if not isinstance(given, dict):
        x.here(
            "steps",
            "map each step of the template to the plan step(s) it carries out",
            "ต้องระบุขั้นตอนของแผนที่แต่ละขั้นของแม่แบบดำเนินการ",
        )
        return {}
    steps: dict[str, list[Any]] = {}
    for name, cites in given.items():
        if name not in declared:
            en, th = hint(name, map(str, declared))
            x.here(
                f"steps.{name}",
                f"the template declares no step '{name}'{en}",
                f"แม่แบบไม่มีขั้น '{name}'{th}",
            )
            continue
        listed = cites if isinstance(cites, list) else [cites]
        if not listed:
            x.here(f"steps.{name}", "name at least one plan step", "ต้องระบุขั้นตอนของแผนอย่างน้อยหนึ่งขั้น")
            continue
        steps[str(name)] = listed
    for name in declared:
        if name not in given:
            x.here(
                "steps",
                f"step '{name}' of the template is not mapped to a plan step",
                f"ขั้น '{name}' ของแม่แบบยังไม่ได้ระบุขั้นตอนของแผน",
            )
    return steps


def _cite(
    flow: dict[str, Any], steps: dict[str, list[Any]], declared: set[str], x: _Expansion
) -> None:
    actions: list[tuple[str, Any]] = [("start", flow.get("start"))]
    transitions = flow.get("transitions")
    if isinstance(transitions, list):
        actions += [(f"transitions[{i}]", t) for i, t in enumerate(transitions)]
    for path, action in actions:
        if isinstance(action, dict) and "cites" in action:
            _cite_one(action, path, _Steps(steps, declared), x)


class _Steps:
    """The instance's mapping of the template's steps, and the names the template declares."""

    def __init__(self, mapped: dict[str, list[Any]], declared: set[str]) -> None:
        self.mapped = mapped
        self.declared = declared


def _cite_one(action: dict[str, Any], path: str, steps: _Steps, x: _Expansion) -> None:
    named = _mapped(action["cites"], f"{path}.cites", steps, x)
    also = action.get("also_cites", [])
    extra: list[Any] = []
    for i, name in enumerate(also if isinstance(also, list) else [also]):
        extra += _mapped(name, f"{path}.also_cites[{i}]", steps, x)
    if not named:
        return
    action["cites"] = named[0]
    rest = [cite for cite in [*named[1:], *extra] if cite != named[0]]
    if rest:
        action["also_cites"] = list(dict.fromkeys(rest))
    else:
        action.pop("also_cites", None)


def _mapped(name: Any, path: str, steps: _Steps, x: _Expansion) -> list[Any]:
    if isinstance(name, str) and name in steps.mapped:
        return steps.mapped[name]
    if isinstance(name, str) and name in steps.declared:
        return []  # a declared step left unmapped: reported once, under the instance's steps
    en, th = hint(name, sorted(steps.declared))
    x.there(
        path,
        f"a template cites one of its declared steps by name, got {name!r}{en}",
        f"แม่แบบต้องอ้างถึงขั้นที่ประกาศไว้ด้วยชื่อ ได้ {name!r}{th}",
    )
    return []


def _settings(flow: dict[str, Any], given: Any, x: _Expansion) -> None:
    if given is None:
        return
    declared = flow.get("settings")
    if not isinstance(given, dict) or not isinstance(declared, dict):
        x.here(
            "settings",
            "give new defaults as setting name -> value, for settings the template declares",
            "ต้องระบุเป็น ชื่อค่าตั้ง -> ค่า ของค่าตั้งที่แม่แบบประกาศไว้",
        )
        return
    for name, value in given.items():
        entry = declared.get(name)
        if not isinstance(entry, dict):
            en, th = hint(name, map(str, declared))
            x.here(
                f"settings.{name}",
                f"the template declares no setting '{name}'{en}",
                f"แม่แบบไม่มีค่าตั้ง '{name}'{th}",
            )
            continue
        entry["default"] = value


def _labels(flow: dict[str, Any], given: Any, x: _Expansion) -> None:
    if given is None:
        return
    if not isinstance(given, dict):
        x.here(
            "labels",
            f"expected a mapping of {', '.join(LABELLED)}",
            f"ต้องเป็นข้อมูลแบบจับคู่ของ {', '.join(LABELLED)}",
        )
        return
    for part, labels in given.items():
        if part not in LABELLED or not isinstance(labels, dict):
            x.here(
                f"labels.{part}",
                f"labels may replace those of {', '.join(LABELLED)}",
                f"แทนป้ายกำกับได้เฉพาะ {', '.join(LABELLED)}",
            )
            continue
        for name, label in labels.items():
            if not _relabel(flow, str(part), name, label):
                x.here(
                    f"labels.{part}.{name}",
                    f"the template has no {part} entry '{name}'",
                    f"แม่แบบไม่มี '{name}' ใน {part}",
                )


def _relabel(flow: dict[str, Any], part: str, name: Any, label: Any) -> bool:
    if part == "transitions":
        found = [
            t
            for t in flow.get("transitions") or []
            if isinstance(t, dict) and t.get("trigger") == name
        ]
    else:
        entry = (flow.get(part) or {}).get(name)
        found = [entry] if isinstance(entry, dict) else []
    for entry in found:
        entry["label"] = label
    return bool(found)


__all__ = ["FOLDER", "expand"]
