from django.conf import settings
from django.db import models
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Orderable, Page

from network_pages.community.comments.mixin import CommentablePageMixin
from network_pages.information import limits
from network_pages.information.admin_forms import InformationRequestPageForm
from network_pages.information.views import compilation as compilation_views
from network_pages.information.views import requests as request_views
from network_pages.information.views import responses as response_views
from network_pages.models import MemberState


class RequestQuestion(Orderable):
    """One concise question of a request (4.6). Its number is its place in the order."""

    page = ParentalKey(
        "information.InformationRequestPage", on_delete=models.CASCADE, related_name="questions"
    )
    text = models.TextField(_("question"), max_length=limits.QUESTION_MAX_LENGTH)

    panels = [FieldPanel("text")]

    class Meta(Orderable.Meta):
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def __str__(self) -> str:
        return self.text


class InformationRequestPage(CommentablePageMixin, RoutablePageMixin, Page):
    """A request for information addressed to the network (4.5, 4.6).

    Written in one of the two official languages, made of concise numbered questions with,
    where necessary, brief factual background. It comes from the DMR or from a member state
    through its Focal Point; each member state answers it once (`Response`).
    """

    class Status(models.TextChoices):
        OPEN = "open", pgettext_lazy("information request status", "Open")
        CLOSED = "closed", pgettext_lazy("information request status", "Closed")

    language = models.CharField(
        _("language of the request"),
        max_length=2,
        choices=settings.LANGUAGES,
        default="en",
        help_text=_(
            "One of the two official languages of the Council of Europe (4.6). The network "
            "area is one locale: content stays in the language it was written in."
        ),
    )
    member_state = models.ForeignKey(
        MemberState,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("requesting member state"),
        help_text=_("Leave empty when the request comes from the DMR Secretariat."),
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("requested by"),
    )
    background = models.TextField(
        _("background"),
        max_length=limits.BACKGROUND_MAX_LENGTH,
        blank=True,
        help_text=_("Brief factual information to help understand the request (optional)."),
    )
    deadline = models.DateField(
        _("response deadline"),
        help_text=_("Responses can be edited until the end of this day, Paris time."),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.OPEN
    )

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("language"), FieldPanel("status"), FieldPanel("deadline")]),
        MultiFieldPanel(
            [FieldPanel("member_state"), FieldPanel("requested_by")], heading=_("Requester")
        ),
        FieldPanel("background"),
        InlinePanel(
            "questions",
            heading=_("Questions"),
            label=_("Question"),
            min_num=1,
            max_num=limits.MAX_QUESTIONS,
        ),
    ]
    base_form_class = InformationRequestPageForm
    parent_page_types = ["information.InformationRequestIndexPage"]
    subpage_types: list[str] = []
    # The admin title's field, read for the explorer's rows at once (nfp_site.page_explorer).
    explorer_row_fields = ("language",)

    class Meta:
        verbose_name = _("information request")
        verbose_name_plural = _("information requests")

    def get_admin_display_title(self) -> str:
        """4.6: a request carries its own language; the admin says which, since the page's
        locale (the network area's one locale) says nothing about it."""
        written_in = {"en": gettext("in English"), "fr": gettext("in French")}
        title = super().get_admin_display_title()
        return f"{title} ({written_in.get(self.language, self.language)})"

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN

    @property
    def deadline_passed(self) -> bool:
        return timezone.localdate() > self.deadline

    def numbered_questions(self) -> list[RequestQuestion]:
        """The questions in order, each with its `number` (1, 2, ...) set."""
        questions = list(self.questions.all())
        for number, question in enumerate(questions, start=1):
            question.number = number
        return questions

    # The routes below are decided by the network area's access rule before they run
    # (`before_serve_page`); each view adds the rule of its own (whose draft, who downloads).

    @path("")
    def index_route(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        return request_views.request_detail(request, self)

    @path("response/", name="edit_response")
    def edit_response(self, request: HttpRequest) -> HttpResponse:
        return response_views.edit_response(request, self)

    @path("responses/<str:code>/", name="response")
    def response_detail(self, request: HttpRequest, code: str) -> HttpResponse:
        return response_views.response_detail(request, self, code)

    @path("compilation/", name="compilation")
    def compilation(self, request: HttpRequest) -> HttpResponse:
        return compilation_views.compilation_page(request, self)

    @path("compilation/csv/", name="compilation_csv")
    def compilation_csv(self, request: HttpRequest) -> HttpResponse:
        return compilation_views.compilation_download(request, self, "csv")

    @path("compilation/xlsx/", name="compilation_xlsx")
    def compilation_xlsx(self, request: HttpRequest) -> HttpResponse:
        return compilation_views.compilation_download(request, self, "xlsx")
