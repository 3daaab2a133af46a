"""Registrations as the admin exports them (portal/common/exports.py).

Without personal data: the event, the organisation's country and the state of
each registration, for counting. With it (staff who may read registrations):
who registered, how to reach them and what they need.
"""

from django.utils.translation import gettext_lazy as _
from import_export.fields import Field

from portal.common import exports
from portal.events.models import Registration


class RegistrationResource(exports.StaffResource):
    id = Field(attribute="pk", column_name="ID", readonly=True)
    event = Field(
        attribute="event__title",
        column_name=exports.verbose_name(Registration, "event"),
        readonly=True,
    )
    status = exports.display_column(Registration, "status")
    country = Field(column_name=exports.verbose_name(Registration, "country"), readonly=True)
    language = exports.column(Registration, "language")
    attended = Field(column_name=exports.verbose_name(Registration, "attended"), readonly=True)
    created_at = exports.datetime_column(Registration, "created_at")
    confirmed_at = exports.datetime_column(Registration, "confirmed_at")
    cancelled_at = exports.datetime_column(Registration, "cancelled_at")

    display_name = _("Registrations")

    def dehydrate_country(self, registration):
        return registration.country.name if registration.country else ""

    def dehydrate_attended(self, registration):
        return exports.yes_no(registration.attended)


class RegistrationWithPersonResource(RegistrationResource):
    name = exports.column(Registration, "name")
    organisation_name = exports.column(Registration, "organisation_name")
    email = exports.column(Registration, "email")
    phone = Field(column_name=exports.verbose_name(Registration, "phone"), readonly=True)
    needs = exports.column(Registration, "needs")

    display_name = _("Registrations with personal data")

    def dehydrate_phone(self, registration):
        return str(registration.phone) if registration.phone else ""
