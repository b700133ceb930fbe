"""Documents uploaded with a response or an information item: always in the network's
restricted collection, so that the access rule serves them to members only (3.1)."""

import logging
from pathlib import Path

from django.utils.translation import gettext_lazy as _
from wagtail.documents import get_document_model

from network_pages import network_area

logger = logging.getLogger(__name__)


class DocumentNotStored(Exception):
    """The server could not write an uploaded file (storage full or read-only). Nothing of
    the upload is kept; the message can be shown to the person who sent it."""

    def __init__(self, filename: str) -> None:
        self.filename = filename
        super().__init__(
            _(
                "Nothing was saved: the file “%(name)s” could not be stored (the server's "
                "storage is full or not writable). Your text is still in the form: try "
                "again later, or save it without the file."
            )
            % {"name": filename}
        )


def store_documents(uploads, *, user) -> list:
    """Store every upload, or none: if one cannot be written, the files already stored by
    this call are removed too, and `DocumentNotStored` says which one failed. Call it in
    the transaction of the rows that refer to the documents (rolled back with it)."""
    documents = []
    for upload in uploads:
        try:
            documents.append(store_document(upload, user=user))
        except OSError as error:
            logger.error("upload not stored: %s", type(error).__name__, exc_info=error)
            for document in documents:
                document.file.delete(save=False)
            raise DocumentNotStored(upload.name) from error
    return documents


def store_document(upload, *, user):
    """Save an uploaded file as a Wagtail document in the restricted collection."""
    document = get_document_model()(
        title=(Path(upload.name).stem or upload.name)[:255],
        file=upload,
        collection=network_area.ensure_network_collection(),
        uploaded_by_user=user,
    )
    document._set_document_file_metadata()
    document.save()
    return document
