"""Offers as the admin exports them (portal/common/exports.py): no personal data.

The texts: the title in every language (to see at a glance which are missing),
and the summary and description in the source language, Polish and English.
"""

from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from import_export.fields import Field

from offers.models import Offer
from portal.common import exports
from portal.common.languages import LANGUAGE_CODES


def _in_source_language(name):
    return Field(
        column_name=format_lazy(
            _("{field} (source language)"), field=exports.verbose_name(Offer, name)
        ),
        readonly=True,
    )


class OfferResource(exports.StaffResource):
    id = Field(attribute="pk", column_name="ID", readonly=True)
    reference = exports.column(Offer, "reference")
    organisation = Field(
        attribute="organisation__name",
        column_name=exports.verbose_name(Offer, "organisation"),
        readonly=True,
    )
    kind = exports.display_column(Offer, "kind")
    cooperation_types = Field(
        column_name=exports.verbose_name(Offer, "cooperation_types"), readonly=True
    )
    status = exports.display_column(Offer, "status")
    source_language = exports.column(Offer, "source_language")
    title = _in_source_language("title")
    summary = _in_source_language("summary")
    description = _in_source_language("description")
    clusters = Field(column_name=exports.verbose_name(Offer, "clusters"), readonly=True)
    target_countries = Field(
        column_name=exports.verbose_name(Offer, "target_countries"), readonly=True
    )
    keywords = exports.column(Offer, "keywords")
    is_anonymous = exports.boolean_column(Offer, "is_anonymous")
    open_for_interest = exports.boolean_column(Offer, "open_for_interest")
    published_at = exports.datetime_column(Offer, "published_at")
    expires_at = exports.datetime_column(Offer, "expires_at")
    renewed_at = exports.datetime_column(Offer, "renewed_at")
    created_at = exports.datetime_column(Offer, "created_at")
    # Then title_pl, title_en, ... (in __init__), and the summary and description
    # in Polish and English.

    display_name = _("Co-operation offers")

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        for code in LANGUAGE_CODES:
            self.fields[f"title_{code}"] = exports.column(Offer, f"title_{code}")
        for name in ["summary", "description"]:
            for code in ["pl", "en"]:
                self.fields[f"{name}_{code}"] = exports.column(Offer, f"{name}_{code}")

    def filter_export(self, queryset, **kwargs):
        return queryset.select_related("organisation").prefetch_related("clusters")

    def dehydrate_cooperation_types(self, offer):
        return exports.names(offer.get_cooperation_types_display())

    def dehydrate_title(self, offer):
        return offer.text("title", offer.source_language)

    def dehydrate_summary(self, offer):
        return offer.text("summary", offer.source_language)

    def dehydrate_description(self, offer):
        return offer.text("description", offer.source_language)

    def dehydrate_clusters(self, offer):
        return exports.names(offer.clusters.all())

    def dehydrate_target_countries(self, offer):
        return exports.names(countries.name(country.code) for country in offer.target_countries)
