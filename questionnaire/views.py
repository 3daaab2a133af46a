"""The intake questionnaire: six steps, then a confirmation by e-mail."""

import uuid

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import SuspiciousOperation
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.generic import FormView
from formtools.wizard.views import NamedUrlSessionWizardView

from portal.common import humans
from portal.common.request_size import accepts_uploads
from questionnaire import forms, links, services
from questionnaire.answers import answers_from_steps
from questionnaire.models import Draft, SurveyQuestion
from questionnaire.summary import describe_step
from questionnaire.uploads import PrivateUploads, QuestionnaireStorage

STEPS = [
    ("organisation", forms.OrganisationForm),
    ("activity", forms.ActivityForm),
    ("offers", forms.OfferFormSet),
    ("survey", forms.SurveyForm),
    ("contact", forms.ContactForm),
    ("review", forms.ReviewForm),
]
STEP_TITLES = {
    "organisation": _("Organisation"),
    "activity": _("Activity"),
    "offers": _("Co-operation offers"),
    "survey": _("Survey"),
    "contact": _("Contact and consent"),
    "review": _("Review and send"),
}
STORAGE_PREFIX = "questionnaire"
# The questionnaire last sent from this browser: {"key": ..., "email": ...}. Kept
# apart from the wizard's state, so that a reload or a second press of "Send" after
# the state was reset still finds it.
SENT_SESSION_KEY = "questionnaire_sent"
# Fields of every step that are not answers.
NOT_ANSWERS = {
    "csrfmiddlewaretoken",
    *humans.FIELDS,
    "wizard_save",
    "wizard_goto_step",
}


def wizard_storage(request):
    return QuestionnaireStorage(STORAGE_PREFIX, request, PrivateUploads())


def _ratelimit(request, *, group, rate_name, key="ip"):
    humans.ratelimit(
        request,
        group=f"questionnaire.{group}",
        rate=settings.QUESTIONNAIRE_RATES[rate_name],
        key=key,
    )


