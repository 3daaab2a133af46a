"""Organisations as the admin exports them (portal/common/exports.py).

The contact persons' names, e-mail addresses and phone numbers are personal data:
they are in `OrganisationWithContactsResource`, for those who may view contact
persons, and in no column of `OrganisationResource`.
"""

from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from import_export.fields import Field

from companies.models import ContactPerson, Organisation
from portal.common import exports


def _country_names(codes):
    return exports.names(countries.name(code) for code in codes)


class OrganisationResource(exports.StaffResource):
    id = Field(attribute="pk", column_name="ID", readonly=True)
    name = exports.column(Organisation, "name")
    kind = exports.display_column(Organisation, "kind")
    legal_form = exports.column(Organisation, "legal_form")
    nip = exports.column(Organisation, "nip")
    regon = exports.column(Organisation, "regon")
    krs = exports.column(Organisation, "krs")
    vat_id = exports.column(Organisation, "vat_id")
    country = exports.column(Organisation, "country")
    region = exports.column(Organisation, "region")
    town = exports.column(Organisation, "town")
    street_address = exports.column(Organisation, "street_address")
    postal_code = exports.column(Organisation, "postal_code")
    website = exports.column(Organisation, "website")
    email = exports.column(Organisation, "email")
    phone = exports.column(Organisation, "phone")
    size_class = exports.display_column(Organisation, "size_class")
    employees = exports.number_column(Organisation, "employees")
    founded_year = exports.number_column(Organisation, "founded_year")
    clusters = Field(column_name=exports.verbose_name(Organisation, "clusters"), readonly=True)
    activities = Field(column_name=exports.verbose_name(Organisation, "activities"), readonly=True)
    certifications = Field(
        column_name=exports.verbose_name(Organisation, "certifications"), readonly=True
    )
    export_markets = Field(
        column_name=exports.verbose_name(Organisation, "export_markets"), readonly=True
    )
    languages_spoken = exports.column(Organisation, "languages_spoken")
    # In Polish, the source language of most content, and in English, which
    # partners abroad read.
    description_pl = exports.column(Organisation, "description_pl")
    description_en = exports.column(Organisation, "description_en")
    products_pl = exports.column(Organisation, "products_pl")
    products_en = exports.column(Organisation, "products_en")
    is_published = exports.boolean_column(Organisation, "is_published")
    created_at = exports.datetime_column(Organisation, "created_at")
    updated_at = exports.datetime_column(Organisation, "updated_at")

    display_name = _("Organisations")

    def filter_export(self, queryset, **kwargs):
        return queryset.prefetch_related("clusters", "activities", "certifications")

    def dehydrate_country(self, organisation):
        return organisation.country.name

    def dehydrate_phone(self, organisation):
        return str(organisation.phone or "")

    def dehydrate_clusters(self, organisation):
        return exports.names(organisation.clusters.all())

    def dehydrate_activities(self, organisation):
        return exports.names(activity.code for activity in organisation.activities.all())

    def dehydrate_certifications(self, organisation):
        return exports.names(organisation.certifications.all())

    def dehydrate_export_markets(self, organisation):
        return _country_names(country.code for country in organisation.export_markets)


def _contacts_column(name):
    return Field(
        column_name=format_lazy(
            _("Contact persons: {field}"), field=ContactPerson._meta.get_field(name).verbose_name
        ),
        readonly=True,
    )


class OrganisationWithContactsResource(OrganisationResource):
    """And its contact persons, one value each in every contact column."""

    contact_names = Field(column_name=_("Contact persons"), readonly=True)
    contact_job_titles = _contacts_column("job_title")
    contact_emails = _contacts_column("email")
    contact_phones = _contacts_column("phone")
    contact_publication_consents = _contacts_column("publication_consent")

    display_name = _("Organisations with their contact persons")

    def filter_export(self, queryset, **kwargs):
        return super().filter_export(queryset, **kwargs).prefetch_related("contacts")

    def dehydrate_contact_names(self, organisation):
        return exports.names(organisation.contacts.all())

    def dehydrate_contact_job_titles(self, organisation):
        return exports.names(contact.job_title for contact in organisation.contacts.all())

    def dehydrate_contact_emails(self, organisation):
        return exports.names(contact.email for contact in organisation.contacts.all())

    def dehydrate_contact_phones(self, organisation):
        return exports.names(contact.phone or "" for contact in organisation.contacts.all())

    def dehydrate_contact_publication_consents(self, organisation):
        return exports.names(
            exports.yes_no(contact.publication_consent) for contact in organisation.contacts.all()
        )
