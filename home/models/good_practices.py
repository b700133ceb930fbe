from django.utils.translation import gettext_lazy as _

from .public_page import PublicIndexPage, PublicPage


class GoodPracticePage(PublicPage):
    """A good practice (2.1 d) that the network and the DMR decided to share publicly."""

    parent_page_types = ["home.GoodPracticeIndexPage"]
    index_page_type = "home.GoodPracticeIndexPage"

    class Meta:
        verbose_name = _("good practice")
        verbose_name_plural = _("good practices")


class GoodPracticeIndexPage(PublicIndexPage):
    subpage_types = ["home.GoodPracticePage"]

    class Meta:
        verbose_name = _("good practices index")
