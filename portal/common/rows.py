"""One row read by plain SQL, for what every request of a page reads first.

An offer's or an organisation's page reads a few fields of its row (its state,
its date, its last change) before its body, which is kept rendered
(portal/common/fragments.py). Building that query with the ORM costs several
times what running it does; the SQL here is written once per model and fields,
its values converted as the ORM converts them (on SQLite too), and the row comes
back as a model instance whose other fields are deferred.
"""

import functools

from django.db import connection


def first_row(model, fields, where, params):
    """The first row of `model` matching `where` (SQL over `{field}` names, with `%s`
    for each of `params`), with its key and `fields` read, or None.

    `where` names columns as `{field}` placeholders, e.g. "{slug} = %s".
    """
    sql, names, converters = _select(model, tuple(fields), where)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        row = cursor.fetchone()
    if row is None:
        return None
    values = []
    for value, (field, field_converters) in zip(row, converters, strict=True):
        for convert in field_converters:
            value = convert(value, field, connection)
        values.append(value)
    return model.from_db(connection.alias, names, values)


@functools.cache
def _select(model, fields, where):
    meta = model._meta
    quote = connection.ops.quote_name
    columns = {field.name: quote(field.column) for field in meta.concrete_fields}
    # In the model's order of fields, as `from_db` takes the values.
    wanted = {meta.pk.name, *fields}
    chosen = [field for field in meta.concrete_fields if field.name in wanted]
    converters = [
        (
            field.get_col(meta.db_table),
            connection.ops.get_db_converters(field.get_col(meta.db_table))
            + field.get_db_converters(connection),
        )
        for field in chosen
    ]
    selected = ", ".join(columns[field.name] for field in chosen)
    # Only the model's own table and column names, quoted, and a condition written
    # in the code: the values are the query's parameters.
    sql = f"SELECT {selected} FROM {quote(meta.db_table)} WHERE {where.format(**columns)} LIMIT 1"  # noqa: S608
    return sql, [field.attname for field in chosen], converters
