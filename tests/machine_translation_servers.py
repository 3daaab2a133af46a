"""Stand-ins for DeepL and LibreTranslate on 127.0.0.1, for the real clients to talk to.

Each speaks its service's protocol as the client sends it (DeepL: POST
/v2/translate, a JSON body, `Authorization: DeepL-Auth-Key …`; LibreTranslate:
POST /translate with q, source, target, format and api_key) and answers as the
service does, errors included. They "translate" by a small phrase book, and
anything else as "[TARGET] text", so that tests know the text written.

A test makes one fail with `server.fail(status, times=…)` (456, 500, 503, 403,
or "slow" to answer after the client's timeout) and reads what was asked in
`server.requests`.
"""

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

import pytest

DEEPL_KEY = "stand-in-key:fx"
LIBRETRANSLATE_KEY = "stand-in-libretranslate-key"

# Known phrases, by target language as each service names it.
PHRASE_BOOK = {
    "Szukamy partnerów handlowych.": {
        "EN-GB": "We are looking for trading partners.",
        "en": "We are looking for trading partners.",
        "CS": "Hledáme obchodní partnery.",
        "cs": "Hledáme obchodní partnery.",
        "DE": "Wir suchen Handelspartner.",
        "IT": "Cerchiamo partner commerciali.",
    },
    "Dostawca mleka": {
        "EN-GB": "Milk supplier",
        "CS": "Dodavatel mléka",
        "it": "Fornitore di latte",
    },
    "Czy eksportujecie swoje wyroby?": {"IT": "Esportate i vostri prodotti?"},
    "Na przykład sery do Włoch.": {"IT": "Per esempio formaggi in Italia."},
}


def stand_in_translation(text, target):
    return PHRASE_BOOK.get(text, {}).get(target, f"[{target}] {text}")


class StandInServer:
    """An HTTP server in a thread, on a free port of 127.0.0.1."""

    def __init__(self, handler):
        self.requests = []
        self._failures = []  # (status or "slow", times left or None for always)
        self.slow_seconds = 2.0
        self._lock = threading.Lock()
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.httpd.daemon_threads = True
        self.httpd.stand_in = self
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def url(self):
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}"

    def start(self):
        self.thread.start()
        return self

    def stop(self):
        self.httpd.shutdown()
        self.httpd.server_close()

    def fail(self, how, *, times=None, after=0):
        """Answer `how` (an HTTP status, or "slow") `times` requests, or all, after `after`."""
        self._failures = [[None, after], [how, times]] if after else [[how, times]]

    def next_failure(self):
        with self._lock:
            if not self._failures:
                return None
            failure = self._failures[0]
            if failure[1] is not None:
                failure[1] -= 1
                if failure[1] == 0:
                    self._failures.pop(0)
            return failure[0]


class StandInHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, format, *args):  # quiet in tests
        pass

    @property
    def stand_in(self):
        return self.server.stand_in

    def read_body(self):
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length).decode()
        if self.headers.get("Content-Type", "").startswith("application/json"):
            return json.loads(raw or "{}")
        return {
            key: values if len(values) > 1 else values[0] for key, values in parse_qs(raw).items()
        }

    def answer(self, status, payload):
        body = json.dumps(payload).encode()
        try:
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up waiting (a timeout test)

    def do_POST(self):
        body = self.read_body()
        self.stand_in.requests.append(
            {"path": self.path, "headers": dict(self.headers), "body": body}
        )
        failure = self.stand_in.next_failure()
        if failure == "slow":
            time.sleep(self.stand_in.slow_seconds)
        elif failure is not None:
            return self.answer(failure, self.error_payload(failure))
        status, payload = self.translate(body)
        return self.answer(status, payload)


class DeepLHandler(StandInHandler):
    ERRORS = {
        403: "Wrong endpoint. Use https://api.deepl.com",
        456: "Quota Exceeded",
        500: "Internal Server Error",
        503: "Service Unavailable",
    }

    def error_payload(self, status):
        return {"message": self.ERRORS.get(status, "Error")}

    def translate(self, body):
        if self.path != "/v2/translate":
            return 404, {"message": "Not found"}
        if self.headers.get("Authorization") != f"DeepL-Auth-Key {DEEPL_KEY}":
            return 403, {"message": "Invalid authentication key"}
        texts, target = body.get("text"), body.get("target_lang", "")
        if not isinstance(texts, list) or not texts or not target:
            return 400, {"message": "Value for 'text' or 'target_lang' not supported."}
        source = body.get("source_lang") or "PL"
        return 200, {
            "translations": [
                {
                    "detected_source_language": source,
                    "text": stand_in_translation(text, target),
                    "billed_characters": len(text),
                }
                for text in texts
            ]
        }


class LibreTranslateHandler(StandInHandler):
    ERRORS = {
        403: "Invalid API key",
        429: "Too many request limits violations",
        500: "Cannot translate text: internal error",
    }

    def error_payload(self, status):
        return {"error": self.ERRORS.get(status, "Error")}

    def translate(self, body):
        if self.path != "/translate":
            return 404, {"error": "Not Found"}
        if body.get("api_key") != LIBRETRANSLATE_KEY:
            return 403, {"error": "Invalid API key"}
        texts, source, target = body.get("q"), body.get("source"), body.get("target")
        if not texts or not source or not target:
            return 400, {"error": "Invalid request: missing q, source or target parameter"}
        if isinstance(texts, list):
            return 200, {"translatedText": [stand_in_translation(t, target) for t in texts]}
        return 200, {"translatedText": stand_in_translation(texts, target)}


def _fast_retries(settings):
    settings.MACHINE_TRANSLATION_TIMEOUT = 0.5
    settings.MACHINE_TRANSLATION_RETRIES = 2
    settings.MACHINE_TRANSLATION_BACKOFF = 0.01


@pytest.fixture
def deepl_server(settings):
    """A stand-in DeepL server, and the settings that make the portal use it."""
    server = StandInServer(DeepLHandler).start()
    settings.MACHINE_TRANSLATION_BACKEND = "deepl"
    settings.DEEPL_AUTH_KEY = DEEPL_KEY
    settings.DEEPL_SERVER_URL = server.url
    _fast_retries(settings)
    yield server
    server.stop()


@pytest.fixture
def libretranslate_server(settings):
    """A stand-in LibreTranslate server, and the settings that make the portal use it."""
    server = StandInServer(LibreTranslateHandler).start()
    settings.MACHINE_TRANSLATION_BACKEND = "libretranslate"
    settings.LIBRETRANSLATE_URL = server.url
    settings.LIBRETRANSLATE_API_KEY = LIBRETRANSLATE_KEY
    _fast_retries(settings)
    yield server
    server.stop()
