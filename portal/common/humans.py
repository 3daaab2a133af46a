"""Telling people from robots on public forms, without third-party scripts.

Every form page carries a signed render time and a honeypot field hidden from
people and assistive technology (template includes/human_check.html). A form
posted sooner than a person could, a day later, or with the honeypot filled is
answered with a polite message, and what was typed is kept. Every public form
is also rate-limited (django-ratelimit): past its rate the portal answers with
its 429 page.

Rate limits count in the cache (Redis in production). When the cache does not
answer, they fail open: the form does its work as if under its rate, and a
warning naming the rate-limit group goes to the log, so that an outage of the
cache never costs a firm or a partner what they sent.
"""

import logging
import time

from django.conf import settings
from django.contrib import messages
from django.core import signing
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _
from django_ratelimit.core import is_ratelimited
from django_ratelimit.exceptions import Ratelimited

from portal.common import signed

logger = logging.getLogger(__name__)

RENDERED_FIELD = "rendered"
HONEYPOT_FIELD = "fax_number"
RENDERED_SALT = "portal.rendered"
FIELDS = {RENDERED_FIELD, HONEYPOT_FIELD}


def rendered_token():
    return signing.dumps(time.time(), salt=RENDERED_SALT)


def context():
    """What includes/human_check.html needs."""
    return {
        "rendered_token": rendered_token(),
        "honeypot_field": HONEYPOT_FIELD,
        "rendered_field": RENDERED_FIELD,
    }


def human_check(data):
    """A polite refusal when posted data look sent by a robot, or None."""
    if data.get(HONEYPOT_FIELD):
        return _(
            "We could not accept this page. Please check your answers and press the button again."
        )
    try:
        rendered = signed.load(
            data.get(RENDERED_FIELD, ""), salt=RENDERED_SALT, shape=signed.NUMBER
        )
    except (signed.Invalid, signed.Expired):
        rendered = None
    if rendered is None or time.time() - rendered < settings.FORM_MIN_SECONDS:
        return _(
            "That was quicker than we expected. Please check your answers and press "
            "the button again."
        )
    if time.time() - rendered > settings.FORM_MAX_PAGE_AGE_HOURS * 3600:
        return _(
            "This page was open for a long time. Please check your answers and press "
            "the button again."
        )
    return None


def ratelimit(request, *, group, rate, key="ip"):
    """Count one use of `group` by `key`; past `rate` raise Ratelimited (the 429 page).

    With the cache down the use is not counted and the request goes on (fail open).
    """
    try:
        limited = is_ratelimited(request, group=group, key=key, rate=rate, increment=True)
    except ImproperlyConfigured:
        raise
    except Exception:
        # Whatever the cache's client raises when its server is gone (redis,
        # socket and OS errors alike): the form must still work.
        logger.warning(
            "Rate limit %s not counted: the cache does not answer; the request goes on.",
            group,
            exc_info=True,
        )
        return
    if limited:
        raise Ratelimited


class HumanCheckedFormMixin:
    """A FormView whose posts are rate-limited per client address and checked for robots.

    A post that fails the check shows the form again, as typed, with the message.
    """

    ratelimit_group = ""
    ratelimit_rate = ""

    def get_context_data(self, **kwargs):
        return super().get_context_data(**context(), **kwargs)

    def post(self, request, *args, **kwargs):
        ratelimit(request, group=self.ratelimit_group, rate=self.ratelimit_rate)
        problem = human_check(request.POST)
        if problem:
            form = self.get_form()
            form.is_valid()
            messages.warning(request, problem)
            return self.render_to_response(self.get_context_data(form=form))
        return super().post(request, *args, **kwargs)
