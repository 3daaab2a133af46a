"""The `make run` set-up: migrations, demo data and search on an embedded SQLite file."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_sqlite_demo_migrates_loads_and_searches(tmp_path):
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "SECRET_KEY", "DEBUG"}
    }
    env.update(
        DEBUG="true",
        ALLOWED_HOSTS="testserver",
        DATABASE_URL=f"sqlite:///{tmp_path / 'demo.sqlite3'}",
    )

    def manage(*args):
        result = subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        assert result.returncode == 0, result.stderr
        return result.stdout

    manage("migrate", "--noinput", "-v", "0")
    first = manage("load_demo")
    second = manage("load_demo")
    search = manage(
        "shell",
        "-c",
        "from django.test import Client; "
        "r = Client().get('/it/directory/', {'q': 'mleko'}); "
        "page = r.content.decode(); "
        "print(r.status_code, 'Spółdzielnia Mleczarska Narew' in page, 'Agromet' in page)",
    )

    analysis = manage(
        "shell",
        "-c",
        "from django.test import Client; "
        "r = Client().get('/it/clusters/dairy/analysis/'); "
        "page = r.content.decode(); "
        "print(r.status_code, page.index('PL84') < page.index('PL41'), "
        "'Campione illustrativo per la demo, non statistiche ufficiali' in page)",
    )

    assert "(0 new)" not in first
    assert "(0 new)" in second
    assert search.split()[-3:] == ["200", "True", "False"]
    # The demo's dairy analysis ranks Podlaskie above Wielkopolska, and says its
    # figures are a sample.
    assert analysis.split()[-3:] == ["200", "True", "True"]
