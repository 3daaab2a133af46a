"""News in the admin: editors write and publish, what they type is cleaned, pictures
are checked and described; translators translate; the dashboard counts the queue."""

import io

import pytest
from django.contrib.auth.models import User
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone, translation
from PIL import Image

from portal.common.languages import LANGUAGE_CODES
from portal.news.models import NewsItem
from portal.roles import EDITOR, MODERATOR, TRANSLATOR
from tests.helpers import change_form_data, sign_in
from tests.portal.news.factories import news_item

pytestmark = pytest.mark.django_db

ADD = "admin:news_newsitem_add"


def png(size=(40, 20)):
    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(buffer, "PNG")
    return buffer.getvalue()


def add_form(client, **fields):
    """The add form as an editor would post it, with `fields` typed in."""
    data = change_form_data(client.get(reverse(ADD)))
    data.update(
        {
            "title_pl": "Rusza projekt",
            "slug": "rusza-projekt",
            "is_published": "on",
            "publish_at_0": timezone.localtime().strftime("%Y-%m-%d"),
            "publish_at_1": "00:00:00",
            **fields,
        }
    )
    return data


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def test_what_an_editor_types_reaches_the_page_without_script_handlers_or_javascript_links(
    client, roles
):
    sign_in(client, EDITOR)
    typed = (
        "<p>Cel projektu.</p>"
        "<script>alert('x')</script>"
        '<p onclick="alert(1)">Kliknij</p>'
        '<p><a href="javascript:alert(2)">Link</a> i <a href="https://example.org/">strona</a></p>'
    )

    response = client.post(reverse(ADD), add_form(client, body_pl=typed))
    item = NewsItem.objects.get(slug="rusza-projekt")
    client.logout()
    page = client.get(item.get_absolute_url()).text

    assert response.status_code == 302
    assert item.author.username == EDITOR
    assert "Cel projektu." in page and "Kliknij" in page
    assert "<script" not in page.split('<div class="news-body"')[1].split("</div>")[0]
    assert "alert" not in page
    assert "onclick" not in page
    assert "javascript:" not in page
    assert '<a href="https://example.org/"' in page


def test_a_gif_is_refused_with_a_message(client, roles, media):
    sign_in(client, EDITOR)
    buffer = io.BytesIO()
    Image.new("RGB", (10, 10)).save(buffer, "GIF")
    upload = SimpleUploadedFile("zdjecie.png", buffer.getvalue(), "image/png")

    with translation.override("en"):
        response = client.post(
            reverse(ADD), add_form(client, image=upload, image_alt_pl="Ciągnik na polu")
        )

    assert "The image must be a PNG, JPEG or WebP file." in response.text
    assert not NewsItem.objects.exists()


def test_an_image_that_is_not_one_is_refused_with_a_message(client, roles, media):
    sign_in(client, EDITOR)
    upload = SimpleUploadedFile("zdjecie.png", b"MZ\x90\x00 not a picture", "image/png")

    with translation.override("en"):
        response = client.post(
            reverse(ADD), add_form(client, image=upload, image_alt_pl="Ciągnik na polu")
        )

    assert response.status_code == 200
    assert "Upload a valid image." in response.text
    assert not NewsItem.objects.exists()


def test_an_oversized_image_is_refused_with_a_message(client, roles, media, monkeypatch):
    monkeypatch.setattr("portal.common.images.MAX_BYTES", 100)
    sign_in(client, EDITOR)
    upload = SimpleUploadedFile("duze.png", png((400, 400)), "image/png")

    with translation.override("en"):
        response = client.post(
            reverse(ADD), add_form(client, image=upload, image_alt_pl="Ciągnik na polu")
        )

    assert "The image is" in response.text and "it may be at most 100" in response.text
    assert not NewsItem.objects.exists()


def test_an_image_needs_a_description_in_each_language_of_the_title(client, roles, media):
    sign_in(client, EDITOR)
    data = add_form(
        client,
        title_it="Parte il progetto",
        image=SimpleUploadedFile("traktor.png", png(), "image/png"),
        image_alt_pl="Ciągnik na polu",
    )

    with translation.override("en"):
        refused = client.post(reverse(ADD), data)
    data["image"] = SimpleUploadedFile("traktor.png", png(), "image/png")
    data["image_alt_it"] = "Un trattore nel campo"
    accepted = client.post(reverse(ADD), data)
    item = NewsItem.objects.get()

    assert "Describe the image in Italian" in refused.text
    assert accepted.status_code == 302
    assert item.image.name.startswith("news/") and item.image.name.endswith(".png")
    assert "traktor" not in item.image.name  # renamed, re-encoded


