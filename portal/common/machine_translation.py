"""Machine translation of content: DeepL or LibreTranslate, chosen in settings.

One interface, `translate(texts, source, target)`, whatever the service; its
errors are `MachineTranslationError`s. Transient ones (a 5xx answer, a refused
connection, a timeout) are tried again a few times with a growing pause; an
exceeded quota or a refused key is not, since trying again cannot help.
"""

import logging
import time

import deepl
import requests
from django.conf import settings
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)


class MachineTranslationError(Exception):
    """The text could not be machine-translated; the message says why."""


class NotConfigured(MachineTranslationError):
    """No machine translation service is set up."""


class QuotaExceeded(MachineTranslationError):
    """The service's quota for the billing period is used up: not tried again."""


class ServiceUnavailable(MachineTranslationError):
    """The service answered with a server error, or could not be reached."""


class Timeout(MachineTranslationError):
    """The service did not answer in time."""


class Refused(MachineTranslationError):
    """The service refused the request (a wrong key, an unknown language)."""


TRANSIENT_ERRORS = (ServiceUnavailable, Timeout)

# The portal's language codes as DeepL knows them: as a source, and as a target
# (English needs its variant there).
DEEPL_SOURCE = {"pl": "PL", "en": "EN", "de": "DE", "it": "IT", "cs": "CS", "hu": "HU"}
DEEPL_SOURCE |= {"ro": "RO", "bg": "BG"}
DEEPL_TARGET = DEEPL_SOURCE | {"en": "EN-GB"}


class DeepLBackend:
    """DeepL through its official client (`deepl.Translator`)."""

    name = "DeepL"

    def __init__(self, *, auth_key, server_url="", timeout):
        # The client's own retries are off: `translate` retries, for every backend
        # alike. Its timeout is the larger of this and about a second.
        deepl.http_client.max_network_retries = 0
        deepl.http_client.min_connection_timeout = timeout
        self.timeout = timeout
        self.translator = deepl.Translator(
            auth_key, server_url=server_url or None, send_platform_info=False
        )

    def translate(self, texts, source, target):
        try:
            results = self.translator.translate_text(
                texts, source_lang=DEEPL_SOURCE[source], target_lang=DEEPL_TARGET[target]
            )
        except deepl.QuotaExceededException as error:
            raise QuotaExceeded(
                _("DeepL: the quota of characters for this billing period is used up (%(error)s).")
                % {"error": error}
            ) from error
        except deepl.AuthorizationException as error:
            raise Refused(
                _("DeepL refused the authentication key (DEEPL_AUTH_KEY): %(error)s.")
                % {"error": error}
            ) from error
        except deepl.ConnectionException as error:
            if isinstance(error.__cause__, requests.exceptions.Timeout):
                raise Timeout(
                    _("DeepL did not answer within %(seconds)s seconds.")
                    % {"seconds": f"{self.timeout:g}"}
                ) from error
            raise ServiceUnavailable(
                _("DeepL cannot be reached: %(error)s.") % {"error": error}
            ) from error
        except deepl.DeepLException as error:
            status = error.http_status_code
            if error.should_retry or (status is not None and status >= 500):
                raise ServiceUnavailable(
                    _("DeepL is not available (HTTP %(status)s): %(error)s.")
                    % {"status": status, "error": error}
                ) from error
            raise MachineTranslationError(
                _("DeepL could not translate: %(error)s.") % {"error": error}
            ) from error
        return [result.text for result in results]


class LibreTranslateBackend:
    """LibreTranslate through its HTTP API (POST /translate)."""

    name = "LibreTranslate"

    def __init__(self, *, url, api_key="", timeout):
        self.url = f"{url.rstrip('/')}/translate"
        self.api_key = api_key
        self.timeout = timeout

    def translate(self, texts, source, target):
        payload = {"q": texts, "source": source, "target": target, "format": "text"}
        if self.api_key:
            payload["api_key"] = self.api_key
        try:
            response = requests.post(self.url, json=payload, timeout=self.timeout)
        except requests.exceptions.Timeout as error:
            raise Timeout(
                _("LibreTranslate did not answer within %(seconds)s seconds.")
                % {"seconds": f"{self.timeout:g}"}
            ) from error
        except requests.exceptions.RequestException as error:
            raise ServiceUnavailable(
                _("LibreTranslate cannot be reached: %(error)s.") % {"error": error}
            ) from error
        try:
            answer = response.json()
        except ValueError:
            answer = {}
        message = answer.get("error", "") if isinstance(answer, dict) else ""
        if response.status_code >= 500 or response.status_code == 429:
            raise ServiceUnavailable(
                _("LibreTranslate is not available (HTTP %(status)s): %(error)s.")
                % {"status": response.status_code, "error": message or response.reason}
            )
        if response.status_code == 403:
            raise Refused(
                _("LibreTranslate refused the API key (LIBRETRANSLATE_API_KEY): %(error)s.")
                % {"error": message or response.reason}
            )
        translated = answer.get("translatedText") if isinstance(answer, dict) else None
        if response.status_code != 200 or not isinstance(translated, list):
            raise MachineTranslationError(
                _("LibreTranslate could not translate (HTTP %(status)s): %(error)s.")
                % {"status": response.status_code, "error": message or response.reason}
            )
        return translated


def get_backend(name=None):
    """The backend named in settings (MACHINE_TRANSLATION_BACKEND) or by `name`."""
    name = settings.MACHINE_TRANSLATION_BACKEND if name is None else name
    timeout = settings.MACHINE_TRANSLATION_TIMEOUT
    if name == "deepl":
        return DeepLBackend(
            auth_key=settings.DEEPL_AUTH_KEY, server_url=settings.DEEPL_SERVER_URL, timeout=timeout
        )
    if name == "libretranslate":
        return LibreTranslateBackend(
            url=settings.LIBRETRANSLATE_URL,
            api_key=settings.LIBRETRANSLATE_API_KEY,
            timeout=timeout,
        )
    raise NotConfigured(
        _("No machine translation service is set up (MACHINE_TRANSLATION_BACKEND).")
    )


def is_configured():
    return settings.MACHINE_TRANSLATION_BACKEND in {"deepl", "libretranslate"}


def translate(texts, source, target, *, backend=None):
    """`texts` translated from language `source` into `target`, in the same order.

    Empty texts stay empty and are not sent. Transient errors are tried again
    MACHINE_TRANSLATION_RETRIES times, after MACHINE_TRANSLATION_BACKOFF seconds,
    then twice as long each time; the last one is raised.
    """
    texts = list(texts)
    to_send = [text for text in texts if text.strip()]
    if not to_send:
        return texts
    backend = backend or get_backend()
    retries = settings.MACHINE_TRANSLATION_RETRIES
    pause = settings.MACHINE_TRANSLATION_BACKOFF
    for attempt in range(retries + 1):
        try:
            translated = list(backend.translate(to_send, source, target))
            break
        except TRANSIENT_ERRORS as error:
            if attempt == retries:
                raise type(error)(
                    _("%(error)s Tried %(attempts)d times.")
                    % {"error": error, "attempts": attempt + 1}
                ) from error
            logger.warning("%s; trying again in %.1f s", error, pause)
            time.sleep(pause)
            pause *= 2
    if len(translated) != len(to_send):
        raise MachineTranslationError(
            _("%(service)s answered %(got)d texts for %(sent)d.")
            % {"service": backend.name, "got": len(translated), "sent": len(to_send)}
        )
    translated = iter(translated)
    return [next(translated) if text.strip() else text for text in texts]
