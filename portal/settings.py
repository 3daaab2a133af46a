"""Settings of the cluster portal, read from the environment.

Development defaults are safe for `make run`; with DEBUG off, a missing
production setting stops start-up with a message that names it.
"""

from datetime import timedelta
from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()

DEBUG = env.bool("DEBUG", default=False)

SECRET_KEY = env.str("SECRET_KEY", default="")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Set the SECRET_KEY environment variable to a long "
            "random string (or DEBUG=true for local development)."
        )
    SECRET_KEY = "insecure-development-key-never-used-with-debug-off"  # noqa: S105

ALLOWED_HOSTS = env.list(
    "ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"] if DEBUG else []
)
if not DEBUG and not ALLOWED_HOSTS:
    raise ImproperlyConfigured(
        "ALLOWED_HOSTS is not set. List the portal's host names in the "
        "ALLOWED_HOSTS environment variable, separated by commas."
    )
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "modeltranslation",
    # The admin with the portal's site: staff sign-in with a second factor.
    "portal.apps.PortalAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django.contrib.sitemaps",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_countries",
    "django_filters",
    "phonenumber_field",
    "formtools",
    "django_ratelimit",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_tasks_db",
    "import_export",
    "simple_history",
    # Rich text for news and events, cleaned with nh3 (portal/common/rich_text.py).
    "django_prose_editor",
    # Members (a firm's contact person, a partner abroad) sign in by a code
    # e-mailed to them: django-allauth's accounts, without passwords.
    "allauth",
    "allauth.account",
    "portal",
    "companies",
    "offers",
    "questionnaire",
    # Content sub-apps: the project's activities (portal/<app>/).
    "portal.documents",
    "portal.events",
    "portal.news",
    "portal.project",
    # The signed-in member area (shell).
    "portal.members",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Anonymous visitors' kept pages, before the session and everything after it
    # runs; it keeps them on their way out, with the headers added below it
    # (portal/common/page_cache.py).
    "portal.common.page_cache.KeptPageMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # A page whose database does not answer is a translated 503 (portal/middleware.py).
    "portal.middleware.DatabaseUnavailableMiddleware",
    "django.middleware.common.CommonMiddleware",
    # Before anything reads a posted body (CsrfViewMiddleware does).
    "portal.common.request_size.RequestSizeLimitMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    # django-allauth's sign-in stages (the code awaiting confirmation).
    "allauth.account.middleware.AccountMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Who changed a record: the signed-in user, in its history (portal/common/history.py).
    "simple_history.middleware.HistoryRequestMiddleware",
    "portal.middleware.StaffSessionIdleMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_ratelimit.middleware.RatelimitMiddleware",
    # Last, as django-axes asks: it turns a locked-out sign-in into its page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "portal.context_processors.map_tiles",
                "portal.context_processors.portal_contact",
                "portal.context_processors.retention",
            ],
        },
    },
]

# Database: an embedded SQLite file unless DATABASE_URL names another database.
DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
# Connections kept open CONN_MAX_AGE seconds are checked before a request uses
# them, so that a database restart costs no request an error. In production a
# worker keeps its connection for a minute: opening one costs more than most
# pages. In development one per request, so that nothing holds the database.
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=0 if DEBUG else 60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache (and with it rate limits): Redis where there is more than one process,
# for example CACHE_URL=redis://127.0.0.1:6379/0.
CACHES = {"default": env.cache("CACHE_URL", default="locmemcache://portal")}
if CACHES["default"]["BACKEND"] == "django.core.cache.backends.redis.RedisCache":
    # Django's, with one Redis client per connection pool (portal/common/redis_cache.py).
    CACHES["default"]["BACKEND"] = "portal.common.redis_cache.RedisCache"

# Public offer and directory pages are kept whole for anonymous visitors this many
# seconds (portal/common/page_cache.py; the lists of live offers a minute at most);
# 0 keeps none, as in development, so that an edit shows at once.
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=0 if DEBUG else 300)

# Parts of public pages (an offer's card, the body of an offer's page) are kept
# rendered per language this many seconds, for every reader, signed in or not
# (portal/common/fragments.py); 0 renders them for each request, as in development.
FRAGMENT_CACHE_SECONDS = env.int("FRAGMENT_CACHE_SECONDS", default=0 if DEBUG else 300)

