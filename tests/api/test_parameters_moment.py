"""Times with an offset PostgreSQL would refuse (beyond ±15:59) are converted to UTC first."""

import datetime

import pytest
from pydantic import TypeAdapter, ValidationError

from ordito.api.parameters import Moment

MOMENT = TypeAdapter(Moment)


def test_a_time_with_a_far_offset_arrives_in_utc():
    moment = MOMENT.validate_python("0153-11-02T07:31:54-20:30")
    assert moment == datetime.datetime(153, 11, 3, 4, 1, 54, tzinfo=datetime.UTC)
    assert moment.utcoffset() == datetime.timedelta(0)


def test_a_time_that_leaves_the_calendar_in_utc_is_refused():
    with pytest.raises(ValidationError, match="out of the range of dates"):
        MOMENT.validate_python("0001-01-01T01:00:00+05:00")


def test_a_time_without_an_offset_is_refused():
    with pytest.raises(ValidationError, match="timezone"):
        MOMENT.validate_python("2026-12-05T10:00:00")
