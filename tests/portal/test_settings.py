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
