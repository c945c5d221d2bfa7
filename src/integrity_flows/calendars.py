"""Thai calendars as pure functions: Buddhist Era, fiscal years, Thai digits.

Dates are stored in UTC and shown in the Buddhist Era (B.E. = C.E. + 543).
The Thai government fiscal year B.E. N runs from 1 October B.E. N-1 to
30 September B.E. N. Local time in Thailand is UTC+7 all year.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import UTC, date, datetime, time, timedelta, timezone
from decimal import Decimal, InvalidOperation

BE_OFFSET = 543
THAI_TZ = timezone(timedelta(hours=7), "ICT")

THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
_TO_ARABIC = str.maketrans(THAI_DIGITS, "0123456789")
_TO_THAI = str.maketrans("0123456789", THAI_DIGITS)

THAI_MONTHS = (
    "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
    "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม",
)  # fmt: skip
THAI_MONTHS_SHORT = (
    "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.",
    "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.",
)  # fmt: skip
ENGLISH_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip

# A year written above this is read as Buddhist Era, at or below it as Common Era.
# A year from this one up is Buddhist Era, in every form a date is written.
_BE_THRESHOLD = 2400

#: The days a person may give (a return date, an order's date, ``--at``): a date outside
#: them is a slip a paper form would refuse (1957, or a C.E. year read as B.E.).
EARLIEST_DAY = date(1970, 1, 1)  # 1 มกราคม พ.ศ. ๒๕๑๓
LATEST_DAY = date(2100, 12, 31)  # 31 ธันวาคม พ.ศ. ๒๖๔๓


def arabic_digits(text: str) -> str:
    """Replace Thai digits (๐-๙) by Arabic ones; everything else is kept."""
    return text.translate(_TO_ARABIC)


def thai_digits(text: str) -> str:
    """Replace Arabic digits by Thai ones."""
    return text.translate(_TO_THAI)


def _not_text(text: object, what: str) -> ValueError:
    return ValueError(f"expected {what}, found {type(text).__name__}")


def parse_int(text: str | int) -> int:
    """Read an integer written with Thai or Arabic digits, commas allowed."""
    if isinstance(text, int) and not isinstance(text, bool):
        return text
    if not isinstance(text, str):
        raise _not_text(text, "a whole number")
    cleaned = arabic_digits(text).replace(",", "").strip()
    if not re.fullmatch(r"[+-]?\d+", cleaned):
        msg = f"not a whole number: {text!r}"
        raise ValueError(msg)
    return int(cleaned)


def parse_decimal(text: str | int | float | Decimal) -> Decimal:
    """Read a number (e.g. an amount in baht) with Thai or Arabic digits."""
    if isinstance(text, bool):
        raise _not_text(text, "a number")
    if isinstance(text, int | float | Decimal):
        text = str(text)
    if not isinstance(text, str):
        raise _not_text(text, "a number")
    cleaned = arabic_digits(text).replace(",", "").replace("บาท", "").strip()
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        msg = f"not a number: {text!r}"
        raise ValueError(msg) from None
    if not value.is_finite():
        msg = f"not a finite number: {text!r}"
        raise ValueError(msg)
    return value


def be_year(ce_year: int) -> int:
    """Buddhist Era year of a Common Era year."""
    return ce_year + BE_OFFSET


def ce_year(year: int) -> int:
    """Common Era year of a year written either way (2400 and above means B.E.)."""
    return year - BE_OFFSET if year >= _BE_THRESHOLD else year


def sane_day(day: date) -> date:
    """``day``, if it falls from :data:`EARLIEST_DAY` to :data:`LATEST_DAY`; else a
    ``ValueError`` saying the range in the Buddhist Era."""
    if not EARLIEST_DAY <= day <= LATEST_DAY:
        msg = (
            f"{english_date(day)} is not a plausible date: give one from "
            f"{english_date(EARLIEST_DAY)} to {english_date(LATEST_DAY)}"
        )
        raise ValueError(msg)
    return day


def sane_fiscal_year(year: int) -> int:
    """``year`` (B.E.), if it is a fiscal year within the plausible dates; else a
    ``ValueError``."""
    first, last = be_year(EARLIEST_DAY.year) + 1, be_year(LATEST_DAY.year)
    if not first <= year <= last:
        msg = f"fiscal year {year} is not plausible: give a B.E. year from {first} to {last}"
        raise ValueError(msg)
    return year


def fiscal_year(day: date | datetime) -> int:
    """The Thai fiscal year (B.E.) that ``day`` falls in; datetimes are read in Thai time."""
    if isinstance(day, datetime):
        day = day.astimezone(THAI_TZ).date()
    return be_year(day.year + 1 if day.month >= 10 else day.year)


def fiscal_year_bounds(fy_be: int) -> tuple[date, date]:
    """First and last day of fiscal year B.E. ``fy_be``."""
    ce = ce_year(fy_be)
    return date(ce - 1, 10, 1), date(ce, 9, 30)


def fiscal_year_span_utc(fy_be: int) -> tuple[datetime, datetime]:
    """Half-open UTC interval [start, end) of fiscal year B.E. ``fy_be`` in Thai time."""
    first, last = fiscal_year_bounds(fy_be)
    return start_of_day_utc(first), start_of_day_utc(last + timedelta(days=1))


def start_of_day_utc(day: date) -> datetime:
    """The instant a Thai calendar day begins, in UTC."""
    return datetime.combine(day, time(0, 0), THAI_TZ).astimezone(UTC)


def thai_day(moment: date | datetime) -> date:
    """The Thai calendar day of a date, or of an instant read in Thai time."""
    if isinstance(moment, datetime):
        return moment.astimezone(THAI_TZ).date()
    return moment


def working_days_between(first: date, last: date, holidays: Iterable[date] = ()) -> int:
    """Working days after ``first`` up to and including ``last`` (Monday to Friday, not a
    holiday); negative when ``last`` comes before ``first``."""
    if last < first:
        return -working_days_between(last, first, holidays)
    off = set(holidays)
    count = 0
    day = first + timedelta(days=1)
    whole_weeks = (last - first).days // 7
    if whole_weeks:  # five working days a week, less the holidays on weekdays in them
        end = first + timedelta(days=7 * whole_weeks)
        count = 5 * whole_weeks - sum(1 for h in off if first < h <= end and h.weekday() < 5)
        day = end + timedelta(days=1)
    while day <= last:
        count += day.weekday() < 5 and day not in off
        day += timedelta(days=1)
    return count


#: Calendar periods of a fiscal year and their length in months.
PERIOD_MONTHS: dict[str, int] = {"monthly": 1, "quarterly": 3, "half_yearly": 6, "yearly": 12}


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later (the first of a month stays the first)."""
    index = day.year * 12 + day.month - 1 + months
    return day.replace(year=index // 12, month=index % 12 + 1)


def fiscal_periods(kind: str, fy_be: int) -> list[tuple[date, date]]:
    """The periods of fiscal year B.E. ``fy_be`` as (first day, last day): ``monthly`` (12,
    October first), ``quarterly`` (Thai fiscal quarters: Oct-Dec, Jan-Mar, Apr-Jun, Jul-Sep),
    ``half_yearly`` (Oct-Mar, Apr-Sep) or ``yearly`` (1 October to 30 September)."""
    months = PERIOD_MONTHS[kind]
    first, last = fiscal_year_bounds(fy_be)
    periods = []
    start = first
    while start <= last:
        following = add_months(start, months)
        periods.append((start, following - timedelta(days=1)))
        start = following
    return periods


def period_of(kind: str, day: date) -> tuple[date, date]:
    """The period of ``kind`` that ``day`` falls in."""
    return next(p for p in fiscal_periods(kind, fiscal_year(day)) if p[0] <= day <= p[1])


def period_labels(kind: str, first: date) -> tuple[str, str, str, str]:
    """(Thai, English, short Thai, short English) names of the period starting ``first``:
    'มีนาคม ๒๕๖๗' / 'March B.E. 2567' (short: 'มีนาคม' / 'March'), 'ไตรมาสที่ ๒
    ปีงบประมาณ ๒๕๖๗' / 'quarter 2 of fiscal year 2567' (short: 'ไตรมาสที่ ๒' / 'quarter 2'),
    'ครึ่งปีที่ ๑ ...' / 'half 1 ...', 'ปีงบประมาณ ๒๕๖๗' / 'fiscal year 2567'."""
    year = fiscal_year(first)
    if kind == "monthly":
        th, en = THAI_MONTHS[first.month - 1], ENGLISH_MONTHS[first.month - 1]
        be = be_year(first.year)
        return thai_digits(f"{th} {be}"), f"{en} B.E. {be}", th, en
    if kind == "yearly":
        return thai_digits(f"ปีงบประมาณ {year}"), f"fiscal year {year}", "", ""
    months = PERIOD_MONTHS[kind]
    number = ((first.month - 10) % 12) // months + 1
    th, en = ("ไตรมาสที่", "quarter") if kind == "quarterly" else ("ครึ่งปีที่", "half")
    return (
        thai_digits(f"{th} {number} ปีงบประมาณ {year}"),
        f"{en} {number} of fiscal year {year}",
        thai_digits(f"{th} {number}"),
        f"{en} {number}",
    )


def thai_date(day: date | datetime, *, digits: bool = True) -> str:
    """``day`` in Thai, Buddhist Era: '๑ ตุลาคม ๒๕๖๖'."""
    if isinstance(day, datetime):
        day = day.astimezone(THAI_TZ).date()
    text = f"{day.day} {THAI_MONTHS[day.month - 1]} {be_year(day.year)}"
    return thai_digits(text) if digits else text


def english_date(day: date | datetime) -> str:
    """``day`` in English with the Buddhist Era year: '1 October B.E. 2566'."""
    if isinstance(day, datetime):
        day = day.astimezone(THAI_TZ).date()
    return f"{day.day} {ENGLISH_MONTHS[day.month - 1]} B.E. {be_year(day.year)}"


def thai_datetime(moment: datetime) -> str:
    """A UTC instant shown in Thai time, Buddhist Era, Arabic digits: '1 ต.ค. 2566 09:30'."""
    local = moment.astimezone(THAI_TZ)
    month = THAI_MONTHS_SHORT[local.month - 1]
    return f"{local.day} {month} {be_year(local.year)} {local:%H:%M}"


def _month_number(name: str) -> int | None:
    folded = name.strip().casefold()
    for index, (th, short, en) in enumerate(
        zip(THAI_MONTHS, THAI_MONTHS_SHORT, ENGLISH_MONTHS, strict=True), start=1
    ):
        if folded in (th, short, short.replace(".", ""), en.casefold(), en[:3].casefold()):
            return index
    return None


_WORDS = re.compile(r"^(?:วันที่\s*)?(\d{1,2})\s+(\S+?)\s+(?:(?:พ\.ศ\.|ค\.ศ\.|B\.E\.|BE)\s*)?(\d{4})$")
_NUMERIC = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


def parse_date(text: str | date) -> date:
    """Read a date as people write it.

    Accepts ISO (``2023-10-01``), ``1 October 2566``, ``๑ ตุลาคม ๒๕๖๖``, ``1 ต.ค. 2566``
    and ``1/10/2566``. In every form a year from 2400 up is Buddhist Era
    (``2566-10-01`` is 1 October 2023), one below it Common Era.
    """
    if isinstance(text, datetime):
        return text.astimezone(THAI_TZ).date()
    if isinstance(text, date):
        return text
    if not isinstance(text, str):
        raise _not_text(text, "a date")
    cleaned = " ".join(arabic_digits(text).split())
    if match := _ISO.match(cleaned):
        return date(ce_year(int(match[1])), int(match[2]), int(match[3]))
    if match := _WORDS.match(cleaned):
        month = _month_number(match[2])
        if month is not None:
            return date(ce_year(int(match[3])), month, int(match[1]))
    if match := _NUMERIC.match(cleaned):
        return date(ce_year(int(match[3])), int(match[2]), int(match[1]))
    msg = f"not a date: {text!r} (write e.g. '1 ตุลาคม 2566', '1 October 2566' or '2023-10-01')"
    raise ValueError(msg)


def parse_datetime(text: str | datetime) -> datetime:
    """Read an instant: ISO 8601 (Thai time when no zone is given; a year from 2400 up is
    Buddhist Era), or a date as :func:`parse_date` reads it (midnight Thai time)."""
    if isinstance(text, datetime):
        if text.tzinfo is None:
            msg = "a naive datetime has no zone"
            raise ValueError(msg)
        return text.astimezone(UTC)
    if not isinstance(text, str):
        raise _not_text(text, "a date and time")
    cleaned = arabic_digits(text).strip()
    if (year := re.match(r"^(\d{4})-", cleaned)) and int(year[1]) >= _BE_THRESHOLD:
        cleaned = f"{ce_year(int(year[1])):04d}{cleaned[4:]}"
    try:
        moment = datetime.fromisoformat(cleaned)
    except ValueError:
        return start_of_day_utc(parse_date(cleaned))
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=THAI_TZ)
    return moment.astimezone(UTC)


__all__ = [
    "BE_OFFSET",
    "EARLIEST_DAY",
    "LATEST_DAY",
    "PERIOD_MONTHS",
    "THAI_TZ",
    "add_months",
    "arabic_digits",
    "be_year",
    "ce_year",
    "english_date",
    "fiscal_periods",
    "fiscal_year",
    "fiscal_year_bounds",
    "fiscal_year_span_utc",
    "parse_date",
    "parse_datetime",
    "parse_decimal",
    "parse_int",
    "period_labels",
    "period_of",
    "sane_day",
    "sane_fiscal_year",
    "start_of_day_utc",
    "thai_date",
    "thai_datetime",
    "thai_day",
    "thai_digits",
    "working_days_between",
]