# Rate limits (django-ratelimit) count in the cache; a refused request gets a
# translated 429 page. Behind the office's proxy the client's address is the one
# the proxy puts in X-Forwarded-For (RATELIMIT_IP_META_KEY=HTTP_X_FORWARDED_FOR).
# Besides the counts the cache holds only what can be read again from the database
# (the list filters' options, portal/common/cache.py, and the public pages,
# portal/common/page_cache.py): sessions and sign-in lockouts are in the database.
# With the cache down, rate limits let requests through and log a warning
# (portal/common/humans.py), so that no form fails for want of a count.
RATELIMIT_VIEW = "portal.views.rate_limited"
RATELIMIT_FAIL_OPEN = True
RATELIMIT_IP_META_KEY = env.str("RATELIMIT_IP_META_KEY", default="REMOTE_ADDR")
SILENCED_SYSTEM_CHECKS = []
if CACHES["default"]["BACKEND"].endswith("LocMemCache"):
    # One process, one memory: counts are exact there.
    SILENCED_SYSTEM_CHECKS += ["django_ratelimit.E003", "django_ratelimit.W001"]
if CACHES["default"]["BACKEND"] == "portal.common.redis_cache.RedisCache":
    # Django's own Redis backend increments atomically, as django-ratelimit needs.
    SILENCED_SYSTEM_CHECKS.append("django_ratelimit.W001")

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Staff sign-in (portal/signin.py). django-axes counts failed sign-ins in the
# database and locks out after AXES_FAILURE_LIMIT of them for
# AXES_COOLOFF_MINUTES; each attempt during a lockout starts the cool-off again.
# Failures count per user name and address together: the office's staff share
# one public address, so locking out an address would lock out the whole office
# for one person's typos, and locking a user name alone would let anyone on the
# internet lock a staff member out. A successful sign-in clears the count.
#
# Members sign in by code through django-allauth: its backend comes after the
# staff one, and ours (portal/members/signin.py) takes no password at all and
# never returns a staff account, so the admin's sign-in keeps its lockout and
# second factor.
AUTHENTICATION_BACKENDS = [
    "portal.signin.StaffSignInBackend",
    "portal.members.signin.MemberBackend",
]
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", default=60))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
AXES_ENABLE_ACCESS_FAILURE_LOG = True
AXES_CLIENT_IP_CALLABLE = "portal.signin.client_ip"
AXES_LOCKOUT_CALLABLE = "portal.signin.locked_out"
# No start-up banner in every manage.py command's output.
AXES_VERBOSE = False
# Two-factor sign-in (django-otp, TOTP): every staff member may set up an
# authenticator app in the admin; with STAFF_2FA_REQUIRED all of them must
# before they reach anything else there.
STAFF_2FA_REQUIRED = env.bool("STAFF_2FA_REQUIRED", default=False)
OTP_TOTP_ISSUER = env.str("OTP_TOTP_ISSUER", default="Podlaskie clusters")
# Staff are signed out after this many minutes without a request
# (portal/middleware.py); public visitors' sessions are not affected.
STAFF_SESSION_IDLE_MINUTES = env.int("STAFF_SESSION_IDLE_MINUTES", default=30)

