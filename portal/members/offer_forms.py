"""The forms of a member's offers and of the expressions of interest they received.

They check what was typed; offers/services writes it.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from companies.models import Activity, Cluster
from offers.models import ExpressionOfInterest
from portal.common.text import TextFormMixin
from questionnaire.forms import OfferForm as QuestionnaireOfferForm


class OfferForm(QuestionnaireOfferForm):
    """An offer as the questionnaire asks for it, with what the office's admin adds.

    Its fields are named as offers/services/edits.py EDITABLE_FIELDS names them,
    so that `cleaned_data` is the services' `changes` as it stands.
    """

    clusters = forms.ModelMultipleChoiceField(
        label=_("Clusters"),
        queryset=Cluster.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    activities = forms.ModelMultipleChoiceField(
        label=_("NACE activities"),
        queryset=Activity.objects.filter(level=Activity.Level.CLASS).order_by("code"),
        widget=forms.SelectMultiple(attrs={"size": 6}),
        help_text=_("Hold Ctrl (or ⌘) to choose more than one."),
        required=False,
    )
    keywords = forms.CharField(
        label=_("Keywords"),
        max_length=300,
        required=False,
        help_text=_("Words partners may search for, separated by commas."),
    )
    open_for_interest = forms.BooleanField(
        label=_("Partners may express interest in this offer"),
        required=False,
        initial=True,
    )
    is_anonymous = forms.BooleanField(
        label=_("Publish without the organisation's name"),
        required=False,
        help_text=_("Partners see only the country, cluster and size; the office brokers contact."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].required = True


class OutcomeForm(TextFormMixin, forms.Form):
    """What came of an expression of interest, so far."""

    outcome = forms.ChoiceField(
        label=_("Outcome"),
        choices=[("", "---------"), *ExpressionOfInterest.Outcome.choices],
    )
