"""Forms of the directory's staff pages."""

from django.utils.translation import gettext_lazy as _

from portal.common.forms import reason_form

# Why staff reject a member's proposed changes to their organisation.
RevisionRejectForm = reason_form(
    help_text=_("Sent to the proposer by e-mail, in their language."), max_length=4000, rows=5
)
