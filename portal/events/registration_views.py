"""Registering for an event: the form, the signed links to confirm and to cancel.

The links from the e-mails show a button on GET (a mail scanner that follows
them confirms and cancels nothing) and act on POST. A link forged, cut off,
expired or already used gets a page that says so, never a 404 or a 500.
"""

from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.decorators import method_decorator
from django.utils.functional import cached_property
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods
from django.views.generic import FormView

from portal.common import humans
from portal.events import registration_links as links
from portal.events import registration_services as services
from portal.events.models import Event, Registration
from portal.events.registration_forms import RegistrationForm, member_initial

# Registrations taken from one client address, and for one e-mail address, per
# hour: beyond them the portal answers with its 429 page. Each one sends an e-mail.
RATE_PER_ADDRESS = "10/h"
RATE_PER_EMAIL = "5/h"
SENT_SESSION_KEY = "events_registration_sent"

Status = Registration.Status


def event_for_registration(slug):
    """The published (or cancelled) event of the URL; 404 for drafts and unknown ones."""
    event = (
        Event.objects.filter(slug=slug, status__in=[Event.Status.PUBLISHED, Event.Status.CANCELLED])
        .only(
            *(
                field.attname
                for field in Event._meta.concrete_fields
                if not field.name.startswith(("description", "programme", "report"))
            )
        )
        .first()
    )
    if event is None:
        raise Http404
    return event


def calendar_url(event):
    """The address of the event's .ics file, where the events pages offer one."""
    try:
        return reverse("events:event_ics", kwargs={"slug": event.slug})
    except NoReverseMatch:
        return None


def _closed(request, event, reason):
    return render(
        request,
        "events/registration_closed.html",
        {"event": event, "reason": reason},
        status=410 if reason in (services.CANCELLED, services.PAST) else 200,
    )


@method_decorator(never_cache, name="dispatch")
class RegistrationCreateView(humans.HumanCheckedFormMixin, FormView):
    form_class = RegistrationForm
    template_name = "events/registration_form.html"
    ratelimit_group = "events.registration"
    ratelimit_rate = RATE_PER_ADDRESS

    @cached_property
    def event(self):
        return event_for_registration(self.kwargs["slug"])

    def dispatch(self, request, *args, **kwargs):
        reason = services.closed_reason(self.event)
        if reason is not None:
            return _closed(request, self.event, reason)
        return super().dispatch(request, *args, **kwargs)

    def get_initial(self):
        return {**super().get_initial(), **member_initial(self.request.user)}

    def get_context_data(self, **kwargs):
        return super().get_context_data(event=self.event, days=links.CONFIRM_LINK_DAYS, **kwargs)

    def form_valid(self, form):
        data = form.cleaned_data
        email = data["email"].lower()
        humans.ratelimit(
            self.request,
            group="events.registration-email",
            rate=RATE_PER_EMAIL,
            key=lambda group, request: email,
        )
        try:
            services.registration_create(
                event=self.event,
                name=data["name"],
                organisation_name=data["organisation_name"],
                country=data["country"],
                email=data["email"],
                phone=data["phone"] or "",
                needs=data["needs"],
                language=get_language(),
                user=self.request.user,
            )
        except services.RegistrationClosed as closed:
            return _closed(self.request, self.event, closed.reason)
        except services.AlreadyRegistered as already:
            registration = already.registration
            resent = registration.pk is not None and services.registration_resend_confirmation(
                registration=registration
            )
            return render(
                self.request,
                "events/registration_exists.html",
                {
                    "event": self.event,
                    "email": data["email"],
                    "status": registration.status,
                    "resent": resent,
                    "days": links.CONFIRM_LINK_DAYS,
                },
            )
        self.request.session[SENT_SESSION_KEY] = {"event": self.event.pk, "email": data["email"]}
        return redirect("events:registration_sent", slug=self.event.slug)


@never_cache
def registration_sent(request, slug):
    event = event_for_registration(slug)
    sent = request.session.get(SENT_SESSION_KEY) or {}
    email = sent.get("email") if sent.get("event") == event.pk else None
    return render(
        request,
        "events/registration_sent.html",
        {"event": event, "email": email, "days": links.CONFIRM_LINK_DAYS},
    )


def _link_problem(request, problem, *, action):
    return render(
        request,
        "events/registration_link_problem.html",
        {
            "problem": problem,
            "action": action,
            "days": links.CONFIRM_LINK_DAYS if action == "confirm" else links.CANCEL_LINK_DAYS,
        },
        status=400 if problem == "invalid" else 410,
    )


def _from_token(request, token, *, action):
    """(registration, None), or (None, the page that says what is wrong with the link)."""
    load = (
        links.registration_from_confirm_token
        if action == "confirm"
        else links.registration_from_cancel_token
    )
    try:
        return load(token), None
    except links.LinkExpired:
        return None, _link_problem(request, "expired", action=action)
    except links.LinkInvalid:
        return None, _link_problem(request, "invalid", action=action)
    except links.RegistrationGone:
        return None, _link_problem(request, "gone", action=action)


@never_cache
@require_http_methods(["GET", "POST"])
def registration_confirm(request, token):
    """The confirmation link: GET shows a button, POST confirms (a place or the waiting list)."""
    registration, problem = _from_token(request, token, action="confirm")
    if problem:
        return problem
    if request.method == "POST" and registration.status == Status.UNCONFIRMED:
        try:
            registration = services.registration_confirm(registration=registration)
        except services.RegistrationClosed as closed:
            return _closed(request, registration.event, closed.reason)
    return render(
        request,
        "events/registration_confirm.html",
        {
            "registration": registration,
            "event": registration.event,
            "position": services.waiting_position(registration),
            "calendar_url": calendar_url(registration.event)
            if registration.status == Status.CONFIRMED
            else None,
            "cancel_token": links.cancel_token(registration),
            "just_confirmed": request.method == "POST",
        },
    )


@never_cache
@require_http_methods(["GET", "POST"])
def registration_cancel(request, token):
    """The cancellation link: GET asks, POST cancels (and frees the place)."""
    registration, problem = _from_token(request, token, action="cancel")
    if problem:
        return problem
    cancelled_now = False
    if request.method == "POST" and registration.status != Status.CANCELLED:
        services.registration_cancel(registration=registration)
        registration.refresh_from_db()
        cancelled_now = True
    return render(
        request,
        "events/registration_cancel.html",
        {
            "registration": registration,
            "event": registration.event,
            "cancelled_now": cancelled_now,
        },
    )
