"""The admin's upload forms: every document's content is checked
(WAGTAILDOCS_DOCUMENT_FORM_BASE); images stay out of restricted collections
(WAGTAILIMAGES_IMAGE_FORM_BASE)."""

from django.utils.translation import gettext_lazy as _
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.forms import BaseImageForm

from network_pages.document_content import check_document_content


class CheckedDocumentForm(BaseDocumentForm):
    """WAGTAILDOCS_DOCUMENT_FORM_BASE: every document upload in the admin is checked."""

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload and "file" in self.changed_data:
            check_document_content(upload)
        return upload


class PublicImageForm(BaseImageForm):
    """WAGTAILIMAGES_IMAGE_FORM_BASE: images are public files (Wagtail serves their
    renditions from /media/ without asking anyone), so they never go into a restricted
    collection; confidential pictures are uploaded as documents (issue 13)."""

    def clean(self):
        cleaned_data = super().clean()
        collection = cleaned_data.get("collection")
        if collection is not None and collection.get_view_restrictions():
            self.add_error(
                "collection",
                _(
                    "Images are public files: they cannot go into a restricted collection. "
                    "Choose a public collection, or upload a confidential picture as a "
                    "document."
                ),
            )
        return cleaned_data
