"""Load-time checks of the deadlines of states: the trigger, the days and the date field."""

from __future__ import annotations

from collections.abc import Iterator

from integrity_flows.definition.model import SYSTEM_ROLE, Deadline, FlowDefinition
from integrity_flows.loading.setting_checks import MAX_DAYS, use_problems

Found = tuple[str, str, str]  # path, English, Thai


def deadline_problems(d: FlowDefinition) -> list[Found]:
    """Every problem of the deadlines of ``d``'s states."""
    found: list[Found] = []

    def add(path: str, en: str, th: str) -> None:
        found.append((path, en, th))

    for name, state in d.states.items():
        for j, deadline in enumerate(state.deadlines):
            path = f"states.{name}.deadlines[{j}]"
            transition = d.transition(deadline.trigger, name)
            if transition is None:
                add(
                    f"{path}.trigger",
                    f"no transition '{deadline.trigger}' leaves '{name}'",
                    f"ไม่มีการดำเนินการ '{deadline.trigger}' จากสถานะ '{name}'",
                )
            elif SYSTEM_ROLE not in transition.roles:
                add(
                    f"{path}.trigger",
                    f"'{deadline.trigger}' must allow the role 'system'",
                    f"'{deadline.trigger}' ต้องให้บทบาท system ดำเนินการได้",
                )
            if deadline.days is None and deadline.days_setting is None and deadline.field is None:
                add(
                    path,
                    "a deadline needs days, days_setting or field",
                    "กำหนดเวลาต้องระบุจำนวนวันหรือข้อมูลวันที่",
                )
            if deadline.days is not None and deadline.days_setting is not None:
                add(path, "give days or days_setting, not both", "ระบุจำนวนวันได้แบบเดียว")
            found.extend(_days_problems(d, deadline, path))
            field = d.data.get(deadline.field) if deadline.field else None
            if deadline.field is not None and (field is None or field.type != "date"):
                add(
                    f"{path}.field",
                    f"'{deadline.field}' is not a date field",
                    f"'{deadline.field}' ไม่ใช่ข้อมูลวันที่",
                )
    return found


def _days_problems(d: FlowDefinition, deadline: Deadline, path: str) -> Iterator[Found]:
    """The days of a deadline: a setting of type ``days``, or a number of days in range."""
    if deadline.days_setting is not None and deadline.days_setting not in d.settings:
        yield (
            f"{path}.days_setting",
            f"unknown setting '{deadline.days_setting}'",
            f"ไม่รู้จักค่าตั้ง '{deadline.days_setting}'",
        )
    for en, th in use_problems(d, "days_setting", deadline.days_setting):
        yield f"{path}.days_setting", en, th
    if deadline.days is not None and not 0 <= deadline.days <= MAX_DAYS:
        yield (
            f"{path}.days",
            f"days must be from 0 to {MAX_DAYS}, got {deadline.days}",
            f"จำนวนวันต้องอยู่ระหว่าง 0 ถึง {MAX_DAYS} ได้ {deadline.days}",
        )


__all__ = ["deadline_problems"]