# Members (portal/members/): django-allauth, signing in by an e-mailed code only.
# No password is asked for at sign-up or sign-in (no "password1" among the sign-up
# fields), so the code is the only way in; LOGIN_BY_CODE_REQUIRED would ask for it
# after any other way too. A code lasts MEMBER_CODE_MINUTES and is void after
# MEMBER_CODE_MAX_ATTEMPTS wrong tries. Known and unknown addresses get the same
# answer: an unknown one (or a staff member's) is sent a mail saying no account
# uses it, a known one the code (ACCOUNT_EMAIL_UNKNOWN_ACCOUNTS).
ACCOUNT_ADAPTER = "portal.members.adapter.MemberAccountAdapter"
ACCOUNT_FORMS = {
    "login": "portal.members.forms.SignInForm",
    "request_login_code": "portal.members.forms.CodeRequestForm",
    "signup": "portal.members.forms.PartnerSignUpForm",
}
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*"]
ACCOUNT_LOGIN_BY_CODE_ENABLED = True
ACCOUNT_LOGIN_BY_CODE_REQUIRED = True
ACCOUNT_LOGIN_BY_CODE_TIMEOUT = env.int("MEMBER_CODE_MINUTES", default=10) * 60
ACCOUNT_LOGIN_BY_CODE_MAX_ATTEMPTS = env.int("MEMBER_CODE_MAX_ATTEMPTS", default=3)
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_EMAIL_VERIFICATION_BY_CODE_ENABLED = True
ACCOUNT_EMAIL_VERIFICATION_BY_CODE_TIMEOUT = ACCOUNT_LOGIN_BY_CODE_TIMEOUT
ACCOUNT_EMAIL_VERIFICATION_BY_CODE_MAX_ATTEMPTS = ACCOUNT_LOGIN_BY_CODE_MAX_ATTEMPTS
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_EMAIL_UNKNOWN_ACCOUNTS = True
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_LOGOUT_ON_GET = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = ""
# Codes asked for: per client address and per e-mail address (the key); sign-ups
# per client address. The client's address is read as the staff sign-in's is.
ACCOUNT_RATE_LIMITS = {
    "request_login_code": env.str("MEMBER_RATE_CODE", default="20/h/ip,5/h/key"),
    "signup": env.str("MEMBER_RATE_SIGNUP", default="10/h/ip"),
    "confirm_email": "1/10s/key",
}
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "members:home"
ACCOUNT_LOGOUT_REDIRECT_URL = "home"
ACCOUNT_SIGNUP_REDIRECT_URL = "members:home"

# Languages: Polish is the default and the source of most content.
LANGUAGE_CODE = "pl"
LANGUAGES = [
    ("pl", _("Polish")),
    ("en", _("English")),
    ("de", _("German")),
    ("it", _("Italian")),
    ("cs", _("Czech")),
    ("hu", _("Hungarian")),
    ("ro", _("Romanian")),
    ("bg", _("Bulgarian")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "Europe/Warsaw"
USE_TZ = True

MODELTRANSLATION_DEFAULT_LANGUAGE = "pl"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("pl",)
# modeltranslation's language tabs in the admin: jQuery UI from npm, not a CDN.
JQUERY_UI_URL = "vendor/jquery-ui/jquery-ui.min.js"

# Static files: front-end packages come from npm (node_modules) at pinned
# versions and are served from our own static files, never from a CDN.
STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
NODE_MODULES = BASE_DIR / "node_modules"
STATICFILES_DIRS = [
    BASE_DIR / "static",
    ("vendor/bootstrap", NODE_MODULES / "bootstrap" / "dist"),
    ("vendor/chartjs", NODE_MODULES / "chart.js" / "dist"),
    ("vendor/leaflet", NODE_MODULES / "leaflet" / "dist"),
    ("vendor/jquery-ui", NODE_MODULES / "jquery-ui" / "dist"),
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": env.str(
            "STATICFILES_BACKEND",
            default="django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage",
        )
    },
}
# Largest request, by its Content-Length, that a page taking files accepts (the
# questionnaire, the admin): a 2 MB logo and the form around it. Keep the reverse
# proxy's client_max_body_size (deploy/nginx/portal.conf) the same. Every other
# request may be REQUEST_MAX_BYTES. Larger ones get the 413 page, unread.
UPLOAD_MAX_REQUEST_BYTES = env.int("UPLOAD_MAX_REQUEST_BYTES", default=3 * 1024 * 1024)
REQUEST_MAX_BYTES = env.int("REQUEST_MAX_BYTES", default=1024 * 1024)

MEDIA_URL = "media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
# Files not to be served: uploads of questionnaires not yet sent. Shared by all
# app servers, as MEDIA_ROOT is.
PRIVATE_MEDIA_ROOT = Path(env.str("PRIVATE_MEDIA_ROOT", default=str(BASE_DIR / "private")))
# The largest file of a document (portal/documents/), per language; checked with the
# rest of the file (portal/documents/validators.py).
DOCUMENT_MAX_BYTES = env.int("DOCUMENT_MAX_BYTES", default=20 * 1024 * 1024)
# The admin pages that take a document's files or a statistics file may receive
# LARGE_UPLOAD_MAX_REQUEST_BYTES: a document's largest file and the form around it.
# Keep the reverse proxy's limit for those pages (deploy/nginx/portal.conf) the same.
LARGE_UPLOAD_VIEWS = {
    "admin:documents_document_add",
    "admin:documents_document_change",
    "admin:companies_statisticsimport_import",
}
LARGE_UPLOAD_MAX_REQUEST_BYTES = env.int(
    "LARGE_UPLOAD_MAX_REQUEST_BYTES", default=DOCUMENT_MAX_BYTES + 1024 * 1024
)

