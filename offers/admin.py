"""Offers in the admin: moderation (publish, reject, renew) and translation states.

Status changes happen only through the actions, which call offers.services; the
form edits texts and metadata, and each save brings the per-language translation
states in line (`offer_sync_translations`).
"""

# Registers the expressions of interest and the edits of published offers.
from offers import admin_interest, admin_revisions  # noqa: F401

# isort: split
from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.text import capfirst, format_lazy
from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, pgettext_lazy
from modeltranslation.admin import TabbedTranslationAdmin

from offers import resources, selectors, services, tasks
from offers.models import TRANSLATED_FIELDS, Offer, OfferEvent, OfferRevision, OfferTranslation
from portal.common import machine_translation
from portal.common.exports import StaffExportMixin
from portal.common.forms import reason_form
from portal.common.history_admin import HistoryAdmin
from portal.common.languages import LANGUAGE_CODES
from portal.common.text import TextFormMixin
from portal.common.translation_queue import QueueFilter
from portal.common.translator_admin import TranslatorAdminMixin

Status = Offer.Status
State = OfferTranslation.State
LANGUAGE_NAMES = dict(settings.LANGUAGES)
MODERATE_PERMISSION = "offers.moderate_offer"

# One word per state, for the list column ("it: outdated").
STATE_WORDS = {
    State.SOURCE: pgettext_lazy("translation state", "source"),
    State.HUMAN: pgettext_lazy("translation state", "human"),
    State.MACHINE: pgettext_lazy("translation state", "machine"),
    State.OUTDATED: pgettext_lazy("translation state", "outdated"),
    State.MISSING: pgettext_lazy("translation state", "missing"),
}


def edited_languages(form, source_language):
    """Target languages whose translated texts the form changed."""
    changed = set(form.changed_data)
    return {
        code
        for code in LANGUAGE_CODES
        if code != source_language
        and changed.intersection(f"{field}_{code}" for field in TRANSLATED_FIELDS)
    }


def translation_state_filter(language):
    """A list filter on the state of one language's translation."""

    class TranslationStateFilter(admin.SimpleListFilter):
        title = format_lazy(_("translation state: {language}"), language=LANGUAGE_NAMES[language])
        parameter_name = f"translation_{language}"

        def lookups(self, request, model_admin):
            return State.choices

        def queryset(self, request, queryset):
            if self.value() not in State.values:
                return queryset
            return queryset.filter(
                translations__language=language, translations__state=self.value()
            )

    TranslationStateFilter.__name__ = f"TranslationStateFilter_{language}"
    return TranslationStateFilter


class ExpiringSoonFilter(admin.SimpleListFilter):
    """Published offers whose date falls within the next 14 days: to renew or let go."""

    title = _("expiry")
    parameter_name = "expires"

    def lookups(self, request, model_admin):
        return [("14d", _("within 14 days"))]

    def queryset(self, request, queryset):
        if self.value() != "14d":
            return queryset
        return queryset.filter(selectors.expiring_soon())


class TranslationQueueFilter(QueueFilter):
    """Offers published or awaiting publication whose text in one language awaits a
    translator (their states are kept in a table: offers/selectors.py)."""

    def waiting_for(self, language, state):
        waiting = selectors.translation_queue().filter(language=language, state=state)
        return waiting.values("offer")


