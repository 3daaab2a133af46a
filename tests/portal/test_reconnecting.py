"""Waiting out a database that is away: pauses that double, and a limit for daily jobs."""

import logging
import time

import pytest
from django.db import OperationalError

from portal.common.database import DAILY_ATTEMPTS, reconnecting


def test_a_daily_step_gives_up_after_its_attempts_with_doubling_pauses(monkeypatch, caplog):
    pauses, runs = [], []
    monkeypatch.setattr(time, "sleep", pauses.append)

    def work():
        runs.append(1)
        raise OperationalError("the database system is starting up")

    with caplog.at_level(logging.WARNING), pytest.raises(OperationalError):
        reconnecting(work, what="offer_alerts: digests", attempts=DAILY_ATTEMPTS)

    assert len(runs) == DAILY_ATTEMPTS == 8
    assert pauses == [1, 2, 4, 8, 16, 32, 60]
    assert caplog.records[0].getMessage() == (
        "offer_alerts: digests: the database does not answer "
        "(the database system is starting up); trying again in 1 s."
    )
    assert caplog.records[-1].levelno == logging.ERROR


def test_work_that_succeeds_after_an_outage_gives_its_result(monkeypatch):
    monkeypatch.setattr(time, "sleep", lambda seconds: None)
    answers = iter([OperationalError("gone"), OperationalError("gone"), 42])

    def work():
        answer = next(answers)
        if isinstance(answer, Exception):
            raise answer
        return answer

    assert reconnecting(work, what="test") == 42
