"""wagtail-localize's doors, through the gate (3.3): a translation of a public page goes
public only through the joint approval.

Its editor asks the page's permission tester (no "Publish" on gated pages). Its "Sync
translated pages" screen publishes the translations itself, without asking anyone: on
gated pages its "Publish immediately" box is disabled, so the sync updates drafts only.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.models import Page
from wagtail_localize.views.update_translations import UpdateTranslationsView

from workflows import gate

SYNC_MAKES_DRAFTS = _(
    "Translations of public pages go public only through the joint approval: the sync "
    "updates their drafts; submit each translation to the joint approval."
)


class GatedUpdateTranslationsView(UpdateTranslationsView):
    def get_form(self):
        form = super().get_form()
        source = self.object.get_source_instance()
        if isinstance(source, Page) and gate.refusal(
            self.request.user, source, gate.PUBLISH_TRANSLATIONS
        ):
            field = form.fields["publish_translations"]
            field.disabled = True
            field.help_text = SYNC_MAKES_DRAFTS
        return form
