import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_manage(*args, **environment):
    env = {
        key: value
        for key, value in os.environ.items()
        if key
        not in {
            "DEBUG",
            "SECRET_KEY",
            "ALLOWED_HOSTS",
            "HTTPS",
            "PORTAL_URL",
            "CACHE_URL",
            "PAGE_CACHE_SECONDS",
            "DJANGO_ALLOW_ASYNC_UNSAFE",
        }
    }
    env.update(environment)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_start_up_without_secret_key_fails_with_a_clear_message():
    result = run_manage("check", DEBUG="false", ALLOWED_HOSTS="portal.example")

    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_start_up_without_allowed_hosts_fails_with_a_clear_message():
    result = run_manage("check", DEBUG="false", SECRET_KEY="x" * 60)

    assert result.returncode != 0
    assert "ALLOWED_HOSTS is not set" in result.stderr


def test_start_up_without_portal_url_fails_with_a_clear_message():
    result = run_manage("check", DEBUG="false", SECRET_KEY="x" * 60, ALLOWED_HOSTS="portal.example")

    assert result.returncode != 0
    assert "PORTAL_URL is not set" in result.stderr


def test_deployment_check_is_clean_under_production_settings():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DEBUG="false",
        SECRET_KEY="p" * 20 + "-production-secret-0123456789-abcdefghijklmnop",
        ALLOWED_HOSTS="klastry.podlaskie.example",
        PORTAL_URL="https://klastry.podlaskie.example",
        CACHE_URL="redis://127.0.0.1:6379/0",
    )

    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


PRODUCTION = {
    "DEBUG": "false",
    "SECRET_KEY": "p" * 20 + "-production-secret-0123456789-abcdefghijklmnop",
    "ALLOWED_HOSTS": "klastry.podlaskie.example",
    "PORTAL_URL": "https://klastry.podlaskie.example",
}
DATABASE_SETTINGS = (
    "from django.db import connection; database = connection.settings_dict; "
    "print(database['CONN_MAX_AGE'], database['CONN_HEALTH_CHECKS'])"
)


def printed(code, **environment):
    """What `code` prints in a manage.py shell with these settings."""
    result = run_manage("shell", "--no-imports", "-c", code, **environment)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_production_keeps_database_connections_a_minute_and_checks_them():
    assert printed(DATABASE_SETTINGS, **PRODUCTION) == "60 True"


def test_the_environment_sets_how_long_database_connections_are_kept():
    assert printed(DATABASE_SETTINGS, **PRODUCTION, CONN_MAX_AGE="0") == "0 True"


def test_development_opens_a_database_connection_per_request():
    assert printed(DATABASE_SETTINGS, DEBUG="true") == "0 True"


PAGE_CACHE_SETTING = "from django.conf import settings; print(settings.PAGE_CACHE_SECONDS)"


def test_production_keeps_anonymous_pages_five_minutes_and_development_none():
    assert printed(PAGE_CACHE_SETTING, **PRODUCTION) == "300"
    assert printed(PAGE_CACHE_SETTING, **PRODUCTION, PAGE_CACHE_SECONDS="0") == "0"
    assert printed(PAGE_CACHE_SETTING, DEBUG="true") == "0"


def test_production_keeps_compiled_templates_in_memory():
    code = (
        "from django.template import engines; "
        "print([type(loader).__module__ for loader in engines['django'].engine.template_loaders])"
    )

    assert printed(code, **PRODUCTION) == "['django.template.loaders.cached']"
