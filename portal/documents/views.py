from django.http import FileResponse, Http404
from django.views.generic import DetailView
from django_filters.views import FilterView

from portal.common.languages import LANGUAGE_CODES
from portal.common.views import FilteredListMixin
from portal.documents import selectors
from portal.documents.filters import DocumentFilter
from portal.documents.validators import FORMATS

# The list's filter form shows the clusters: kept rendered a minute at most.
OPTIONS_SECONDS = 60


class DocumentListView(FilteredListMixin, FilterView):
    template_name = "documents/document_list.html"
    filterset_class = DocumentFilter
    page_kind = "documents"
    list_seconds = OPTIONS_SECONDS

    def get_queryset(self):
        return selectors.document_list()


class DocumentDetailView(DetailView):
    template_name = "documents/document_detail.html"
    context_object_name = "document"

    def get_object(self, queryset=None):
        document = selectors.document_detail(self.kwargs["slug"])
        if document is None:
            raise Http404
        return document

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["files"] = [
            {"file": file, "format": FORMATS.get(file.file_format)}
            for file in selectors.files_for_reader(self.object)
        ]
        return context


def document_download(request, slug, language):
    """A published document's file in one language, as an attachment.

    Read through the storage (the files are not served from a public folder), under
    a name of the document's slug, the language and the format: never the name it
    was uploaded with.
    """
    if language not in LANGUAGE_CODES:
        raise Http404
    document_file = selectors.downloadable_file(slug, language)
    if document_file is None or not document_file.file:
        raise Http404
    file_format = FORMATS.get(document_file.file_format)
    if file_format is None:
        raise Http404
    try:
        content = document_file.file.open("rb")
    except OSError:  # the row outlived its file
        raise Http404 from None
    response = FileResponse(
        content,
        as_attachment=True,
        filename=f"{document_file.document.slug}-{language}.{file_format.extension}",
        content_type=file_format.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response
