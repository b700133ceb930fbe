from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.http import content_disposition_header
from django.utils.text import slugify
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page

from network_pages import access
from network_pages.community.comments import audience as comment_audience
from network_pages.community.comments.mixin import CommentablePageMixin
from network_pages.meetings import agenda, attendance, ical
from network_pages.meetings.editor_panels import ConvocationPanel
from network_pages.meetings.forms import AgendaSuggestionForm, AttendanceForm, MeetingPageForm
from network_pages.meetings.page_context import meeting_page_context
from network_pages.meetings.snapshot import MeetingSnapshot
from network_pages.network_area import source_of

from .choices import DMR_CHAIR, MeetingKind, MeetingStatus
from .convocation import Convocation


class MeetingPage(CommentablePageMixin, RoutablePageMixin, Page):
    """A plenary meeting (4.1, 4.2), a thematic session (4.3) or a joint meeting (1.2).

    It can only exist under the Meetings index of the restricted network area: a plenary is
    always closed to the public (4.1). Its own view restriction names the members and the
    meeting's guest group (1.2), so that invited guests see this meeting and nothing else.
    Records about it (convocations, suggestions, attendance) belong to the page itself,
    never to its French alias (`network_area.source_of`).
    """

    kind = models.CharField(
        _("kind"), max_length=20, choices=MeetingKind.choices, default=MeetingKind.PLENARY
    )
    partner = models.CharField(
        _("with"),
        max_length=255,
        blank=True,
        help_text=_("For a joint meeting: the other network or organisation."),
    )
    opening = models.DateTimeField(_("opens"), help_text=_("Paris time."))
    closing = models.DateTimeField(_("closes"), help_text=_("Paris time."))
    venue = models.CharField(_("venue"), max_length=255, blank=True)
    online_link = models.URLField(_("online link"), blank=True)
    chair = models.CharField(
        _("chair"),
        max_length=255,
        blank=True,
        help_text=_("Leave empty when the DMR chairs, as it chairs every plenary (4.2)."),
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=MeetingStatus.choices,
        default=MeetingStatus.PLANNED,
        help_text=_("A meeting becomes convened when its convocation is sent."),
    )
    intro = models.TextField(_("purpose"), blank=True, max_length=2000)
    agenda_is_final = models.BooleanField(
        _("the agenda is final"),
        default=False,
        help_text=_(
            "Until then the agenda is shown as a draft and Focal Points may suggest items (4.4)."
        ),
    )
    minutes = RichTextField(
        _("minutes or summary"),
        blank=True,
        features=["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"],
        help_text=_("After the meeting."),
    )
    invited_members = ParentalManyToManyField(
        "network_pages.MemberProfile",
        blank=True,
        related_name="invited_to_meetings",
        verbose_name=_("invited members"),
        help_text=_(
            "For thematic sessions and joint meetings. Every active Focal Point is invited "
            "to a plenary meeting."
        ),
    )

    content_panels = [
        ConvocationPanel(heading=_("Convocation")),
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("kind"), FieldPanel("status")]),
                FieldPanel("partner"),
                FieldRowPanel([FieldPanel("opening"), FieldPanel("closing")]),
                FieldRowPanel([FieldPanel("venue"), FieldPanel("online_link")]),
                FieldPanel("chair"),
                FieldPanel("intro"),
            ],
            heading=_("Meeting"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("agenda_is_final"),
                InlinePanel("agenda_items", label=_("Agenda item"), heading=_("Agenda items")),
            ],
            heading=_("Agenda"),
        ),
        InlinePanel(
            "meeting_documents",
            label=_("Document"),
            heading=_("Documents"),
            help_text=_("Upload them to this meeting's collection, which its guests can open."),
        ),
        FieldPanel("minutes"),
    ]
    participant_panels = [
        FieldPanel("invited_members", widget=forms.CheckboxSelectMultiple),
        InlinePanel(
            "external_participants",
            label=_("External participant"),
            heading=_("External participants (1.2)"),
            help_text=_(
                "Each gets a guest account when the meeting is published: it opens this "
                "meeting and its documents only."
            ),
        ),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Meeting")),
            ObjectList(participant_panels, heading=_("Participants")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ]
    )

    base_form_class = MeetingPageForm
    # A copy is a new meeting: nobody has been convened to it yet.
    exclude_fields_in_copy = ["status"]
    parent_page_types = ["meetings.MeetingIndexPage"]
    subpage_types: list[str] = []
    template = "meetings/meeting_page.html"

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")

    # --- rules ------------------------------------------------------------------------

    # Members only: the meeting's guests read the page, not the members' comments.
    fixed_comment_audience = comment_audience.MEMBERS_NOT_GUESTS

    @property
    def is_plenary(self) -> bool:
        return self.kind == MeetingKind.PLENARY

    @property
    def chair_label(self) -> str:
        return self.chair or str(DMR_CHAIR)

    def clean(self) -> None:
        super().clean()
        errors = {}
        if self.opening and self.closing and self.closing <= self.opening:
            errors["closing"] = _("The meeting must close after it opens.")
        if not (self.venue or self.online_link):
            errors["venue"] = _("Give a venue, an online link or both.")
        if self.kind == MeetingKind.JOINT_MEETING and not self.partner:
            errors["partner"] = _("Name the network or organisation of the joint meeting.")
        source_id = self.alias_of_id or self.pk
        convened = bool(source_id) and Convocation.objects.filter(meeting_id=source_id).exists()
        if self.status == MeetingStatus.CONVENED and not convened:
            errors["status"] = _(
                "A meeting becomes convened when its convocation is sent: use “Send the "
                "convocation”."
            )
        if self.status == MeetingStatus.PLANNED and convened:
            errors["status"] = _("This meeting has been convened: it can be held or cancelled.")
        if errors:
            raise ValidationError(errors)

    # --- what readers see --------------------------------------------------------------

    def get_context(self, request: HttpRequest, *args, **kwargs) -> dict:
        context = super().get_context(request, *args, **kwargs)
        context.update(meeting_page_context(self, request))
        return context

    def _page_url(self, request: HttpRequest, anchor: str = "") -> str:
        return f"{self.get_url(request)}{anchor}"

    def _render_with_errors(self, request: HttpRequest, **forms_with_errors) -> TemplateResponse:
        request.is_preview = getattr(request, "is_preview", False)
        response = self.render(request, context_overrides=forms_with_errors)
        response.status_code = 400
        return response

    @path("suggest/", name="suggest")
    def suggest_route(self, request: HttpRequest) -> HttpResponse:
        """4.4: a Focal Point's suggestion for the draft agenda (POST)."""
        back = self._page_url(request, "#suggestions")
        if request.method != "POST":
            return redirect(back)
        refusal = agenda.suggestion_refusal(request.user, self)
        if refusal:
            messages.error(request, refusal)
            return redirect(back)
        form = AgendaSuggestionForm(request.POST)
        if not form.is_valid():
            return self._render_with_errors(request, suggestion_form=form)
        try:
            agenda.submit_suggestion(self, request.user, **form.cleaned_data)
        except agenda.SuggestionRefused as refused:
            messages.error(request, str(refused))
            return redirect(back)
        messages.success(request, gettext("Thank you: your suggestion was sent to the DMR."))
        return redirect(back)

    @path("attendance/", name="attendance")
    def attendance_route(self, request: HttpRequest) -> HttpResponse:
        """An invited person answers in person, online or not attending (POST)."""
        back = self._page_url(request, "#attendance")
        if request.method != "POST":
            return redirect(back)
        refusal = attendance.attendance_refusal(request.user, self)
        if refusal:
            messages.error(request, refusal)
            return redirect(back)
        form = AttendanceForm(request.POST)
        if not form.is_valid():
            return self._render_with_errors(request, attendance_form=form)
        try:
            answer = attendance.record_attendance(self, request.user, form.cleaned_data["response"])
        except attendance.AttendanceRefused as refused:
            messages.error(request, str(refused))
            return redirect(back)
        messages.success(
            request,
            gettext("Your answer was saved: %(answer)s.")
            % {"answer": answer.get_response_display()},
        )
        return redirect(back)

    @path("calendar/", name="calendar")
    def calendar_route(self, request: HttpRequest) -> HttpResponse:
        """This meeting for a calendar application (the access rule ran before)."""
        source = source_of(self)
        last = Convocation.objects.filter(meeting_id=source.pk).order_by("-sequence").first()
        url = request.build_absolute_uri(self.get_url(request))
        content = ical.calendar_bytes(
            [
                ical.meeting_event(
                    MeetingSnapshot.from_page(self),
                    uid=ical.event_uid(self),
                    sequence=last.sequence if last else 0,
                    url=url,
                )
            ]
        )
        filename = f"{slugify(self.title) or 'meeting'}.ics"
        response = HttpResponse(
            content,
            content_type="text/calendar; charset=utf-8",
            headers={"Content-Disposition": content_disposition_header(True, filename)},
        )
        return access.make_private(response)
