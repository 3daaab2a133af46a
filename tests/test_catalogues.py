"""The interface catalogues: complete, compiled, and real translations."""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from portal.common.languages import LANGUAGE_CODES

ROOT = Path(__file__).resolve().parents[1]


def catalogue(code):
    return ROOT / "locale" / code / "LC_MESSAGES" / "django.po"


def entries(path):
    """msgid -> msgstr of a catalogue (plural forms joined), without the header."""
    text = path.read_text(encoding="utf-8")
    result = {}
    for block in text.split("\n\n"):
        if "#, fuzzy" in block and 'msgid ""\nmsgstr ""\n"Project' not in block:
            result.setdefault("__fuzzy__", []).append(block)
        ids = re.findall(r'^msgid "(.*)"\n((?:".*"\n)*)', block + "\n", re.MULTILINE)
        if not ids:
            continue
        msgid = ids[0][0] + "".join(re.findall(r'"(.*)"', ids[0][1]))
        strs = re.findall(r'^msgstr(?:\[\d\])? "(.*)"\n((?:".*"\n)*)', block + "\n", re.MULTILINE)
        if msgid:
            result[msgid] = [first + "".join(re.findall(r'"(.*)"', rest)) for first, rest in strs]
    return result


@pytest.mark.parametrize("code", LANGUAGE_CODES)
def test_catalogue_is_complete(code):
    result = subprocess.run(
        ["msgfmt", "--check", "--statistics", "-o", "/dev/null", str(catalogue(code))],
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode == 0, result.stderr
    assert "fuzzy" not in result.stderr
    assert "untranslated" not in result.stderr


def test_every_catalogue_has_the_same_messages():
    reference = set(entries(catalogue("pl"))) - {"__fuzzy__"}
    for code in LANGUAGE_CODES:
        assert set(entries(catalogue(code))) - {"__fuzzy__"} == reference, code


@pytest.mark.parametrize("code", [code for code in LANGUAGE_CODES if code != "en"])
def test_translations_are_not_english_copies(code):
    messages = entries(catalogue(code))
    copies = [
        msgid
        for msgid, translations in messages.items()
        if msgid != "__fuzzy__"
        and len(msgid) > 12
        and " " in msgid
        and any(translation == msgid for translation in translations)
    ]
    assert copies == []


def test_catalogues_hold_every_string_of_the_source(tmp_path):
    """makemessages, run on a copy of the sources, finds no string the catalogues lack."""
    project = tmp_path / "project"
    project.mkdir()
    for name in ["portal", "companies", "offers", "questionnaire", "templates"]:
        shutil.copytree(ROOT / name, project / name)
    (project / "locale" / "pl" / "LC_MESSAGES").mkdir(parents=True)
    extracted = subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; django.setup(); from django.core.management import call_command; "
            "call_command('makemessages', locale=['pl'], verbosity=0)",
        ],
        cwd=project,
        capture_output=True,
        text=True,
        env={
            "PATH": os.environ["PATH"],
            "DEBUG": "true",
            "PYTHONPATH": str(project),
            "DJANGO_SETTINGS_MODULE": "portal.settings",
        },
        check=False,
    )

    assert extracted.returncode == 0, extracted.stderr
    found = set(entries(project / "locale" / "pl" / "LC_MESSAGES" / "django.po"))
    assert found - set(entries(catalogue("pl"))) == set()


@pytest.mark.parametrize("code", [code for code in LANGUAGE_CODES if code != "en"])
def test_allauths_own_catalogue_is_complete_for_every_language_but_its_source(code):
    """The sign-in pages and e-mails show allauth's own strings: its catalogue of each
    of our languages (English is its source) translates every one of them."""
    import allauth

    path = Path(allauth.__file__).parent / "locale" / code / "LC_MESSAGES" / "django.po"
    result = subprocess.run(
        ["msgfmt", "--check", "--statistics", "-o", os.devnull, str(path)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "translated messages" in result.stderr
    assert "fuzzy" not in result.stderr and "untranslated" not in result.stderr
