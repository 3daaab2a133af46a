"""The dashboard's registry: a block an app registers shows to whoever may see it."""

import re

import pytest
from django.contrib.auth.models import Group, Permission, User
from django.urls import reverse

from portal.common.dashboard import (
    Awaiting,
    Figure,
    Row,
    TranslationQueue,
    admin_list_url,
    blocks,
    dashboard_for,
    queue_rows,
    registered,
)
from portal.common.languages import LANGUAGE_CODES
from portal.roles import ADMINISTRATOR, MODERATOR
from tests.helpers import add_roles

pytestmark = pytest.mark.django_db

PERMISSION = "auth.view_group"


def may_view_groups(user):
    return user.has_perm(PERMISSION)


def groups_list(**query):
    return admin_list_url("auth_group_changelist", **query)


NEWS_ROW = Awaiting(
    rows=(Row("news_awaiting_review", "News awaiting review", order=22),),
    may_see=may_view_groups,
    count=lambda user, now: {"news_awaiting_review": Figure(7, groups_list(news="review"))},
)

NEWS_QUEUE = TranslationQueue(
    caption="Translation queue: news",
    element_id="dashboard-translation-queue-news",
    figure_prefix="queue-news",
    order=20,
    may_see=may_view_groups,
    count=lambda user, now: queue_rows(
        {"de": {"missing": 2, "machine": 1}},
        lambda language, state: groups_list(queue=f"{language}-{state}"),
    ),
)


def staff(username, *, role=None, permission=None):
    user = User.objects.create_user(username, is_staff=True)
    if role:
        add_roles()
        user.groups.add(Group.objects.get(name=role))
    if permission:
        app_label, codename = permission.split(".")
        user.user_permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )
    return User.objects.get(pk=user.pk)  # its permissions read afresh


def start_page(client, user):
    client.force_login(user)
    return re.sub(r"\s+", " ", client.get(reverse("admin:index")).content.decode())


def test_a_registered_row_shows_only_to_staff_with_its_permission(client):
    reader = staff("reader", permission=PERMISSION)
    other = staff("other")
    moderator = staff("moderator", role=MODERATOR)
    shown = '<a href="/pl/admin/auth/group/?news=review" data-figure="news_awaiting_review">7</a>'

    with registered(NEWS_ROW):
        page = start_page(client, reader)
        assert '<th scope="row">News awaiting review</th>' in page
        assert shown in page
        assert 'data-figure="offers_submitted"' not in page
        assert [row.key for row in dashboard_for(reader).awaiting] == ["news_awaiting_review"]
        assert dashboard_for(other).is_empty
        assert "news_awaiting_review" not in start_page(client, moderator)
        assert [row.key for row in dashboard_for(moderator).awaiting] == [
            "submissions_awaiting_review",
            "revisions_pending",
            "offers_submitted",
            "offer_edits_pending",
            "interests_new",
            "offers_expiring",
        ]

    assert NEWS_ROW not in blocks()
    assert dashboard_for(reader).is_empty
    assert "news_awaiting_review" not in start_page(client, reader)


def test_registered_rows_take_their_place_among_the_apps_rows():
    administrator = staff("administrator", role=ADMINISTRATOR, permission=PERMISSION)

    with registered(NEWS_ROW):
        keys = [row.key for row in dashboard_for(administrator).awaiting]

    assert keys == [
        "submissions_awaiting_review",
        "revisions_pending",
        "offers_submitted",
        "news_awaiting_review",
        "offer_edits_pending",
        "interests_new",
        "offers_expiring",
    ]


def test_a_registered_translation_queue_is_a_table_of_its_own(client):
    administrator = staff("administrator", role=ADMINISTRATOR, permission=PERMISSION)

    with registered(NEWS_QUEUE):
        board = dashboard_for(administrator)
        page = start_page(client, administrator)

    assert [table.queue.element_id for table in board.translation_queue] == [
        "dashboard-translation-queue",
        "dashboard-news-translation-queue",  # portal/news/dashboard.py
        "dashboard-translation-queue-news",
        "dashboard-event-translation-queue",  # portal/events/dashboard.py
        "dashboard-translation-queue-documents",  # portal/documents/dashboard.py
        "dashboard-partner-translation-queue",  # portal/project/dashboard.py
    ]
    news = board.translation_queue[2].rows
    assert [row.language for row in news] == LANGUAGE_CODES
    assert [(row.missing.number, row.outdated.number, row.machine.number) for row in news] == [
        (2, 0, 1) if row.language == "de" else (0, 0, 0) for row in news
    ]
    assert '<div class="module" id="dashboard-translation-queue-news">' in page
    assert "<caption>Translation queue: news</caption>" in page
    assert (
        '<a href="/pl/admin/auth/group/?queue=de-missing" data-figure="queue-news-de-missing">2</a>'
    ) in page
    assert 'data-figure="queue-pl-missing">' in page  # the offers' queue, as before
    assert NEWS_QUEUE not in blocks()
