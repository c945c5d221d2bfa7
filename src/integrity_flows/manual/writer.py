"""Write a handling manual from a flow definition, so it cannot disagree with the engine.

The manual has the four parts plan step 33/5.8 asks of a complaints manual, and any flow
has them too:

1. how a case is started: who may start one, what is given (enum choices listed,
   protected fields named with who may read them), the conditions the start checks;
2. the steps: each state, what may be done from it, by whom, what it needs, the rules
   that apply (separation of duties, independence, the flow's own messages) and where it
   leads; what may be done at several stages; how it ends;
3. who is responsible: the unit the plan names for the project, and each role with what
   it does;
4. the time frames: every deadline, in days from the settings in force (host overrides
   applied), and what happens when it passes.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from integrity_flows.calendars import thai_digits
from integrity_flows.definition.model import (
    SYSTEM_ROLE,
    Field,
    FlowDefinition,
    GuardRef,
    Label,
    Manual,
    Transition,
)
from integrity_flows.manual.document import Document, Item, Items, Paragraph, Section, Table
from integrity_flows.plan.catalogue import load_plan

_FILING = Label("วิธีการเริ่มเรื่อง", "How a case is started")
_STEPS = Label("ขั้นตอนการดำเนินการ", "The steps")
_RESPONSIBLE = Label("ส่วนงานและเจ้าหน้าที่ผู้รับผิดชอบ", "The unit and officers in charge")
_TIME_FRAMES = Label("ระยะเวลาในการดำเนินการ", "Time frames")


_WORDS: Mapping[str, Label] = {
    "written_from": Label(
        "คู่มือนี้จัดทำจากขั้นตอนงาน {id} ฉบับที่ {version} (รหัสตรวจสอบ {digest}) "
        "ซึ่งเป็นขั้นตอนที่ระบบบังคับใช้จริง ตามแผนปฏิบัติการป้องกันการทุจริต โครงการที่ {project} {plan}",
        "This manual is written from the flow {id}, version {version} (digest {digest}), "
        "the procedure the system enforces; plan project {project}: {plan}.",
    ),
    "written_from_host": Label(
        "คู่มือนี้จัดทำจากขั้นตอนงาน {id} ฉบับที่ {version} (รหัสตรวจสอบ {digest}) ซึ่งเป็นขั้นตอนที่ระบบบังคับใช้จริง",
        "This manual is written from the flow {id}, version {version} (digest {digest}), "
        "the procedure the system enforces.",
    ),
    "who_starts": Label("ผู้ยื่นหรือบันทึกเรื่อง", "Who files or records a case"),
    "data": Label("ข้อมูลที่ให้เมื่อเริ่มเรื่อง", "What is given at the start"),
    "required": Label("จำเป็น", "required"),
    "optional": Label("ไม่บังคับ", "optional"),
    "protected": Label(
        "ข้อมูลอ่อนไหว เข้ารหัสไว้ เปิดอ่านได้เฉพาะ {readers} และบันทึกการเปิดอ่านทุกครั้ง",
        "sensitive: encrypted, readable only by {readers}, every reading recorded",
    ),
    "nobody": Label("ไม่มีผู้ใด", "nobody"),
    "hashed": Label("เก็บไว้เพียงค่าแฮช", "kept only as a hash"),
    "conditions": Label("เงื่อนไขในการเริ่มเรื่อง", "Conditions checked at the start"),
    "by": Label("โดย", "by"),
    "needs": Label("ต้องระบุ", "needs"),
    "rule": Label("เงื่อนไข", "rule"),
    "late": Label(
        "หากไม่ดำเนินการภายใน {days}: {action} ไปสู่ {dest}",
        "if nothing is done within {days}: {action}, to {dest}",
    ),
    "late_field": Label(
        "เมื่อพ้น {days}นับจาก{field}: {action} ไปสู่ {dest}",
        "{days} after the {field}: {action}, to {dest}",
    ),
    "any_time": Label("ดำเนินการได้ระหว่างขั้นตอนต่อไปนี้", "What may be done during several stages"),
    "during": Label("ในขั้นตอน", "during"),
    "ends": Label("เรื่องสิ้นสุดเมื่อ", "A case ends"),
    "unit": Label("ส่วนงานผู้รับผิดชอบตามแผน: {unit}", "The unit in charge in the plan: {unit}"),
    "unit_printed": Label("", " (as printed in the plan)"),
    "does": Label("ดำเนินการ", "does"),
    "system": Label("ระบบ", "the system"),
    "system_does": Label("ดำเนินการเมื่อถึงกำหนดเวลา", "acts when a deadline passes"),
    "stage": Label("ขั้นตอน", "Stage"),
    "frame": Label("ระยะเวลา", "Time frame"),
    "when_late": Label("เมื่อเกินกำหนด", "When it passes"),
    "days_in_stage": Label("{days} นับแต่เข้าสู่ขั้นตอน", "{days} from entering the stage"),
    "days_from_field": Label("{days} นับจาก{field}", "{days} from the {field}"),
    "days": Label("{days}", "{days}"),
    "target": Label("เป้าหมายที่วัดผลในสถิติ", "a target the statistics measure"),
    "settings_note": Label(
        "ระยะเวลาข้างต้นเป็นค่าที่ระบบใช้อยู่ขณะจัดทำคู่มือ (ค่าตั้ง: {names})",
        "These are the time frames in force when this manual was written (settings: {names}).",
    ),
}


#: The rules of guards without a message of their own, said plainly.
_RULES: Mapping[str, Label] = {
    "distinct_from_field": Label("ผู้ดำเนินการต้องไม่ใช่{f}", "the actor may not be the {f}"),
    "distinct_unit_from_field": Label(
        "ผู้ดำเนินการต้องไม่สังกัดเดียวกับ{f}", "the actor may not belong to the {f}"
    ),
    "same_unit_as_field": Label("ผู้ดำเนินการต้องสังกัด{f}", "the actor must belong to the {f}"),
    "actor_named_in": Label("ผู้ดำเนินการต้องเป็น{f}", "the actor must be the {f}"),
    "distinct_actor": Label("ผู้ดำเนินการต้องไม่ใช่{r}ของเรื่อง", "the actor may not be the case's {r}"),
}


class _Writer:
    """Builds the document for one definition, in one language."""

    def __init__(
        self,
        d: FlowDefinition,
        settings: Mapping[str, Any],
        lang: str,
        text: Manual,
        notes: tuple[Label, ...],
        unit: str | None,
    ) -> None:
        self.d = d
        self.settings = settings
        self.th = lang == "th"
        self.lang = lang
        self.text = text
        self.notes = notes
        self.unit = unit

    def say(self, label: Label | None) -> str:
        if label is None:
            return ""
        return label.th if self.th else label.en

    def word(self, key: str, **values: Any) -> str:
        return self.say(_WORDS[key]).format(**values)

    def num(self, number: int) -> str:
        return thai_digits(str(number)) if self.th else str(number)

    def day_count(self, days: int) -> str:
        if self.th:
            return f"{self.num(days)} วัน"
        return "1 day" if days == 1 else f"{days} days"

    def role(self, role: str) -> str:
        return self.say(self.d.label_of_role(role))

    def roles(self, roles: tuple[str, ...]) -> str:
        return ", ".join(self.role(r) for r in roles)

    def state(self, state: str) -> str:
        return self.say(self.d.label_of_state(state))

    def field(self, name: str) -> str:
        spec = self.d.data.get(name)
        return self.say(spec.label) if spec else name

    # --- the document -------------------------------------------------------

    def document(self) -> Document:
        title = self.text.title or Label(f"คู่มือ{self.d.title.th}", f"Manual: {self.d.title.en}")
        intro = [
            Paragraph(self.say(self.d.description)) if self.d.description else None,
            Paragraph(self.written_from()),
        ]
        return Document(
            title=self.say(title),
            lang=self.lang,
            intro=tuple(block for block in intro if block is not None),
            sections=(self.filing(), self.steps(), self.responsible(), self.time_frames()),
        )

    def written_from(self) -> str:
        """Which flow the manual is written from, and its plan project if it has one."""
        plan, d = self.d.plan, self.d
        common = {"id": d.id, "version": self.num(d.version), "digest": d.digest[:12] or "-"}
        if plan is None:
            return self.word("written_from_host", **common)
        return self.word(
            "written_from", **common, project=self.num(plan.project), plan=self.say(plan.title)
        )

    def filing(self) -> Section:
        start = self.d.start
        blocks: list[Any] = [
            Paragraph(f"{self.word('who_starts')}: {self.say(start.label)}"),
            Items(tuple(self.role_item(role, with_actions=False) for role in start.roles)),
            Paragraph(self.word("data")),
            Items(tuple(self.field_item(name, self.d.data[name]) for name in self.start_fields())),
        ]
        rules = list(self.rules(start.guards))
        if rules:
            blocks += [Paragraph(self.word("conditions")), Items(tuple(Item(r) for r in rules))]
        notes = (self.text.filing_note, *self.notes) if self.text.filing_note else self.notes
        blocks += [Paragraph(self.say(note)) for note in notes]
        return Section(self.say(self.text.filing or _FILING), tuple(blocks))

    def start_fields(self) -> list[str]:
        """Fields given at the start: required ones, those the start's rules name, and
        those no transition asks for, stamps or checks; never one taken from the actor."""
        later = {name for t in self.d.transitions for name in t.requires}
        later |= {t.stamp for t in self.d.transitions if t.stamp}
        later |= {n for t in self.d.transitions for n in _fields_named(t.guards)}
        at_start = _fields_named(self.d.start.guards)
        return [
            name
            for name, f in self.d.data.items()
            if not f.from_actor and (f.required or name in at_start or name not in later)
        ]

    def field_item(self, name: str, spec: Field) -> Item:
        notes = [self.word("required" if spec.required else "optional")]
        if spec.sensitive:
            readers = self.roles(spec.readers) or self.word("nobody")
            notes.append(self.word("protected", readers=readers))
        if spec.hashed:
            notes.append(self.word("hashed"))
        choices = tuple(self.say(spec.choice_labels.get(c, Label(c, c))) for c in spec.choices)
        return Item(f"{self.field(name)} ({'; '.join(notes)})", choices)

    def steps(self) -> Section:
        loops: dict[str, list[str]] = {}
        items = []
        for name, state in self.d.states.items():
            if state.terminal:
                continue
            children = []
            for t in self.leaving(name):
                if t.dest == name:
                    loops.setdefault(t.trigger, []).append(name)
                elif t.roles != (SYSTEM_ROLE,):
                    children.append(self.move(t))
            children += [self.late(name, deadline) for deadline in state.deadlines]
            heading = self.state(name)
            if state.description:
                heading += f": {self.say(state.description)}"
            items.append(Item(heading, tuple(children)))
        blocks: list[Any] = [Items(tuple(items), numbered=True)]
        if loops:
            blocks.append(Paragraph(self.word("any_time")))
            blocks.append(
                Items(tuple(self.loop(trigger, states) for trigger, states in loops.items()))
            )
        ends = [self.state(n) for n, s in self.d.states.items() if s.terminal]
        blocks.append(Paragraph(f"{self.word('ends')}: {', '.join(ends)}"))
        return Section(self.say(self.text.steps or _STEPS), tuple(blocks))

    def leaving(self, state: str) -> Iterator[Transition]:
        return (t for t in self.d.transitions if state in t.source)

    def move(self, t: Transition) -> str:
        parts = [
            f"{self.say(t.label)} ({self.word('by')} {self.roles(t.roles)}) → {self.state(t.dest)}"
        ]
        if t.description:
            parts.append(self.say(t.description))
        if t.requires:
            parts.append(f"{self.word('needs')}: {', '.join(self.field(f) for f in t.requires)}")
        parts += [f"{self.word('rule')}: {rule}" for rule in self.rules(t.guards)]
        return "; ".join(parts)

    def loop(self, trigger: str, states: list[str]) -> Item:
        first = next(t for t in self.d.transitions if t.trigger == trigger)
        text = f"{self.say(first.label)} ({self.word('by')} {self.roles(first.roles)})"
        if first.requires:
            text += f"; {self.word('needs')}: {', '.join(self.field(f) for f in first.requires)}"
        return Item(text, (f"{self.word('during')}: {', '.join(self.state(s) for s in states)}",))

    def late(self, state: str, deadline: Any) -> str:
        t = self.d.transition(deadline.trigger, state)
        action = self.say(t.label) if t else deadline.trigger
        dest = self.state(t.dest) if t else "-"
        days = self.day_count(self.days(deadline))
        if deadline.field:
            return self.word(
                "late_field", days=days, field=self.field(deadline.field), action=action, dest=dest
            )
        return self.word("late", days=days, action=action, dest=dest)

    def days(self, deadline: Any) -> int:
        if deadline.days_setting is not None:
            return int(self.settings[deadline.days_setting])
        return int(deadline.days or 0)

    def rules(self, guards: tuple[GuardRef, ...]) -> Iterator[str]:
        """What the guards require, in words: their own messages, or the independence and
        separation-of-duties rules said plainly; the alternatives of an ``any`` together."""
        for ref in guards:
            if ref.name == "any":
                alternatives = list(self.rules(ref.children))
                if alternatives:
                    yield " ".join(alternatives)
            elif ref.name == "all":
                yield from self.rules(ref.children)
            elif (text := self.rule(ref)) is not None:
                yield text

    def rule(self, ref: GuardRef) -> str | None:
        message = ref.params.get("message")
        if isinstance(message, Mapping):
            return str(message["th" if self.th else "en"])
        field = ref.params.get("field")
        if ref.name == "not_listed_in":
            who = self.field(str(field)) if field else ("ผู้ดำเนินการ" if self.th else "the actor")
            listed = self.field(str(ref.params["list"]))
            return f"{who}ต้องไม่มีชื่อใน{listed}" if self.th else f"{who} may not be among the {listed}"
        template = _RULES.get(ref.name)
        if template is None:
            return None
        role = ref.params.get("role")
        return self.say(template).format(
            f=self.field(str(field)) if field else "", r=self.role(str(role)) if role else ""
        )

    def responsible(self) -> Section:
        unit = self.unit or self.plan_unit()
        blocks: list[Any] = []
        if unit:
            printed = "" if self.unit else self.word("unit_printed")
            blocks.append(Paragraph(self.word("unit", unit=unit) + printed))
        roles = [self.role_item(role) for role in self.d.roles]
        system = [self.say(t.label) for t in self.d.transitions if SYSTEM_ROLE in t.roles]
        if system:
            done = ", ".join(dict.fromkeys(system))
            roles.append(Item(f"{self.word('system')}: {self.word('system_does')}: {done}"))
        blocks.append(Items(tuple(roles)))
        return Section(self.say(self.text.responsible or _RESPONSIBLE), tuple(blocks))

    def plan_unit(self) -> str | None:
        if self.d.plan is None:
            return None
        project = load_plan().project(self.d.plan.project)
        return project.unit_th if project else None

    def role_item(self, role: str, *, with_actions: bool = True) -> Item:
        spec = self.d.roles.get(role)
        text = self.role(role)
        if spec is not None and spec.description is not None:
            text += f": {self.say(spec.description)}"
        if not with_actions:
            return Item(text)
        actions = [self.say(self.d.start.label)] if role in self.d.start.roles else []
        for trigger, label in self.d.triggers.items():
            if any(role in t.roles for t in self.d.transitions if t.trigger == trigger):
                actions.append(self.say(label))
        children = (f"{self.word('does')}: {', '.join(actions)}",) if actions else ()
        return Item(text, children)

    def time_frames(self) -> Section:
        rows = []
        names = []
        for name, state in self.d.states.items():
            for deadline in state.deadlines:
                t = self.d.transition(deadline.trigger, name)
                days = self.day_count(self.days(deadline))
                if deadline.field:
                    frame = self.word(
                        "days_from_field", days=days, field=self.field(deadline.field)
                    )
                else:
                    frame = self.word("days_in_stage", days=days)
                after = f"{self.say(t.label)} → {self.state(t.dest)}" if t else deadline.trigger
                rows.append((self.state(name), frame, after))
                if deadline.days_setting:
                    names.append(deadline.days_setting)
        for setting, label in self.text.targets.items():
            days = self.day_count(int(self.settings[setting]))
            rows.append((self.say(label), self.word("days", days=days), self.word("target")))
            names.append(setting)
        header = (self.word("stage"), self.word("frame"), self.word("when_late"))
        blocks: list[Any] = [Table(header, tuple(rows))]
        if names:
            unique = ", ".join(dict.fromkeys(names))
            blocks.append(Paragraph(self.word("settings_note", names=unique)))
        return Section(self.say(self.text.time_frames or _TIME_FRAMES), tuple(blocks))


def _fields_named(guards: tuple[GuardRef, ...]) -> set[str]:
    """The data fields the guards name (``field``, ``list`` and ``together_with``)."""
    found: set[str] = set()
    for ref in guards:
        found |= _fields_named(ref.children)
        for key in ("field", "list", "limit_field"):
            if isinstance(ref.params.get(key), str):
                found.add(ref.params[key])
        together = ref.params.get("together_with")
        if isinstance(together, list):
            found |= {str(name) for name in together}
    return found


def write_manual(
    definition: FlowDefinition,
    *,
    settings: Mapping[str, Any] | None = None,
    lang: str = "th",
    notes: tuple[Label, ...] = (),
    unit: str | None = None,
) -> Document:
    """The manual of ``definition`` in ``lang`` (``th`` or ``en``).

    ``settings`` are the settings in force (``Engine.settings(flow_id)``, host overrides
    applied; the definition's own when not given). ``unit`` names the unit in charge
    (the unit the plan prints for the project when not given). The flow's ``manual:``
    block gives the headings, notes and targets of its own; ``notes`` are further
    paragraphs said under the first heading, after the flow's own note.
    """
    if lang not in ("th", "en"):
        msg = f"lang must be 'th' or 'en', not {lang!r}"
        raise ValueError(msg)
    merged = {**definition.settings, **(settings or {})}
    words = definition.manual or Manual()
    return _Writer(definition, merged, lang, words, notes, unit).document()


def rules_in_words(
    definition: FlowDefinition, guards: tuple[GuardRef, ...], *, lang: str = "th"
) -> list[str]:
    """What ``guards`` of ``definition`` require, in the manual's words in ``lang``: each
    guard's own message, or the separation-of-duties and independence rules said plainly
    (a guard with neither is left out)."""
    words = definition.manual or Manual()
    return list(_Writer(definition, definition.settings, lang, words, (), None).rules(guards))


__all__ = ["rules_in_words", "write_manual"]
