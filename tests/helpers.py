"""Helpers that the tests of several packages share: queries, staff roles, admin forms."""

import functools
import sys

from django.apps import apps as django_apps
from django.conf import settings
from django.contrib.auth.models import Group, User
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

# The apps whose migrations make the roles (portal 0001_staff_roles) and grant them
# their permissions.
ROLE_APPS = {"portal", "companies", "offers", "questionnaire", "members", "events"}


@functools.cache
def role_migrations():
    """The migrations that make the roles and grant them permissions, in the order
    `migrate` may run them: each has add_roles and remove_roles."""
    graph = MigrationLoader(None, ignore_no_migrations=True).graph
    plan = {}
    for leaf in sorted(graph.leaf_nodes()):
        plan.update(dict.fromkeys(graph.forwards_plan(leaf)))
    modules = [
        sys.modules[type(graph.nodes[key]).__module__] for key in plan if key[0] in ROLE_APPS
    ]
    return [module for module in modules if hasattr(module, "add_roles")]


ANONYMOUS = "anonymous"


def queries_and_response(client, address):
    """The number of queries a page takes, once it answers 200, and its response."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(address)
    assert response.status_code == 200, address
    return len(queries), response


def count_queries(client, address):
    """The number of queries a page takes, once it answers 200."""
    return queries_and_response(client, address)[0]


def kept_page(client, address):
    """The page at `address`, once kept: a second visit takes no query (a whole page),
    or no more (its parts kept, perhaps by another page already), and shows the same.

    With the `kept` fixture, as the page cache or the parts cache is on."""
    built, first = queries_and_response(client, address)
    served, response = queries_and_response(client, address)
    if settings.PAGE_CACHE_SECONDS:
        assert served == 0, address
    else:
        assert served <= built, address
    assert response.content == first.content, address
    return response.content.decode()


def add_roles():
    """The staff groups with their permissions, as the migrations make them."""
    for module in role_migrations():
        module.add_roles(django_apps, None)


def remove_roles():
    for module in reversed(role_migrations()):
        module.remove_roles(django_apps, None)


def sign_in(client, role):
    """A member of the role signed in on `client`; nobody for `ANONYMOUS`."""
    if role == ANONYMOUS:
        return client
    user = User.objects.create_user(role, f"{role}@urzad.example", "pass", is_staff=True)
    user.groups.add(Group.objects.get(name=role))
    client.force_login(user)
    return client


def offer_action(action, offer, **data):
    """The offers' admin list and what it posts to run `action` on `offer`."""
    url = reverse("admin:offers_offer_changelist")
    return url, {"action": action, "_selected_action": [offer.pk], **data}


def change_form_data(response):
    """What the browser would post back from a change form, untouched."""
    data = {}
    forms = [response.context["adminform"].form]
    for formset in response.context["inline_admin_formsets"]:
        management = formset.formset.management_form
        forms.append(management)
        forms.extend(formset.formset.forms)
    for form in forms:
        for name in form.fields:
            value = form[name].value()
            if value is None or value is False:
                continue
            if value is True:
                value = "on"
            if isinstance(value, list | tuple):
                value = [str(getattr(item, "pk", item)) for item in value]
            data[form.add_prefix(name)] = value
    return data
