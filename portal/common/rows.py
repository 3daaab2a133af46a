"""One row read by plain SQL, for what every request of a page reads first.

An offer's or an organisation's page reads a few fields of its row (its state,
its date, its last change) before its body, which is kept rendered
(portal/common/fragments.py). Building that query with the ORM costs several
times what running it does; the SQL here is written once per model and fields,
and the row comes back as a model instance whose other fields are deferred
(through `raw()`, which converts the values as the ORM does, on SQLite too).
"""

import functools

from django.db import connection


def first_row(model, fields, where, params):
    """The first row of `model` matching `where` (SQL over `{column}` names, with `%s`
    for each of `params`), with its key and `fields` read, or None.

    `where` names columns as `{field}` placeholders, e.g. "{slug} = %s".
    """
    sql = _select(model, tuple(fields), where)
    for row in model._default_manager.raw(sql, params):
        return row
    return None


@functools.cache
def _select(model, fields, where):
    meta = model._meta
    quote = connection.ops.quote_name
    columns = {field.name: quote(field.column) for field in meta.concrete_fields}
    selected = ", ".join(columns[name] for name in (meta.pk.name, *fields))
    # Only the model's own table and column names, quoted, and a condition written
    # in the code: the values are the query's parameters.
    return f"SELECT {selected} FROM {quote(meta.db_table)} WHERE {where.format(**columns)} LIMIT 1"  # noqa: S608