def test_a_translator_opens_an_item_in_the_workspace_and_saves_a_translation(client, roles):
    item = news_item(texts={"pl": {"title": "Dwie branże", "lead": "Analiza wskazała."}})
    sign_in(client, TRANSLATOR)
    address = reverse("admin:news_newsitem_translate", args=[item.pk, "hu"])

    page = client.get(address)
    form = page.context["form"]
    data = {name: form[name].value() or "" for name in form.fields}
    data.update({"title": "Két vezető ágazat", "lead": "Az elemzés megnevezte."})
    saved = client.post(address, data)
    item.refresh_from_db()

    assert page.status_code == 200
    assert "Dwie branże" in page.text
    assert saved.status_code == 302
    assert item.title_hu == "Két vezető ágazat"
    assert item.title_pl == "Dwie branże"


def test_a_translator_edits_only_an_items_texts(client, roles):
    item = news_item(texts={"pl": {"title": "Dwie branże"}}, published=False)
    sign_in(client, TRANSLATOR)
    address = reverse("admin:news_newsitem_change", args=[item.pk])
    data = change_form_data(client.get(address))
    data.update({"title_de": "Zwei Branchen", "is_published": "on", "slug": "inny"})

    client.post(address, data)
    item.refresh_from_db()

    assert item.title_de == "Zwei Branchen"
    assert item.is_published is False
    assert item.slug != "inny"


def figures(response):
    text = response.text
    found = {}
    for code in LANGUAGE_CODES:
        for state in ("missing", "outdated", "machine"):
            marker = f'data-figure="news-queue-{code}-{state}">'
            if marker in text:
                found[f"{code}-{state}"] = int(text.split(marker)[1].split("<")[0])
    return found


def test_the_dashboard_counts_the_news_translation_queue_and_links_its_rows(client, roles):
    translated = news_item(texts={"pl": {"title": "Sery"}, "it": {"title": "Formaggi"}})
    news_item(texts={"pl": {"title": "Kombajny"}})
    news_item(texts={"pl": {"title": "Szkic"}}, published=False)
    sign_in(client, TRANSLATOR)

    shown = figures(client.get(reverse("admin:index")))
    listed = client.get(
        reverse("admin:news_newsitem_changelist"), {"translation_queue": "it-missing"}
    )

    assert shown["it-missing"] == 1
    assert shown["de-missing"] == 2
    assert shown["pl-missing"] == 0
    assert [item.pk for item in listed.context["cl"].result_list] != [translated.pk]
    assert [str(item) for item in listed.context["cl"].result_list] == ["Kombajny"]


def test_a_moderator_reads_news_and_sees_no_news_queue(client, roles):
    item = news_item()
    sign_in(client, MODERATOR)

    page = client.get(reverse("admin:news_newsitem_change", args=[item.pk]))
    index = client.get(reverse("admin:index"))

    assert page.status_code == 200 and not page.context["has_change_permission"]
    assert figures(index) == {}


def test_the_news_queue_costs_two_queries_however_many_items(django_assert_num_queries, roles):
    from portal.news import dashboard

    user = User.objects.create_user("t", is_staff=True)
    for _number in range(5):
        news_item()
    ContentType.objects.get_for_model(NewsItem)  # kept by Django once read

    with django_assert_num_queries(2):
        rows = dashboard.TRANSLATION_QUEUE.count(user, timezone.now())

    assert {row.language: row.missing.number for row in rows}["en"] == 5


def test_an_item_cannot_take_the_feeds_address(client, roles):
    sign_in(client, EDITOR)

    with translation.override("pl"):
        refused = client.post(reverse(ADD), add_form(client, slug="feed"))

    assert "to adres innej strony" in refused.text
    assert not NewsItem.objects.exists()
    with translation.override("pl"):
        accepted = client.post(reverse(ADD), add_form(client, slug="feed-rolniczy"))
    assert accepted.status_code == 302
    assert NewsItem.objects.get().get_absolute_url().endswith("/news/feed-rolniczy/")
