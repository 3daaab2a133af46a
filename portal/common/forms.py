"""Forms that more than one app asks staff to fill in."""

from django import forms
from django.utils.translation import gettext_lazy as _

from portal.common.text import TextFormMixin


def reason_form(*, help_text, max_length, rows, cols=None):
    """The form for the reason of a staff decision that is sent to whom it concerns.

    Each decision says where its reason goes (`help_text`), how long it may be and
    how large its text area is.
    """
    attrs = {"rows": rows} if cols is None else {"rows": rows, "cols": cols}
    reason = forms.CharField(
        label=_("Reason"),
        max_length=max_length,
        widget=forms.Textarea(attrs=attrs),
        help_text=help_text,
    )
    return type(
        "ReasonForm",
        (TextFormMixin, forms.Form),
        {"__doc__": reason_form.__doc__.splitlines()[0], "__module__": __name__, "reason": reason},
    )
