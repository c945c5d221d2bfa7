"""Load-time checks of the deadlines of states: the trigger, the days and the date field."""

from __future__ import annotations

from integrity_flows.definition.model import SYSTEM_ROLE, FlowDefinition

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
            if deadline.days_setting is not None and deadline.days_setting not in d.settings:
                add(
                    f"{path}.days_setting",
                    f"unknown setting '{deadline.days_setting}'",
                    f"ไม่รู้จักค่าตั้ง '{deadline.days_setting}'",
                )
            field = d.data.get(deadline.field) if deadline.field else None
            if deadline.field is not None and (field is None or field.type != "date"):
                add(
                    f"{path}.field",
                    f"'{deadline.field}' is not a date field",
                    f"'{deadline.field}' ไม่ใช่ข้อมูลวันที่",
                )
    return found


__all__ = ["deadline_problems"]
