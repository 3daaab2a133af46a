"""Logos of questionnaires not yet sent, in the private folder (PRIVATE_MEDIA_ROOT).

A questionnaire being filled in owns at most one file per field: a new logo
replaces the previous file, and starting afresh or sending removes it (sending
once the logo is copied to the submission). A saved questionnaire (Draft) keeps
its own files, referred to by its `files`; resuming it copies them, so that the
draft's link still works after the copy is sent. The retention job removes what
is older than a saved questionnaire lives and no draft refers to.
"""

import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.utils.functional import cached_property
from formtools.wizard.storage.session import SessionStorage


class PrivateUploads(FileSystemStorage):
    """Uploads of questionnaires not yet sent: never served."""

    def __init__(self):
        super().__init__(base_url=None)

    @property
    def base_location(self):
        return settings.PRIVATE_MEDIA_ROOT / "questionnaire"

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    @cached_property
    def base_url(self):
        return None


class QuestionnaireStorage(SessionStorage):
    """The wizard's state in the session, which removes the files it no longer needs."""

    def set_step_files(self, step, files):
        replaced = [
            self._tmp_name(step, field)
            for field in (files or {})
            if self._tmp_name(step, field) is not None
        ]
        super().set_step_files(step, files)
        for tmp_name in replaced:
            self.file_storage.delete(tmp_name)

    def get_step_files(self, step):
        """The step's files; one gone from the folder (retention, a restore) is dropped."""
        kept = self.data[self.step_files_key].get(step) or {}
        for field, details in list(kept.items()):
            if not self.file_storage.exists(details["tmp_name"]):
                del kept[field]
        return super().get_step_files(step)

    def reset(self):
        """Start afresh; the files of the questionnaire left behind are removed now."""
        names = self._tmp_names()
        self.init_data()
        for name in names:
            self.file_storage.delete(name)

    def hand_over_files(self):
        """The step files, now owned by a saved questionnaire: a reset leaves them."""
        files = self.data[self.step_files_key]
        self.data[self.step_files_key] = {}
        return files

    def take_copies(self, files):
        """Copies of a saved questionnaire's files as this questionnaire's own."""
        copies = {}
        for step, fields in (files or {}).items():
            for field, details in fields.items():
                if not self.file_storage.exists(details["tmp_name"]):
                    continue
                with self.file_storage.open(details["tmp_name"]) as original:
                    name = self.file_storage.save(details["name"], original)
                copies.setdefault(step, {})[field] = {**details, "tmp_name": name}
        self.data[self.step_files_key] = copies

    def _tmp_name(self, step, field):
        return (self.data[self.step_files_key].get(step) or {}).get(field, {}).get("tmp_name")

    def _tmp_names(self):
        return [
            details["tmp_name"]
            for fields in self.data[self.step_files_key].values()
            for details in fields.values()
        ]


def referred_files(drafts):
    """The names of the files that these saved questionnaires refer to."""
    return {
        details.get("tmp_name")
        for files in drafts.values_list("files", flat=True)
        if isinstance(files, dict)
        for fields in files.values()
        if isinstance(fields, dict)
        for details in fields.values()
        if isinstance(details, dict)
    }