# E-mail: the console in development, SMTP (EMAIL_URL) in production.
_email = env.email_url("EMAIL_URL", default="consolemail://" if DEBUG else "smtp://localhost:25")
_email_options = {
    "host": _email.get("EMAIL_HOST"),
    "port": _email.get("EMAIL_PORT"),
    "username": _email.get("EMAIL_HOST_USER"),
    "password": _email.get("EMAIL_HOST_PASSWORD"),
    "use_tls": _email.get("EMAIL_USE_TLS", False),
    "use_ssl": _email.get("EMAIL_USE_SSL", False),
    "timeout": 10,
}
MAILERS = {
    "default": {
        "BACKEND": _email["EMAIL_BACKEND"],
        "OPTIONS": {key: value for key, value in _email_options.items() if value}
        if _email["EMAIL_BACKEND"].endswith("smtp.EmailBackend")
        else {},
    }
}
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="portal@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Map tiles: any server speaking the slippy-map tile protocol.
MAP_TILE_URL = env.str("MAP_TILE_URL", default="https://tile.openstreetmap.org/{z}/{x}/{y}.png")
MAP_TILE_ATTRIBUTION = env.str(
    "MAP_TILE_ATTRIBUTION",
    default='&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>',
)


def _origin(url):
    scheme, _sep, rest = url.partition("://")
    host = rest.split("/", 1)[0].replace("{s}", "*")
    return f"{scheme}://{host}"


# Security: a Content Security Policy with nonces, and the usual headers.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF, CSP.NONCE],
    "img-src": [CSP.SELF, "data:", _origin(MAP_TILE_URL)],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
HTTPS = env.bool("HTTPS", default=not DEBUG)
SECURE_SSL_REDIRECT = HTTPS
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000 if HTTPS else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

PHONENUMBER_DEFAULT_REGION = "PL"

# Change history (portal/common/history.py): a record's history opens for staff who may view
# the record and hold the view permission of its history; nothing is reverted from it.
SIMPLE_HISTORY_ENFORCE_HISTORY_MODEL_PERMISSIONS = True
SIMPLE_HISTORY_REVERT_DISABLED = True

DIRECTORY_PAGE_SIZE = 20

# Public forms (portal/common/humans.py): one posted sooner than this after it was shown
# is taken for a robot's; one posted more than FORM_MAX_PAGE_AGE_HOURS later is
# asked to be sent again.
FORM_MIN_SECONDS = env.float("FORM_MIN_SECONDS", default=2.0)
FORM_MAX_PAGE_AGE_HOURS = 24

# The portal's own address, for links in e-mails (never taken from a request).
PORTAL_URL = env.str("PORTAL_URL", default="http://127.0.0.1:8000" if DEBUG else "")
if not DEBUG and not PORTAL_URL:
    raise ImproperlyConfigured(
        "PORTAL_URL is not set. Set it to the portal's public address, for example "
        "https://klastry.podlaskie.eu; links in e-mails start with it."
    )

# The intake questionnaire.
QUESTIONNAIRE_CONFIRMATION_HOURS = 72  # the e-mailed confirmation link is valid this long
QUESTIONNAIRE_DRAFT_DAYS = 14  # a "continue later" link is valid this long
QUESTIONNAIRE_UNCONFIRMED_DAYS = 7  # unconfirmed submissions are deleted after this
QUESTIONNAIRE_REJECTED_RETENTION_DAYS = env.int(
    "QUESTIONNAIRE_REJECTED_RETENTION_DAYS", default=365
)
QUESTIONNAIRE_RATES = {
    "step_per_address": env.str("QUESTIONNAIRE_RATE_STEP", default="120/h"),
    "send_per_address": env.str("QUESTIONNAIRE_RATE_SEND_ADDRESS", default="10/h"),
    "send_per_email": env.str("QUESTIONNAIRE_RATE_SEND_EMAIL", default="5/h"),
}
# Also told of every confirmed submission, beside staff who may review them.
QUESTIONNAIRE_NOTIFY_EMAILS = env.list("QUESTIONNAIRE_NOTIFY_EMAILS", default=[])

