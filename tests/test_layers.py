"""The import contract: no layer imports one above it (README, "Layout").

Bottom up: the kernel (`portal.common`, with `portal.models`), the domain apps
`companies`, `offers` and `questionnaire` in that order, the content sub-apps of
`portal` (news, events, documents, the project: `CONTENT`), and the shell (the
rest of `portal`), which alone may import everything. Every `import` and `from ...
import` of every module counts, those inside functions too. A forbidden import
fails the test with its file, line and the module it names.

It reads source files only, so `make check` runs it without Django and without a
database: `pytest tests/test_layers.py -p no:django --noconftest`.
"""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ["portal", "companies", "offers", "questionnaire"]

KERNEL = "kernel"
CONTENT = "content"
SHELL = "shell"
# The content sub-apps of `portal`: they may import the kernel, the domain apps
# and one another, never the shell.
CONTENT_APPS = ("portal.documents", "portal.events", "portal.news", "portal.project")
# Each layer, and the layers it may import (itself included).
MAY_IMPORT = {
    KERNEL: {KERNEL},
    "companies": {KERNEL, "companies"},
    "offers": {KERNEL, "companies", "offers"},
    "questionnaire": {KERNEL, "companies", "offers", "questionnaire"},
    CONTENT: {KERNEL, "companies", "offers", "questionnaire", CONTENT},
    SHELL: {KERNEL, "companies", "offers", "questionnaire", CONTENT, SHELL},
}


def layer_of(module):
    """The layer of a dotted module name; None for Django, libraries and tests."""
    top = module.split(".")[0]
    if top == "portal":
        if module in ("portal.common", "portal.models") or module.startswith(
            ("portal.common.", "portal.models.")
        ):
            return KERNEL
        if module in CONTENT_APPS or module.startswith(tuple(f"{app}." for app in CONTENT_APPS)):
            return CONTENT
        return SHELL
    if top in PACKAGES:
        return top
    return None


def module_name(path):
    """`offers/views/alerts.py` as `offers.views.alerts` (a package as its name)."""
    parts = list(path.with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imported_modules(tree, module, is_package):
    """Each module the source imports, with its line: `from a import b` names `a.b`,
    which is `a`'s layer when `b` is not a module."""
    package = module if is_package else module.rpartition(".")[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - (node.level - 1)]
                base = ".".join([*anchor, base] if base else anchor)
            for alias in node.names:
                yield node.lineno, f"{base}.{alias.name}" if alias.name != "*" else base


def violations_in(path, source):
    """The forbidden imports of one file (`path` relative to the repository)."""
    path = Path(path)
    module = module_name(path)
    own = layer_of(module)
    if own is None:
        return []
    found = []
    tree = ast.parse(source, filename=str(path))
    for line, imported in imported_modules(tree, module, path.name == "__init__.py"):
        target = layer_of(imported)
        if target is None or target in MAY_IMPORT[own]:
            continue
        found.append(f"{path.as_posix()}:{line}: {own} imports {imported} ({target})")
    return found


def source_files(root=ROOT):
    for package in PACKAGES:
        for path in sorted((root / package).rglob("*.py")):
            yield path.relative_to(root)


def violations(root=ROOT):
    found = []
    for path in source_files(root):
        found += violations_in(path, (root / path).read_text(encoding="utf-8"))
    return found


def test_no_layer_imports_one_above_it():
    found = violations()
    assert not found, "Imports against the layers (README, Layout):\n" + "\n".join(found)


def test_offers_importing_questionnaire_fails():
    source = (
        "import questionnaire\n\n\ndef later():\n    from questionnaire.models import Submission\n"
    )
    assert violations_in("offers/example.py", source) == [
        "offers/example.py:1: offers imports questionnaire (questionnaire)",
        "offers/example.py:5: offers imports questionnaire.models.Submission (questionnaire)",
    ]


def test_companies_importing_another_app_fails():
    found = violations_in("companies/example.py", "from offers import services\n")
    assert found == ["companies/example.py:1: companies imports offers.services (offers)"]


def test_kernel_importing_an_app_or_the_shell_fails():
    source = "from companies.models import Organisation\nfrom portal import dashboard\n"
    assert violations_in("portal/common/example.py", source) == [
        "portal/common/example.py:1: kernel imports companies.models.Organisation (companies)",
        "portal/common/example.py:2: kernel imports portal.dashboard (shell)",
    ]


def test_an_app_importing_the_shell_fails_and_the_kernel_passes():
    source = "from portal.common import signed\nfrom portal.models import StatusEvent\n"
    assert violations_in("questionnaire/example.py", source) == []
    assert violations_in("questionnaire/example.py", "from portal import urls\n") == [
        "questionnaire/example.py:1: questionnaire imports portal.urls (shell)"
    ]


def test_relative_imports_count():
    assert violations_in("offers/views/example.py", "from ...questionnaire import forms\n") == [
        "offers/views/example.py:1: offers imports questionnaire.forms (questionnaire)"
    ]


def test_a_file_in_the_tree_is_read(tmp_path):
    """The walk over the packages finds a deliberate import in an offers module."""
    (tmp_path / "offers").mkdir()
    (tmp_path / "offers" / "example.py").write_text("import questionnaire.services\n")
    assert violations(tmp_path) == [
        "offers/example.py:1: offers imports questionnaire.services (questionnaire)"
    ]


def test_the_shell_imports_everything():
    source = "import companies\nimport offers\nimport questionnaire\nfrom portal import views\n"
    assert violations_in("portal/dashboard.py", source) == []


def test_content_may_import_domain_apps_and_content_but_not_the_shell():
    source = "from companies.models import Cluster\nfrom portal.documents.models import Document\n"
    assert violations_in("portal/news/example.py", source) == []
    assert violations_in("portal/events/example.py", "from portal.members import access\n") == [
        "portal/events/example.py:1: content imports portal.members.access (shell)"
    ]
    assert violations_in("offers/example.py", "from portal.news import models\n") == [
        "offers/example.py:1: offers imports portal.news.models (content)"
    ]
