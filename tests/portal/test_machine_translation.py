"""The machine translation backends, through their real clients, against stand-in servers."""

import socket

import pytest
from django.utils import translation

from portal.common import machine_translation
from portal.common.machine_translation import (
    NotConfigured,
    QuotaExceeded,
    Refused,
    ServiceUnavailable,
    Timeout,
    translate,
)
from tests.machine_translation_servers import DEEPL_KEY, LIBRETRANSLATE_KEY


@pytest.fixture(autouse=True)
def _english(_default_language):
    """Staff here work in English: the messages below are the English ones."""
    translation.activate("en")
    yield


def test_deepl_translates_through_the_official_client(deepl_server):
    texts = translate(["Dostawca mleka", "", "Szukamy partnerów handlowych."], "pl", "en")

    assert texts == ["Milk supplier", "", "We are looking for trading partners."]
    (request,) = deepl_server.requests
    assert request["path"] == "/v2/translate"
    assert request["headers"]["Authorization"] == f"DeepL-Auth-Key {DEEPL_KEY}"
    assert request["body"]["text"] == ["Dostawca mleka", "Szukamy partnerów handlowych."]
    assert (request["body"]["source_lang"], request["body"]["target_lang"]) == ("PL", "EN-GB")


def test_deepl_target_codes_of_every_language(deepl_server):
    for code, deepl_code in [("cs", "CS"), ("bg", "BG"), ("hu", "HU"), ("ro", "RO")]:
        assert translate(["Oferta"], "pl", code) == [f"[{deepl_code}] Oferta"]
    assert translate(["Offerta"], "it", "pl") == ["[PL] Offerta"]
    assert deepl_server.requests[-1]["body"]["source_lang"] == "IT"


def test_nothing_is_sent_when_all_texts_are_empty(deepl_server):
    assert translate(["", " "], "pl", "en") == ["", " "]
    assert deepl_server.requests == []


def test_deepl_quota_exceeded_is_not_tried_again(deepl_server):
    deepl_server.fail(456)

    with pytest.raises(QuotaExceeded, match="quota"):
        translate(["Dostawca mleka"], "pl", "en")

    assert len(deepl_server.requests) == 1


def test_deepl_server_error_is_tried_again_then_reported(deepl_server):
    deepl_server.fail(500)

    with pytest.raises(ServiceUnavailable, match=r"HTTP 500.*Tried 3 times"):
        translate(["Dostawca mleka"], "pl", "en")

    assert len(deepl_server.requests) == 3  # the first try and two retries


def test_deepl_passing_unavailability_is_retried_until_it_answers(deepl_server):
    deepl_server.fail(503, times=2)

    assert translate(["Dostawca mleka"], "pl", "cs") == ["Dodavatel mléka"]
    assert len(deepl_server.requests) == 3


def test_deepl_timeout_is_retried_then_reported(deepl_server, settings):
    settings.MACHINE_TRANSLATION_RETRIES = 1
    deepl_server.fail("slow")

    with pytest.raises(Timeout, match="Tried 2 times"):
        translate(["Dostawca mleka"], "pl", "en")

    assert len(deepl_server.requests) == 2


def test_deepl_wrong_key_is_refused_without_retries(deepl_server, settings):
    settings.DEEPL_AUTH_KEY = "wrong-key"

    with pytest.raises(Refused, match="DEEPL_AUTH_KEY"):
        translate(["Dostawca mleka"], "pl", "en")

    assert len(deepl_server.requests) == 1


def test_a_refused_connection_is_service_unavailable(settings):
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    settings.MACHINE_TRANSLATION_BACKEND = "libretranslate"
    settings.LIBRETRANSLATE_URL = f"http://127.0.0.1:{port}"
    settings.MACHINE_TRANSLATION_BACKOFF = 0

    with pytest.raises(ServiceUnavailable, match="cannot be reached"):
        translate(["Dostawca mleka"], "pl", "en")


def test_libretranslate_translates_through_its_http_api(libretranslate_server):
    texts = translate(["Szukamy partnerów handlowych.", "Dostawca mleka"], "pl", "cs")

    assert texts == ["Hledáme obchodní partnery.", "[cs] Dostawca mleka"]
    (request,) = libretranslate_server.requests
    assert request["path"] == "/translate"
    assert request["body"] == {
        "q": ["Szukamy partnerów handlowych.", "Dostawca mleka"],
        "source": "pl",
        "target": "cs",
        "format": "text",
        "api_key": LIBRETRANSLATE_KEY,
    }


def test_libretranslate_server_error_is_tried_again_then_reported(libretranslate_server):
    libretranslate_server.fail(500)

    with pytest.raises(ServiceUnavailable, match=r"HTTP 500.*internal error.*Tried 3 times"):
        translate(["Dostawca mleka"], "pl", "it")

    assert len(libretranslate_server.requests) == 3


def test_libretranslate_recovers_after_a_server_error(libretranslate_server):
    libretranslate_server.fail(500, times=1)

    assert translate(["Dostawca mleka"], "pl", "it") == ["Fornitore di latte"]


def test_libretranslate_wrong_key_is_refused(libretranslate_server, settings):
    settings.LIBRETRANSLATE_API_KEY = "wrong"

    with pytest.raises(Refused, match="LIBRETRANSLATE_API_KEY"):
        translate(["Dostawca mleka"], "pl", "it")


def test_no_backend_set_up(settings):
    settings.MACHINE_TRANSLATION_BACKEND = ""

    assert not machine_translation.is_configured()
    with pytest.raises(NotConfigured):
        translate(["Dostawca mleka"], "pl", "en")