class QuestionnaireWizard(NamedUrlSessionWizardView):
    form_list = STEPS
    file_storage = PrivateUploads()
    storage_name = "questionnaire.uploads.QuestionnaireStorage"

    def get_prefix(self, request, *args, **kwargs):
        return STORAGE_PREFIX

    def get_template_names(self):
        if self.steps.current == "review":
            return ["questionnaire/review.html"]
        return ["questionnaire/step.html"]

    @cached_property
    def survey_questions(self):
        return list(SurveyQuestion.objects.filter(is_active=True).prefetch_related("choices"))

    def get_form_kwargs(self, step=None):
        if step == "survey":
            return {"questions": self.survey_questions}
        return {}

    def get_form_step_data(self, form):
        # A NUL byte is a form error on the page; it is never stored (PostgreSQL's
        # jsonb cannot hold one).
        return {
            name: values
            for name, values in form.data.lists()
            if name not in NOT_ANSWERS
            and "\x00" not in name
            and not any("\x00" in value for value in values)
        }

    def get_form_step_files(self, form):
        if self.steps.current == "organisation" and form.cleaned_data.get("logo"):
            # The re-encoded copy, not what the browser sent.
            return {"organisation-logo": form.cleaned_data["logo"]}
        return {}

    def dispatch(self, request, *args, **kwargs):
        response = super().dispatch(request, *args, **kwargs)
        response.headers["Cache-Control"] = "no-store"
        return response

    def get(self, request, *args, **kwargs):
        self.storage.extra_data.setdefault("key", uuid.uuid4().hex)
        if kwargs.get("step") == self.done_step_name and not self.storage.data["step_data"]:
            # Sent already (a reload, or the same form sent twice at once).
            return redirect("questionnaire:sent")
        if self.sent_already(kwargs.get("step")):
            return self.to_sent_page()
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        _ratelimit(request, group="step", rate_name="step_per_address")
        self.storage.extra_data.setdefault("key", uuid.uuid4().hex)
        posted_step = request.POST.get(f"{STORAGE_PREFIX}-current_step")
        if posted_step is not None and posted_step not in self.get_form_list():
            raise SuspiciousOperation("Unknown questionnaire step.")  # answered with 400
        if self.sent_already(posted_step) and not {"wizard_goto_step", "wizard_save"} & set(
            request.POST
        ):
            return self.to_sent_page()
        if posted_step is not None:
            self.storage.current_step = posted_step
        problem = humans.human_check(request.POST)
        if problem:
            form = self.get_form(data=request.POST, files=request.FILES)
            form.is_valid()
            messages.warning(request, problem)
            return self.render(form)
        if "wizard_save" in request.POST or "wizard_goto_step" in request.POST:
            self.keep_current_step(request)
            if "wizard_save" in request.POST:
                return redirect("questionnaire:save")
        if self.steps.current == "review" and "wizard_goto_step" not in request.POST:
            _ratelimit(request, group="send", rate_name="send_per_address")
            email = (self.storage.get_step_data("contact") or {}).get("contact-email", "")
            _ratelimit(
                request,
                group="send-email",
                rate_name="send_per_email",
                key=lambda group, request: email.strip().lower(),
            )
        return super().post(request, *args, **kwargs)

    def sent_already(self, step):
        """Is this the review page, or its "Send", again after this browser sent it?

        Sending resets the wizard's state: a second press, a reload of the post or
        of the review page finds no answers, only the record of what was sent.
        """
        return (
            step == "review"
            and not self.storage.data["step_data"]
            and bool(self.request.session.get(SENT_SESSION_KEY))
        )

    def to_sent_page(self):
        messages.info(
            self.request,
            _("This questionnaire has already been sent: there is no need to send it again."),
        )
        return redirect("questionnaire:sent")

    def keep_current_step(self, request):
        """Keep what was typed on this step, valid or not, before leaving it."""
        form = self.get_form(data=request.POST, files=request.FILES)
        self.storage.set_step_data(self.steps.current, self.get_form_step_data(form))
        if form.is_valid():
            self.storage.set_step_files(self.steps.current, self.get_form_step_files(form))

    def get_context_data(self, form, **kwargs):
        context = super().get_context_data(form=form, **kwargs)
        current = self.steps.current
        context["steps"] = [
            {
                "name": name,
                "title": STEP_TITLES[name],
                "url": self.get_step_url(name),
                "number": number,
                "is_current": name == current,
                "is_done": name in self.storage.data["step_data"],
            }
            for number, name in enumerate(self.get_form_list(), start=1)
        ]
        context["step_title"] = STEP_TITLES[current]
        context.update(humans.context())
        if current == "organisation":
            context["logo_kept"] = bool(self.storage.data["step_files"].get("organisation"))
        if current == "contact":
            context["privacy_template"] = f"portal/privacy/{get_language()}.html"
        if current == "review":
            context["summary"] = [
                {
                    "title": STEP_TITLES[name],
                    "url": self.get_step_url(name),
                    "items": describe_step(
                        self.get_cleaned_data_for_step(name), self.get_form(name)
                    ),
                }
                for name in self.get_form_list()
                if name != "review"
            ]
        return context

    def returned_submission(self):
        """The submission the office returned for changes, if this one replaces it."""
        draft = (
            Draft.objects.select_related("previous")
            .filter(pk=self.storage.extra_data.get("draft"))
            .first()
        )
        return draft.previous if draft else None

    def done(self, form_list, form_dict, **kwargs):
        organisation = form_dict["organisation"].cleaned_data
        answers = answers_from_steps(
            organisation=organisation,
            activity=form_dict["activity"].cleaned_data,
            offers=[
                offer.cleaned_data
                for offer in form_dict["offers"].forms
                if offer.has_changed() and offer.cleaned_data
            ],
            contact=form_dict["contact"].cleaned_data,
        )
        form_data = {
            step: data for step, data in self.storage.data["step_data"].items() if step != "review"
        }
        submission, _created = services.submission_create(
            key=self.storage.extra_data["key"],
            language=get_language(),
            answers=answers,
            survey=list(form_dict["survey"].answers()),
            form_data=form_data,
            logo=organisation.get("logo"),
            previous=self.returned_submission(),
        )
        self.request.session[SENT_SESSION_KEY] = {
            "key": str(submission.key),
            "email": submission.email,
        }
        return redirect("questionnaire:sent")


questionnaire_wizard = accepts_uploads(
    never_cache(QuestionnaireWizard.as_view(url_name="questionnaire:step", done_step_name="done"))
)


