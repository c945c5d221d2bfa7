"""Thai calendars: Buddhist Era, fiscal years, Thai digits and dates as people write them."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from integrity_flows.calendars import (
    THAI_TZ,
    arabic_digits,
    be_year,
    ce_year,
    english_date,
    fiscal_year,
    fiscal_year_bounds,
    fiscal_year_span_utc,
    parse_date,
    parse_datetime,
    parse_decimal,
    parse_int,
    start_of_day_utc,
    thai_date,
    thai_datetime,
    thai_digits,
)


def test_buddhist_era_conversion() -> None:
    """B.E. is C.E. + 543, and a year above 2400 is read as B.E."""
    assert be_year(2023) == 2566
    assert ce_year(2566) == 2023
    assert ce_year(2023) == 2023
    assert ce_year(be_year(1999)) == 1999


@pytest.mark.parametrize(
    ("day", "fy"),
    [
        (date(2023, 9, 30), 2566),
        (date(2023, 10, 1), 2567),
        (date(2024, 1, 1), 2567),
        (date(2024, 9, 30), 2567),
        (date(2024, 10, 1), 2568),
    ],
)
def test_fiscal_year_boundaries(day: date, fy: int) -> None:
    """The fiscal year changes between 30 September and 1 October."""
    assert fiscal_year(day) == fy


def test_fiscal_year_of_an_instant_is_read_in_thai_time() -> None:
    """30 Sep 17:00 UTC is already 1 Oct in Thailand, so it is in the next fiscal year."""
    assert fiscal_year(datetime(2023, 9, 30, 16, 59, tzinfo=UTC)) == 2566
    assert fiscal_year(datetime(2023, 9, 30, 17, 0, tzinfo=UTC)) == 2567


def test_fiscal_year_bounds_and_span() -> None:
    """Fiscal year 2567 runs 1 Oct 2023 - 30 Sep 2024; its UTC span starts at Thai midnight."""
    assert fiscal_year_bounds(2567) == (date(2023, 10, 1), date(2024, 9, 30))
    start, end = fiscal_year_span_utc(2567)
    assert start == datetime(2023, 9, 30, 17, 0, tzinfo=UTC)
    assert end == datetime(2024, 9, 30, 17, 0, tzinfo=UTC)
    assert start_of_day_utc(date(2023, 10, 1)) == start


def test_thai_digits_both_ways() -> None:
    """Thai digits convert to Arabic and back; other characters are kept."""
    assert arabic_digits("๑ ตุลาคม ๒๕๖๖") == "1 ตุลาคม 2566"
    assert thai_digits("1 ตุลาคม 2566") == "๑ ตุลาคม ๒๕๖๖"
    assert arabic_digits(thai_digits("0123456789")) == "0123456789"


def test_numbers_read_with_thai_digits() -> None:
    """Whole numbers and amounts may use Thai digits, commas and 'บาท'."""
    assert parse_int("๑,๒๓๔") == 1234
    assert parse_int(" 42 ") == 42
    assert parse_int(7) == 7
    assert parse_decimal("๑,๒๕๐.๕๐ บาท") == Decimal("1250.50")
    assert parse_decimal(3) == Decimal(3)


@pytest.mark.parametrize("text", ["", "12a", "๑.๕", "one"])
def test_bad_whole_numbers_are_refused(text: str) -> None:
    """Text that is not a whole number raises ValueError."""
    with pytest.raises(ValueError, match="not a whole number"):
        parse_int(text)


def test_bad_amount_is_refused() -> None:
    """Text that is not a number raises ValueError."""
    with pytest.raises(ValueError, match="not a number"):
        parse_decimal("สองร้อย")


@pytest.mark.parametrize(
    "text",
    [
        "2023-10-01",
        "1 October 2566",
        "1 october 2566",
        "1 Oct 2566",
        "1 October B.E. 2566",
        "1 October 2023",
        "๑ ตุลาคม ๒๕๖๖",
        "1 ตุลาคม 2566",
        "วันที่ 1 ตุลาคม พ.ศ. 2566",
        "1 ต.ค. 2566",
        "1 ต.ค. ๒๕๖๖",
        "1/10/2566",
        "01/10/2566",
        "๑/๑๐/๒๕๖๖",
        "  1   October   2566 ",
    ],
)
def test_parse_date_forms(text: str) -> None:
    """Every accepted way of writing 1 October 2566 gives the same date."""
    assert parse_date(text) == date(2023, 10, 1)


def test_parse_date_passes_dates_through() -> None:
    """A date is returned as is; a datetime gives its Thai calendar day."""
    assert parse_date(date(2024, 2, 29)) == date(2024, 2, 29)
    assert parse_date(datetime(2023, 9, 30, 18, 0, tzinfo=UTC)) == date(2023, 10, 1)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "tomorrow",
        "1 Octember 2566",
        "32 ตุลาคม 2566",
        "29 กุมภาพันธ์ 2566",  # 2023 is not a leap year
        "2023-13-01",
        "1/13/2566",
        "1-10-2566",
        "ตุลาคม 2566",
    ],
)
def test_parse_date_bad_input(text: str) -> None:
    """Text that is not a real date raises ValueError."""
    with pytest.raises(ValueError):  # noqa: PT011 - the message depends on what is wrong
        parse_date(text)


def test_parse_date_error_shows_how_to_write_a_date() -> None:
    """The error for unreadable text gives examples of accepted forms."""
    with pytest.raises(ValueError, match="1 ตุลาคม 2566"):
        parse_date("next week")


def test_parse_datetime() -> None:
    """An ISO instant keeps its zone, a naive one is Thai time, a date is Thai midnight."""
    assert parse_datetime("2023-10-01T10:00:00+07:00") == datetime(2023, 10, 1, 3, tzinfo=UTC)
    assert parse_datetime("2023-10-01T10:00:00") == datetime(2023, 10, 1, 3, tzinfo=UTC)
    assert parse_datetime("๑ ตุลาคม ๒๕๖๖") == datetime(2023, 9, 30, 17, tzinfo=UTC)
    with pytest.raises(ValueError, match="naive"):
        parse_datetime(datetime(2023, 10, 1))  # a naive datetime on purpose


def test_dates_shown_in_buddhist_era() -> None:
    """Dates are shown in Thai and English with the B.E. year; instants in Thai time."""
    assert thai_date(date(2023, 10, 1)) == "๑ ตุลาคม ๒๕๖๖"
    assert thai_date(date(2023, 10, 1), digits=False) == "1 ตุลาคม 2566"
    assert english_date(date(2023, 10, 1)) == "1 October B.E. 2566"
    moment = datetime(2023, 10, 1, 2, 30, tzinfo=UTC)
    assert thai_datetime(moment) == "1 ต.ค. 2566 09:30"
    assert thai_date(moment.astimezone(THAI_TZ)) == "๑ ตุลาคม ๒๕๖๖"


def test_round_trip_of_shown_dates() -> None:
    """What thai_date and english_date print, parse_date reads back."""
    for day in (date(2023, 10, 1), date(2024, 2, 29), date(2026, 12, 31)):
        assert parse_date(thai_date(day)) == day
        assert parse_date(english_date(day)) == day


def test_decimal_refuses_what_is_not_a_finite_number() -> None:
    """NaN and infinities are not amounts of baht."""
    import pytest

    from integrity_flows.calendars import parse_decimal

    for value in ("NaN", "Infinity", "-inf", float("nan")):
        with pytest.raises(ValueError, match="finite"):
            parse_decimal(value)
