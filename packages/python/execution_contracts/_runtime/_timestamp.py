"""The ``timestamp`` field type: an RFC 3339 date-time on the wire, a :class:`Timestamp` in Python."""

from __future__ import annotations

import dataclasses
import datetime
import math
import re
from typing import Final

__all__ = ["Timestamp"]

# Seconds from 1970-01-01 to 2001-01-01, Foundation's reference date. Swift's `Date` keeps a double of
# seconds since that date, so a time read from text is rounded as `(t - this) + this`; doing the same
# here keeps every comparison and every formatted fraction identical to Swift's.
_REFERENCE_DATE_OFFSET: Final = 978_307_200.0

_RFC3339: Final = re.compile(
    r"([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2}):([0-9]{2})"
    r"(?:\.([0-9]+))?(?:(Z)|([+-])([0-9]{2}):([0-9]{2}))\Z", re.ASCII)
_EPOCH: Final = datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc)


@dataclasses.dataclass(frozen=True, order=True, slots=True)
class Timestamp:
    """A point in time, as a ``timestamp`` field holds it (like protobuf's ``Timestamp``).

    It keeps exactly the double Swift's ``Date`` keeps, so rules compare timestamps and ``to_json``
    writes them as Swift does, and it covers every instant RFC 3339 text can name (years 0000 to 9999
    with any offset), which ``datetime`` cannot. Convert with :meth:`from_datetime` and
    :meth:`to_datetime`; parse and format with :meth:`parse` and :meth:`rfc3339`.
    """

    epoch_seconds: float
    """Seconds since 1970-01-01T00:00:00Z, as Swift's ``Date.timeIntervalSince1970`` reports them."""

    @classmethod
    def parse(cls, text: str) -> Timestamp | None:
        """The time ``text`` names, or None if it is not a strict RFC 3339 date-time.

        ``YYYY-MM-DDTHH:MM:SS``, optional fractional seconds (1 to 9 digits), then ``Z`` or ``±HH:MM``.
        Lowercase ``t``/``z``, spaces, leap seconds (``:60``) and every other form are refused.
        """
        match = _RFC3339.match(text)
        if match is None:
            return None
        year, month, day, hour, minute, second = (int(match.group(i)) for i in range(1, 7))
        if not (1 <= month <= 12 and 1 <= day <= _days_in(month, year) and hour <= 23 and minute <= 59
                and second <= 59):
            return None
        digits = match.group(7)
        fraction = 0.0
        if digits is not None:
            if len(digits) > 9:
                return None
            fraction = float("0." + digits)
        offset = 0
        if match.group(8) is None:
            offset_hour, offset_minute = int(match.group(10)), int(match.group(11))
            if offset_hour > 23 or offset_minute > 59:
                return None
            offset = (-1 if match.group(9) == "-" else 1) * (offset_hour * 3600 + offset_minute * 60)
        seconds = _days_from_civil(year, month, day) * 86_400 + hour * 3600 + minute * 60 + second - offset
        return cls._from_swift_interval(float(seconds) + fraction)

    @classmethod
    def from_datetime(cls, value: datetime.datetime) -> Timestamp:
        """The time of an aware ``datetime`` (a naive one is refused with ``ValueError``)."""
        if value.tzinfo is None or value.utcoffset() is None:
            raise ValueError("a Timestamp needs an aware datetime (with tzinfo), not a naive one")
        delta = value - _EPOCH
        whole = delta.days * 86_400 + delta.seconds
        # As Swift reads the same time written with its microseconds.
        return cls._from_swift_interval(float(whole) + delta.microseconds / 1_000_000)

    @classmethod
    def now(cls) -> Timestamp:
        """The current time."""
        return cls.from_datetime(datetime.datetime.now(datetime.timezone.utc))

    @classmethod
    def _from_swift_interval(cls, since_1970: float) -> Timestamp:
        """The timestamp Swift's ``Date(timeIntervalSince1970:)`` makes of ``since_1970``."""
        return cls((since_1970 - _REFERENCE_DATE_OFFSET) + _REFERENCE_DATE_OFFSET)

    def rfc3339(self) -> str:
        """The time in UTC as RFC 3339 text, with a fraction only when it has one: to the microsecond, or
        with up to nine digits when a finer time needs them to read back as the same time (trailing zeros
        dropped): ``2026-02-26T10:30:00.25Z``.

        Raises ``ValueError`` outside years 0000 to 9999, which RFC 3339 cannot write.
        """
        text = self._format()
        if text is None:
            raise ValueError(f"RFC 3339 can only express years 0000 to 9999, not {self.epoch_seconds} s since 1970")
        return text

    def to_datetime(self) -> datetime.datetime:
        """The time as an aware ``datetime`` in UTC, rounded to the microsecond (``ValueError`` outside
        the years ``datetime`` holds)."""
        micros = _rounded(self.epoch_seconds * 1_000_000)
        try:
            return _EPOCH + datetime.timedelta(microseconds=micros)
        except OverflowError as error:
            raise ValueError(f"{self} is outside the years datetime can hold") from error

    def __str__(self) -> str:
        text = self._format()
        return text if text is not None else f"<date outside RFC 3339's years 0000-9999: {self.epoch_seconds}s>"

    def _format(self) -> str | None:
        # As Swift's RFC3339Timestamp.format: the fewest fraction digits, six to nine, that parse back to
        # this very time (six when none does), from an exact split into whole seconds and remainder.
        interval = self.epoch_seconds
        if not math.isfinite(interval) or abs(interval) >= 4e11:
            return None
        whole = math.floor(interval)
        remainder = interval - whole  # exact for doubles below 2^52
        digits = 6
        seconds, fraction = _scaled(whole, remainder, 6)
        if not self._names(seconds, fraction, 6):
            for more in range(7, 10):
                candidate_seconds, candidate_fraction = _scaled(whole, remainder, more)
                if self._names(candidate_seconds, candidate_fraction, more):
                    seconds, fraction, digits = candidate_seconds, candidate_fraction, more
                    break
        days, second_of_day = divmod(seconds, 86_400)
        year, month, day = _civil_from_days(days)
        if not 0 <= year <= 9999:
            return None
        text = (f"{year:04d}-{month:02d}-{day:02d}T{second_of_day // 3600:02d}:{second_of_day // 60 % 60:02d}:"
                f"{second_of_day % 60:02d}")
        if fraction:
            text += "." + f"{fraction:0{digits}d}".rstrip("0")
        return text + "Z"

    def _names(self, seconds: int, fraction: int, digits: int) -> bool:
        """Whether text with these seconds and fraction digits parses back to this time (``float("0.ddd")``
        is the correctly rounded ``fraction / 10**digits``, which int division computes too)."""
        return Timestamp._from_swift_interval(float(seconds) + fraction / 10**digits).epoch_seconds == self.epoch_seconds