def start(request):
    """The questionnaire's first page; ?new starts afresh."""
    if "new" in request.GET:
        wizard_storage(request).reset()
    return redirect("questionnaire:step", step=STEPS[0][0])


@never_cache
def sent(request):
    """What happens next; says the questionnaire was received when this browser sent one.

    The record stays in the session (a failed or reloaded page loses nothing) until
    another questionnaire is sent.
    """
    record = request.session.get(SENT_SESSION_KEY)
    if not isinstance(record, dict):
        record = {}
    return render(
        request,
        "questionnaire/sent.html",
        {
            "received": bool(record),
            "email": record.get("email"),
            "hours": settings.QUESTIONNAIRE_CONFIRMATION_HOURS,
        },
    )


class SaveView(FormView):
    """Save a questionnaire to continue later: the link goes to an e-mail address."""

    form_class = forms.SaveForm
    template_name = "questionnaire/save.html"

    @cached_property
    def storage(self):
        storage = wizard_storage(self.request)
        storage.data  # noqa: B018 (creates the session entry if missing)
        return storage

    def get_context_data(self, **kwargs):
        return super().get_context_data(days=settings.QUESTIONNAIRE_DRAFT_DAYS, **kwargs)

    def get_initial(self):
        contact = self.storage.get_step_data("contact") or {}
        return {"email": contact.get("contact-email", "")}

    def get(self, request, *args, **kwargs):
        if not self.storage.data["step_data"]:
            return redirect("questionnaire:start")
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        _ratelimit(request, group="send", rate_name="send_per_address")
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        email = form.cleaned_data["email"]
        _ratelimit(
            self.request,
            group="send-email",
            rate_name="send_per_email",
            key=lambda group, request: email.lower(),
        )
        data = self.storage.data
        if not data["step_data"]:
            return redirect("questionnaire:start")
        draft = Draft.objects.filter(pk=data["extra_data"].get("draft")).first()
        services.draft_save(
            email=email,
            language=get_language(),
            form_data=data["step_data"],
            files=self.storage.hand_over_files(),
            step=data["step"] or "",
            previous=draft.previous if draft else None,
        )
        self.storage.reset()
        return render(
            self.request,
            "questionnaire/saved.html",
            {"email": email, "days": settings.QUESTIONNAIRE_DRAFT_DAYS},
        )


def _link_problem(request, error):
    expired = isinstance(error, links.LinkExpired)
    context = {
        "expired": expired,
        "hours": settings.QUESTIONNAIRE_CONFIRMATION_HOURS,
        "days": settings.QUESTIONNAIRE_DRAFT_DAYS,
        "unconfirmed_days": settings.QUESTIONNAIRE_UNCONFIRMED_DAYS,
    }
    return render(
        request, "questionnaire/link_problem.html", context, status=410 if expired else 400
    )


@never_cache
def resume(request, token):
    """Reopen a saved questionnaire (or one returned for changes) filled in."""
    try:
        draft = links.draft_from_token(token)
    except (links.LinkExpired, links.LinkInvalid) as error:
        return _link_problem(request, error)
    storage = wizard_storage(request)
    storage.reset()
    storage.data["step_data"] = draft.form_data
    storage.take_copies(draft.files)
    storage.extra_data = {"key": uuid.uuid4().hex, "draft": draft.pk}
    step = draft.step if draft.step in dict(STEPS) else STEPS[0][0]
    storage.current_step = step
    if draft.previous_id:
        messages.info(
            request,
            _("The office asked for changes: %(reason)s") % {"reason": draft.previous.reason},
        )
    else:
        messages.info(request, _("Your saved answers are back. Go on where you left off."))
    return redirect("questionnaire:step", step=step)


@never_cache
def confirm(request, token):
    """The link from the e-mail: one button confirms (a GET changes nothing)."""
    try:
        submission = links.submission_from_token(token)
    except (links.LinkExpired, links.LinkInvalid) as error:
        return _link_problem(request, error)
    if request.method == "POST":
        services.submission_confirm(submission=submission)
        return redirect(reverse("questionnaire:confirm", kwargs={"token": token}))
    return render(
        request,
        "questionnaire/confirm.html",
        {"submission": submission, "confirmed": submission.status != submission.Status.UNCONFIRMED},
    )
