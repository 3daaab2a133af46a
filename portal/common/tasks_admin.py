"""Background task results in the admin, with their error: staff see why one failed.

django-tasks-db's own (read-only) admin lists the status only; this one adds
the error (the exception's message) and the result to the list.
"""

from django.contrib import admin
from django.db.models import OuterRef, Subquery
from django.utils.translation import gettext_lazy as _
from django_tasks_db.admin import DBTaskResultAdmin
from django_tasks_db.models import DBTaskResult

from portal.models import TaskProgress


def error_message(traceback):
    """The last line of a traceback: the exception's class and message."""
    lines = [line for line in traceback.strip().splitlines() if line.strip()]
    return lines[-1] if lines else ""


class TaskResultAdmin(DBTaskResultAdmin):
    list_display = (
        "task_name",
        "status",
        "progress",
        "enqueued_at",
        "finished_at",
        "result",
        "error",
    )
    list_display_links = ("task_name",)
    search_fields = ("id", "task_path", "traceback")
    # The library's read-only fields that show these (see portal/common/admin.py).
    display_fields = {
        "formatted_traceback": "traceback",
        "error": "traceback",
        "display_run_after": "run_after",
    }

    def get_queryset(self, request):
        progress = TaskProgress.objects.filter(task_id=OuterRef("pk"))
        return (
            super()
            .get_queryset(request)
            .annotate(
                progress_done=Subquery(progress.values("done")),
                progress_total=Subquery(progress.values("total")),
            )
        )

    def get_readonly_fields(self, request, obj=None):
        return ["progress", *super().get_readonly_fields(request, obj)]

    @admin.display(description=_("progress"))
    def progress(self, task_result):
        if task_result.progress_total is None:
            return ""
        return _("%(done)d of %(total)d") % {
            "done": task_result.progress_done,
            "total": task_result.progress_total,
        }

    @admin.display(description=_("result"))
    def result(self, task_result):
        return task_result.return_value if task_result.return_value is not None else ""

    @admin.display(description=_("error"))
    def error(self, task_result):
        return error_message(task_result.traceback)


admin.site.unregister(DBTaskResult)
admin.site.register(DBTaskResult, TaskResultAdmin)