def _scaled(whole: int, remainder: float, digits: int) -> tuple[int, int]:
    """``whole + remainder`` as whole seconds and a ``digits``-digit fraction, rounded as Swift rounds,
    carrying into the seconds."""
    unit = 10**digits
    fraction = _rounded(remainder * unit)
    return (whole + 1, 0) if fraction == unit else (whole, fraction)


def _rounded(value: float) -> int:
    """``value`` rounded to the nearest integer, halfway cases away from zero (Swift's ``rounded()``)."""
    whole = math.floor(value)
    fraction = value - whole  # exact for doubles
    if fraction > 0.5 or (fraction == 0.5 and value >= 0):
        whole += 1
    return int(whole)


def _is_leap_year(year: int) -> bool:
    return (year % 4 == 0 and year % 100 != 0) or year % 400 == 0


def _days_in(month: int, year: int) -> int:
    if month == 2:
        return 29 if _is_leap_year(year) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def _days_from_civil(year: int, month: int, day: int) -> int:
    """Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm)."""
    y = year - 1 if month <= 2 else year
    era = y // 400  # floor division, which Swift's `(y >= 0 ? y : y - 399) / 400` computes
    year_of_era = y - era * 400
    day_of_year = (153 * (month + (-3 if month > 2 else 9)) + 2) // 5 + day - 1
    day_of_era = year_of_era * 365 + year_of_era // 4 - year_of_era // 100 + day_of_year
    return era * 146_097 + day_of_era - 719_468


def _civil_from_days(days: int) -> tuple[int, int, int]:
    """The proleptic Gregorian date ``days`` after 1970-01-01."""
    z = days + 719_468
    era = z // 146_097
    day_of_era = z - era * 146_097
    year_of_era = (day_of_era - day_of_era // 1460 + day_of_era // 36_524 - day_of_era // 146_096) // 365
    day_of_year = day_of_era - (365 * year_of_era + year_of_era // 4 - year_of_era // 100)
    mp = (5 * day_of_year + 2) // 153
    day = day_of_year - (153 * mp + 2) // 5 + 1
    month = mp + 3 if mp < 10 else mp - 9
    return year_of_era + era * 400 + (1 if month <= 2 else 0), month, day
