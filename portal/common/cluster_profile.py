"""What the portal's own data says about a cluster, as the apps contribute it.

The kernel lists no app. Each app registers a function from its
`AppConfig.ready()` with `register(name, order, function)`; `parts(cluster=...,
region=...)` calls every registered function, in the order of their `order`,
and returns the `ProfilePart`s they give (a list each, possibly empty). A
function reads a fixed number of queries, whatever the number of organisations,
offers or answers. `registered()` puts a function in for the length of a `with`
(tests).
"""

import contextlib
from collections.abc import Callable
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class ProfilePart:
    """One table: its rows (label, count), and how many of `total` answered.

    `answered` is how many of the `total` in scope have a value for the question
    (an organisation with no certification did not answer "certifications").
    `unit` names what `answered` and `total` count: "organisations" or
    "questionnaires". The headings name the table's two columns.
    """

    title: str
    rows: list = field(default_factory=list)
    answered: int = 0
    total: int = 0
    note: str = ""
    unit: str = "organisations"
    label_heading: str = _("Answer")
    count_heading: str = _("Organisations")


@dataclass(frozen=True)
class Contributor:
    name: str
    order: int
    function: Callable


_contributors = {}


def register(name, order, function):
    """Add `function(*, cluster, region)` -> [ProfilePart] under `name`.

    Registering a name again replaces its function.
    """
    _contributors[name] = Contributor(name, order, function)
    return function


def unregister(name):
    del _contributors[name]


@contextlib.contextmanager
def registered(name, order, function):
    """The profile with `function` in it, for as long as the `with` lasts (tests)."""
    previous = _contributors.get(name)
    register(name, order, function)
    try:
        yield function
    finally:
        if previous is None:
            unregister(name)
        else:
            _contributors[name] = previous


def contributors():
    return sorted(
        _contributors.values(), key=lambda contributor: (contributor.order, contributor.name)
    )


def parts(*, cluster, region=None):
    """Every registered app's parts for `cluster`, within `region` (a Region) if given."""
    found = []
    for contributor in contributors():
        found.extend(contributor.function(cluster=cluster, region=region))
    return found
