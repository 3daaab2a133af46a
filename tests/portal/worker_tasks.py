"""A background task for the tests of the task worker."""

from django.tasks import task


@task
def echo(text):
    """Give back `text`: done means the worker claimed, ran and recorded it."""
    return text
