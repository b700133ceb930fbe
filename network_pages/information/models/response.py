from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from network_pages.information import limits
from network_pages.models import MemberState


class Response(models.Model):
    """A member state's response to one information request (4.5, 4.6): one per state.

    Any Focal Point or deputy of the state works on the draft; once submitted, every member
    of the network reads it (2.1.a). `version` grows with every save, so that two Focal
    Points saving at the same time never overwrite each other unknowingly.
    """

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")

    request = models.ForeignKey(
        "information.InformationRequestPage",
        on_delete=models.CASCADE,
        related_name="responses",
        verbose_name=_("information request"),
    )
    member_state = models.ForeignKey(
        MemberState,
        on_delete=models.PROTECT,
        related_name="information_responses",
        verbose_name=_("member state"),
    )
    language = models.CharField(
        _("language of the response"),
        max_length=2,
        choices=settings.LANGUAGES,
        default="en",
        help_text=_("One of the two official languages of the Council of Europe (4.6)."),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    version = models.PositiveIntegerField(_("version"), default=0)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("updated by"),
    )
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("submitted by"),
    )
    reopened_until = models.DateField(
        _("reopened until"),
        null=True,
        blank=True,
        help_text=_("Set by the DMR after the deadline: the state may edit until this day."),
    )
    reopened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("reopened by"),
    )

    class Meta:
        ordering = ["member_state__name_en"]
        verbose_name = _("response")
        verbose_name_plural = _("responses")
        constraints = [
            models.UniqueConstraint(
                fields=["request", "member_state"],
                name="one_response_per_state_and_request",
                violation_error_message=_("This member state has already responded."),
            )
        ]
        indexes = [
            # The responses not yet submitted, the few a Focal Point's rule on response
            # documents asks about at every members' search (`document_access.responses_in_sql`):
            # read through this index, not by a scan of every response the network has written.
            models.Index(
                fields=["id", "member_state"],
                condition=~models.Q(status="submitted"),
                name="information_response_drafts",
            )
        ]

    def __str__(self) -> str:
        return f"{self.member_state} · {self.request_id}"

    @property
    def is_submitted(self) -> bool:
        return self.status == self.Status.SUBMITTED


class Answer(models.Model):
    """The answer of one response to one numbered question, or "no information available"."""

    response = models.ForeignKey(
        Response, on_delete=models.CASCADE, related_name="answers", verbose_name=_("response")
    )
    question = models.ForeignKey(
        "information.RequestQuestion",
        on_delete=models.CASCADE,
        related_name="answers",
        verbose_name=_("question"),
    )
    text = models.TextField(_("answer"), blank=True, max_length=limits.ANSWER_MAX_LENGTH)
    no_information = models.BooleanField(_("no information available"), default=False)

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            models.UniqueConstraint(
                fields=["response", "question"], name="one_answer_per_question_and_response"
            ),
            models.CheckConstraint(
                condition=models.Q(no_information=False) | models.Q(text=""),
                name="no_information_answer_has_no_text",
            ),
        ]

    def __str__(self) -> str:
        return self.text[:50]


class ResponseAttachment(models.Model):
    """A document attached to a response, kept in the network's restricted collection."""

    response = models.ForeignKey(
        Response,
        on_delete=models.CASCADE,
        related_name="attachments",
        verbose_name=_("response"),
    )
    document = models.ForeignKey(
        "wagtaildocs.Document",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("document"),
    )
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("added by"),
    )
    added_at = models.DateTimeField(_("added"), auto_now_add=True)

    class Meta:
        ordering = ["added_at", "pk"]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        constraints = [
            models.UniqueConstraint(
                fields=["response", "document"], name="one_attachment_per_document"
            )
        ]

    def __str__(self) -> str:
        return str(self.document)
