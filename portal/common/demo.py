"""Demo data for `make run`, as the apps register it.

The kernel lists no app: each app that has demo data registers its loader from
its `AppConfig.ready()`, by dotted path so that only `load_demo` imports the demo
modules and their data: `register("offers.demo.load_demo", app=self.label)`. A
loader creates what does not exist yet (a second run adds nothing) and returns
the lines `manage.py load_demo` prints of it.

`load_all()` runs the loaders in the order of their apps in INSTALLED_APPS, which
lists an app after those it builds on (companies, offers, questionnaire): offers
find their organisations, questionnaires their clusters. One app's loaders run in
the order it registered them.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.apps import apps
from django.utils.module_loading import import_string


@dataclass(frozen=True)
class Loader:
    app: str
    # The function, or its dotted path.
    load: str | Callable[[], Iterable[str]]

    def run(self):
        load = import_string(self.load) if isinstance(self.load, str) else self.load
        return load()


# The registered loaders, in the order their apps registered them.
_loaders = []


def register(load, *, app):
    """Have `load_demo` run `load` (a function or its dotted path) among the demo
    data of app `app` (its label).

    Called from the app's `AppConfig.ready()`; a loader registered twice runs once.
    """
    loader = Loader(app, load)
    if loader not in _loaders:
        _loaders.append(loader)
    return loader


def unregister(loader):
    _loaders.remove(loader)


def loaders():
    """The registered loaders in the order they run: by app, in INSTALLED_APPS order."""
    order = {config.label: index for index, config in enumerate(apps.get_app_configs())}
    return sorted(_loaders, key=lambda loader: order[loader.app])


def load_all():
    """Run every loader, yielding its lines as it finishes (for `load_demo` to print)."""
    for loader in loaders():
        yield from loader.run()