# `send_event_reminders` reminds the registrants of events starting within this many days.
EVENT_REMINDER_DAYS = env.int("EVENT_REMINDER_DAYS", default=2)

# Background tasks (Django's tasks framework): kept in the database by
# django-tasks-db and run by `manage.py task_worker` (`make run` starts one), the
# library's db_worker that waits out a restart of the database.
TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend",
        "QUEUES": ["default"],
    }
}

# Exports from the admin (django-import-export, export only: portal/common/exports.py).
# A list is exported by whoever holds `<app>.export_<model>`; the formats, CSV
# and XLSX, are the admins' own, which neutralise formulas in every cell (the
# library's IMPORT_EXPORT_ESCAPE_FORMULAE_ON_EXPORT only drops a leading "=").
IMPORT_EXPORT_EXPORT_PERMISSION_CODE = "export"
IMPORT_EXPORT_ESCAPE_FORMULAE_ON_EXPORT = False

# Machine translation of content (portal/common/machine_translation.py): "deepl" (the
# official client), "libretranslate" (its HTTP API) or "" for none. Errors that
# may pass (5xx, timeouts, refused connections) are tried again
# MACHINE_TRANSLATION_RETRIES times, waiting MACHINE_TRANSLATION_BACKOFF seconds,
# then twice as long; an exceeded quota is not.
MACHINE_TRANSLATION_BACKEND = env.str("MACHINE_TRANSLATION_BACKEND", default="")
MACHINE_TRANSLATION_TIMEOUT = env.float("MACHINE_TRANSLATION_TIMEOUT", default=10.0)
MACHINE_TRANSLATION_RETRIES = env.int("MACHINE_TRANSLATION_RETRIES", default=2)
MACHINE_TRANSLATION_BACKOFF = env.float("MACHINE_TRANSLATION_BACKOFF", default=1.0)
DEEPL_AUTH_KEY = env.str("DEEPL_AUTH_KEY", default="")
# Empty: the client picks api.deepl.com or api-free.deepl.com from the key.
DEEPL_SERVER_URL = env.str("DEEPL_SERVER_URL", default="")
LIBRETRANSLATE_URL = env.str("LIBRETRANSLATE_URL", default="")
LIBRETRANSLATE_API_KEY = env.str("LIBRETRANSLATE_API_KEY", default="")
if MACHINE_TRANSLATION_BACKEND not in {"", "deepl", "libretranslate"}:
    raise ImproperlyConfigured(
        f"MACHINE_TRANSLATION_BACKEND={MACHINE_TRANSLATION_BACKEND!r} is not known. "
        'Set it to "deepl", "libretranslate" or leave it empty for none.'
    )
if MACHINE_TRANSLATION_BACKEND == "deepl" and not DEEPL_AUTH_KEY:
    raise ImproperlyConfigured(
        "DEEPL_AUTH_KEY is not set. Set it to the DeepL API key, or "
        "MACHINE_TRANSLATION_BACKEND to another backend."
    )
if MACHINE_TRANSLATION_BACKEND == "libretranslate" and not LIBRETRANSLATE_URL:
    raise ImproperlyConfigured(
        "LIBRETRANSLATE_URL is not set. Set it to the LibreTranslate server's address, "
        "for example https://libretranslate.example.org."
    )

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
}

# Who answers for the portal: named in the privacy notice and the accessibility
# statement. Set in production to the office's real contact.
PORTAL_CONTACT = {
    "name": env.str("PORTAL_CONTACT_NAME", default="Departament Rozwoju Regionalnego"),
    "email": env.str("PORTAL_CONTACT_EMAIL", default="klastry@podlaskie.eu"),
    "phone": env.str("PORTAL_CONTACT_PHONE", default="+48 85 66 54 000"),
    "dpo_email": env.str("PORTAL_DPO_EMAIL", default="iod@podlaskie.eu"),
}
