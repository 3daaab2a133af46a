"""Edits of published offers in the admin: compare, then accept or reject with a reason.

Firms propose the edits (offers/services/edits.py); nobody adds or changes one
here. Moderators open the list (pending first), compare each field's current and
proposed value on a revision's page and decide with its buttons, which call the
services. Registered by importing this module from offers/admin.py.
"""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Case, IntegerField, Value, When
from django.http import HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.template.defaultfilters import yesno
from django.urls import path
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from companies.models import Activity, Cluster
from offers.models import TRANSLATED_FIELDS, Offer, OfferRevision
from offers.services import edits
from portal.common.forms import reason_form

RevisionStatus = OfferRevision.Status
MODERATE_PERMISSION = "offers.moderate_offer"

# The reason the firm is told when its edit is rejected.
RejectEditForm = reason_form(
    help_text=_("Kept with the edit and e-mailed to the organisation."),
    max_length=2000,
    rows=4,
    cols=60,
)


def _shown(name, value, names):
    """A value of `editable_values` as staff read it."""
    if name == "kind":
        return Offer.Kind(value).label if value in Offer.Kind.values else value
    if name == "cooperation_types":
        labels = dict(Offer.CooperationType.choices)
        return ", ".join(str(labels.get(item, item)) for item in value)
    if name == "target_countries":
        return ", ".join(str(countries.name(code)) or code for code in value)
    if name in {"open_for_interest", "is_anonymous"}:
        return yesno(value)
    if name in {"clusters", "activities"}:
        return ", ".join(sorted(names[name][pk] for pk in value if pk in names[name]))
    return value


def comparison(revision):
    """For each editable field: (label, current value, proposed value, changed)."""
    current = edits.editable_values(revision.offer)
    proposed = edits.editable_values(revision)
    clusters = current["clusters"] | proposed["clusters"]
    activities = current["activities"] | proposed["activities"]
    names = {
        "clusters": {
            cluster.pk: str(cluster) for cluster in Cluster.objects.filter(pk__in=clusters)
        },
        "activities": {
            activity.pk: str(activity) for activity in Activity.objects.filter(pk__in=activities)
        },
    }
    return [
        (
            capfirst(Offer._meta.get_field(name).verbose_name),
            _shown(name, current[name], names),
            _shown(name, proposed[name], names),
            current[name] != proposed[name],
        )
        for name in edits.EDITABLE_FIELDS
    ]


@admin.register(OfferRevision)
class OfferRevisionAdmin(admin.ModelAdmin):
    list_display = ["offer", "status", "proposed_by", "proposed_at", "decided_by", "decided_at"]
    list_filter = ["status", "proposed_at"]
    list_select_related = ["offer", "proposed_by", "decided_by"]
    search_fields = ["offer__reference"]
    date_hierarchy = "proposed_at"
    change_form_template = "admin/offers/offerrevision/change_form.html"
    readonly_fields = [
        "offer",
        "status",
        "language",
        "proposed_by",
        "proposed_at",
        "decided_by",
        "decided_at",
        "reason",
    ]
    fields = readonly_fields

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("offer", "proposed_by", "decided_by")

    def get_ordering(self, request):
        # Those awaiting a decision first, then the newest.
        waiting = Case(
            When(status=RevisionStatus.PENDING, then=Value(0)),
            default=Value(1),
            output_field=IntegerField(),
        )
        return [waiting.asc(), "-proposed_at", "-pk"]

    # Firms propose them; staff decide, and nobody edits one.

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_moderate_permission(self, request):
        return self.has_view_permission(request) and request.user.has_perm(MODERATE_PERMISSION)

    def get_urls(self):
        return [
            path(
                "<int:pk>/accept/",
                self.admin_site.admin_view(self.accept_view),
                name="offers_offerrevision_accept",
            ),
            path(
                "<int:pk>/reject/",
                self.admin_site.admin_view(self.reject_view),
                name="offers_offerrevision_reject",
            ),
            *super().get_urls(),
        ]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        revision = self.get_object(request, object_id)
        extra = {}
        if revision is not None:
            extra = {
                "comparison": comparison(revision),
                "texts_language": revision.get_language_display(),
                "text_fields": TRANSLATED_FIELDS,
                "can_decide": self.has_moderate_permission(request)
                and revision.status == RevisionStatus.PENDING,
                "reject_form": RejectEditForm(),
            }
        return super().change_view(request, object_id, form_url, {**extra, **(extra_context or {})})

    def _decide(self, request, pk, decide, done):
        if not self.has_moderate_permission(request):
            raise PermissionDenied
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        revision = get_object_or_404(OfferRevision.objects.select_related("offer"), pk=pk)
        try:
            decide(revision)
        except edits.EditRefused as refusal:
            self.message_user(request, refusal.message, messages.ERROR)
            return redirect("admin:offers_offerrevision_change", pk)
        self.message_user(request, done % {"offer": revision.offer.reference}, messages.SUCCESS)
        return redirect("admin:offers_offerrevision_changelist")

    def accept_view(self, request, pk):
        return self._decide(
            request,
            pk,
            lambda revision: edits.offer_accept_edit(revision=revision, by=request.user),
            _("The edit of %(offer)s is accepted: the offer's page shows it now."),
        )

    def reject_view(self, request, pk):
        form = RejectEditForm(request.POST)
        asked = request.method == "POST" and self.has_moderate_permission(request)
        if asked and not form.is_valid():
            self.message_user(
                request,
                _("Give the reason for rejecting the edit (at most 2000 characters)."),
                messages.ERROR,
            )
            return redirect("admin:offers_offerrevision_change", pk)
        return self._decide(
            request,
            pk,
            lambda revision: edits.offer_reject_edit(
                revision=revision, by=request.user, reason=form.cleaned_data["reason"]
            ),
            _("The edit of %(offer)s is rejected; the organisation is told why."),
        )
