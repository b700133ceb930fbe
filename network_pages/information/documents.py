"""Documents uploaded with a response or an information item: always in the network's
restricted collection, so that the access rule serves them to members only (3.1)."""

from pathlib import Path

from wagtail.documents import get_document_model

from network_pages import network_area


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
