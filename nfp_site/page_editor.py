"""Wagtail's page editor, with its translations' permission check read with them (issue 17).

Wagtail lists the page's translations the user may edit, reading each with only its id,
locale and depth, then asks each one's permission tester, which needs its type and its place
in the tree: two more queries per translation (every network page has its French alias).
Here they are read with the rest; the list and its rule are Wagtail's
(EditView.get_translations).
"""

from django.urls import reverse
from wagtail.admin.views.pages.edit import EditView


class PageEditView(EditView):
    def get_translations(self):
        return [
            {
                "locale": translation.locale,
                "url": reverse("wagtailadmin_pages:edit", args=[translation.id]),
            }
            for translation in self.page.get_translations()
            .only("id", "locale", "depth", "path", "content_type")
            .select_related("locale")
            if translation.permissions_for_user(self.request.user).can_edit()
        ]