class OfferAdminForm(TextFormMixin, forms.ModelForm):
    cooperation_types = forms.MultipleChoiceField(
        label=capfirst(Offer._meta.get_field("cooperation_types").verbose_name),
        choices=Offer.CooperationType.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = Offer
        # The admin's fieldsets choose the fields (with each language's texts).
        fields = ["organisation", "kind", "cooperation_types", "source_language"]

    def clean(self):
        cleaned_data = super().clean()
        language = (
            cleaned_data.get("source_language")
            if "source_language" in self.fields
            else self.instance.source_language  # a translator's form: only the texts
        )
        if language and not (cleaned_data.get(f"title_{language}") or "").strip():
            self.add_error(
                f"title_{language}" if f"title_{language}" in self.fields else None,
                _("Write the title in the source language (%(language)s).")
                % {"language": LANGUAGE_NAMES[language]},
            )
        return cleaned_data


# The reason of a moderation decision that the firm is told.
ReasonForm = reason_form(
    help_text=_("Kept with the offer's history and shown to the organisation."),
    max_length=2000,
    rows=4,
    cols=60,
)


class OfferEventInline(admin.TabularInline):
    """The status log: who, when, why. Written only by the services."""

    model = OfferEvent
    extra = 0
    can_delete = False
    fields = readonly_fields = ["at", "from_status", "to_status", "by", "reason"]
    verbose_name_plural = _("status history")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("by")

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm("offers.view_offer") or request.user.has_perm(
            "offers.change_offer"
        )

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Offer)
class OfferAdmin(StaffExportMixin, HistoryAdmin, TranslatorAdminMixin, TabbedTranslationAdmin):
    form = OfferAdminForm
    export_resource = resources.OfferResource
    translator_context = [
        "reference",
        "status",
        "kind",
        "source_language",
        "translation_state_list",
    ]
    translator_texts = TRANSLATED_FIELDS
    translation_links_box = False  # the state of the translations links the workspace
    list_display = [
        "reference",
        "source_title",
        "organisation",
        "kind",
        "status",
        "source_language",
        "translation_states",
        "expires_at",
    ]
    list_filter = [
        "status",
        ExpiringSoonFilter,
        TranslationQueueFilter,
        "kind",
        "source_language",
        "clusters",
        *(translation_state_filter(code) for code in LANGUAGE_CODES),
    ]
    search_fields = [
        "reference",
        "organisation__name",
        *(f"title_{code}" for code in LANGUAGE_CODES),
    ]
    list_select_related = ["organisation"]
    autocomplete_fields = ["organisation"]
    filter_horizontal = ["clusters", "activities"]
    readonly_fields = [
        "reference",
        "status",
        "pending_edit",
        "translation_state_list",
        "published_at",
        "expires_at",
        "renewed_at",
        "reminder_sent_at",
        "rejection_reason",
        "created_at",
        "updated_at",
    ]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "organisation",
                    "reference",
                    "status",
                    "pending_edit",
                    "kind",
                    "cooperation_types",
                    "is_anonymous",
                    "open_for_interest",
                ]
            },
        ),
        (
            _("Texts"),
            {
                "fields": [
                    "source_language",
                    "translation_state_list",
                    "title",
                    "summary",
                    "description",
                    "partner_sought",
                ]
            },
        ),
        (_("Audience"), {"fields": ["clusters", "activities", "target_countries", "keywords"]}),
        (
            _("Publication"),
            {
                "fields": [
                    "published_at",
                    "expires_at",
                    "renewed_at",
                    "reminder_sent_at",
                    "rejection_reason",
                    "created_at",
                    "updated_at",
                ]
            },
        ),
    ]
    inlines = [OfferEventInline]
    change_list_template = "admin/offers/offer/change_list.html"
    actions = [
        "publish_offers",
        "reject_offers",
        "request_changes_offers",
        "submit_offers",
        "renew_offers",
        "machine_translate_offers",
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("translations")

    # Columns and read-only fields.

    @admin.display(description=_("title"))
    def source_title(self, offer):
        return offer.text("title", offer.source_language)

    @admin.display(description=_("proposed edit"))
    def pending_edit(self, offer):
        """The firm's edit awaiting a decision, linked to the page that compares it."""
        revision = (
            OfferRevision.objects.filter(offer_id=offer.pk, status=OfferRevision.Status.PENDING)
            .only("pk", "proposed_at")
            .first()
            if offer.pk
            else None
        )
        if revision is None:
            return _("none")
        return format_html(
            '<a href="{}">{}</a>',
            reverse("admin:offers_offerrevision_change", args=[revision.pk]),
            _("proposed on %(date)s: compare it and decide")
            % {"date": date_format(localtime(revision.proposed_at), "SHORT_DATETIME_FORMAT")},
        )

    @admin.display(description=_("translations"))
    def translation_states(self, offer):
        states = {row.language: row.state for row in offer.translations.all()}
        return format_html_join(
            " · ",
            '<span class="translation-state translation-state-{}" title="{}">{}: {}</span>',
            (
                (state, LANGUAGE_NAMES[code], code, STATE_WORDS[state])
                for code, state in (
                    (code, states.get(code, State.MISSING)) for code in LANGUAGE_CODES
                )
            ),
        )

    @admin.display(description=_("state of the translations"))
    def translation_state_list(self, offer):
        if offer.pk is None:
            return _("Known once the offer is saved.")
        rows = {row.language: row for row in offer.translations.select_related("updated_by")}
        items = []
        for code in LANGUAGE_CODES:
            row = rows.get(code)
            state = row.state if row else State.MISSING
            details = ""
            if row and row.updated_by and state in {State.HUMAN, State.MACHINE, State.OUTDATED}:
                details = format_html(
                    " ({}, {})",
                    row.updated_by,
                    date_format(localtime(row.updated_at), "SHORT_DATETIME_FORMAT"),
                )
            items.append(
                (
                    code,
                    self.workspace_url(offer, code),
                    LANGUAGE_NAMES[code],
                    State(state).label,
                    STATE_WORDS[state],
                    details,
                )
            )
        return format_html(
            '<ul class="translation-states">{}</ul>',
            format_html_join(
                "",
                '<li data-language="{}"><a href="{}">{}</a>: <strong title="{}">{}</strong>{}</li>',
                items,
            ),
        )

    # Saving: the form writes texts, the service the translation states.

    def save_model(self, request, obj, form, change):
        if change:
            # Only what the form changed: the status and dates belong to the services,
            # which may have moved them since the form was opened.
            columns = {field.name for field in obj._meta.concrete_fields}
            changed = [name for name in form.changed_data if name in columns]
            if changed:
                obj.save(update_fields=[*changed, "updated_at"])
        else:
            services.offer_add(offer=obj, by=request.user)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        offer = form.instance
        services.offer_sync_translations(
            offer=offer,
            edited_languages=edited_languages(form, offer.source_language),
            by=request.user,
        )

    # Moderation actions.

    def has_moderate_permission(self, request):
        return request.user.has_perm(MODERATE_PERMISSION)

    def _moderate(self, request, queryset, change, refused_message, done_message, refusals):
        done = 0
        for offer in queryset.select_related("organisation").order_by("reference"):
            try:
                change(offer)
            except refusals:
                self.message_user(request, refused_message(offer), messages.ERROR)
            else:
                done += 1
        if done:
            self.message_user(request, done_message(done), messages.SUCCESS)

    @admin.action(description=_("Publish the selected offers"), permissions=["moderate"])
    def publish_offers(self, request, queryset):
        self._moderate(
            request,
            queryset,
            lambda offer: services.offer_publish(offer=offer, by=request.user),
            lambda offer: (
                _(
                    "%(offer)s cannot be published: its status is %(status)s. Only submitted "
                    "offers are published; an expired one can be renewed."
                )
                % {"offer": offer.reference, "status": offer.get_status_display()}
            ),
            lambda count: (
                ngettext(
                    "%(count)d offer published for 12 months.",
                    "%(count)d offers published for 12 months.",
                    count,
                )
                % {"count": count}
            ),
            services.TransitionError,
        )

    def _moderate_with_reason(
        self, request, queryset, *, change, page, refused_message, done_message
    ):
        """Ask for the reason on a page of its own, then `change(offer, reason)` each offer.

        `page` holds the page's title, action, introduction and button; the
        messages are `_moderate`'s.
        """
        form = ReasonForm(request.POST if "apply" in request.POST else None)
        if form.is_bound and form.is_valid():
            reason = form.cleaned_data["reason"]
            self._moderate(
                request,
                queryset,
                lambda offer: change(offer, reason),
                refused_message,
                done_message,
                services.TransitionError,
            )
            return None
        context = {
            **self.admin_site.each_context(request),
            **page,
            "opts": self.model._meta,
            "offers": queryset.select_related("organisation").order_by("reference"),
            "form": form,
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            "media": self.media,
        }
        return TemplateResponse(request, "admin/offers/offer/reject.html", context)

    @admin.action(
        description=_("Reject the selected offers (with a reason)"), permissions=["moderate"]
    )
    def reject_offers(self, request, queryset):
        return self._moderate_with_reason(
            request,
            queryset,
            change=lambda offer, reason: services.offer_reject(
                offer=offer, by=request.user, reason=reason
            ),
            page={
                "title": _("Reject offers"),
                "action": "reject_offers",
                "introduction": _(
                    "These offers will be rejected. The reason is kept in each offer's "
                    "history and e-mailed to the organisation."
                ),
                "button": _("Reject"),
            },
            refused_message=lambda offer: (
                _(
                    "%(offer)s cannot be rejected: its status is %(status)s. Only submitted "
                    "offers are rejected."
                )
                % {"offer": offer.reference, "status": offer.get_status_display()}
            ),
            done_message=lambda count: (
                ngettext("%(count)d offer rejected.", "%(count)d offers rejected.", count)
                % {"count": count}
            ),
        )

    @admin.action(
        description=_("Ask the firms for changes (with a reason)"), permissions=["moderate"]
    )
    def request_changes_offers(self, request, queryset):
        return self._moderate_with_reason(
            request,
            queryset,
            change=lambda offer, reason: services.offer_request_changes(
                offer=offer, by=request.user, reason=reason
            ),
            page={
                "title": _("Ask for changes in offers"),
                "action": "request_changes_offers",
                "introduction": _(
                    "These offers go back to drafts, and each organisation is e-mailed what "
                    "to change and asked to answer with the corrected texts. Once you have "
                    "corrected a draft, send it back to moderation."
                ),
                "button": _("Ask for changes"),
            },
            refused_message=lambda offer: (
                _(
                    "%(offer)s cannot be returned for changes: its status is %(status)s. Only "
                    "submitted offers are returned."
                )
                % {"offer": offer.reference, "status": offer.get_status_display()}
            ),
            done_message=lambda count: (
                ngettext(
                    "%(count)d offer returned to its firm for changes.",
                    "%(count)d offers returned to their firms for changes.",
                    count,
                )
                % {"count": count}
            ),
        )

    @admin.action(
        description=_("Send the selected drafts back to moderation"), permissions=["moderate"]
    )
    def submit_offers(self, request, queryset):
        self._moderate(
            request,
            queryset,
            lambda offer: services.offer_submit(offer=offer, by=request.user),
            lambda offer: (
                _(
                    "%(offer)s cannot be sent to moderation: its status is %(status)s. Only "
                    "drafts are."
                )
                % {"offer": offer.reference, "status": offer.get_status_display()}
            ),
            lambda count: (
                ngettext(
                    "%(count)d offer awaits publication.",
                    "%(count)d offers await publication.",
                    count,
                )
                % {"count": count}
            ),
            services.TransitionError,
        )

    @admin.action(
        description=_("Renew the selected offers for 12 months"), permissions=["moderate"]
    )
    def renew_offers(self, request, queryset):
        def refused(offer):
            if offer.renewed_at is not None:
                return _(
                    "%(offer)s cannot be renewed: it was renewed once already, on %(date)s."
                ) % {
                    "offer": offer.reference,
                    "date": date_format(localtime(offer.renewed_at), "SHORT_DATE_FORMAT"),
                }
            return _(
                "%(offer)s cannot be renewed: its status is %(status)s. Only published "
                "and expired offers are renewed."
            ) % {"offer": offer.reference, "status": offer.get_status_display()}

        self._moderate(
            request,
            queryset,
            lambda offer: services.offer_renew(offer=offer, by=request.user),
            refused,
            lambda count: (
                ngettext(
                    "%(count)d offer renewed for 12 months.",
                    "%(count)d offers renewed for 12 months.",
                    count,
                )
                % {"count": count}
            ),
            (services.RenewalRefused, services.TransitionError),
        )

    # Machine translation, in the background.

    @admin.action(
        description=_("Machine-translate missing and outdated languages"),
        permissions=["change"],
    )
    def machine_translate_offers(self, request, queryset):
        if not machine_translation.is_configured():
            self.message_user(
                request,
                _(
                    "No machine translation service is set up: ask the administrator to set "
                    "MACHINE_TRANSLATION_BACKEND."
                ),
                messages.ERROR,
            )
            return
        offer_ids = list(queryset.order_by("reference").values_list("pk", flat=True))
        result = tasks.translate_offers.enqueue(offer_ids)
        self.message_user(
            request,
            format_html(
                '{} <a href="{}">{}</a>',
                ngettext(
                    "Machine translation of %(count)d offer is queued; its drafts are marked "
                    "machine until a translator reviews them.",
                    "Machine translation of %(count)d offers is queued; their drafts are marked "
                    "machine until a translator reviews them.",
                    len(offer_ids),
                )
                % {"count": len(offer_ids)},
                reverse("admin:django_tasks_database_dbtaskresult_change", args=[result.id]),
                _("Task %(id)s: its progress and result") % {"id": result.id},
            ),
            messages.SUCCESS,
        )
