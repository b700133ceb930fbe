from django.contrib import messages
from django.db import IntegrityError, models, transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.text import slugify
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page, Site

from network_pages import access, audit, directory, directory_pages
from network_pages.area_addresses import LocalizedRoutesMixin
from network_pages.directory_forms import DirectorySearchForm, NationalNetworkOrganisationForm

from .member_profile import MemberProfile
from .member_state import MemberState
from .national_network import NationalNetworkOrganisation

TEMPLATES = "network_pages/directory"
_PLACEHOLDER_ID = 2_147_483_647


class DirectoryPage(LocalizedRoutesMixin, RoutablePageMixin, Page):
    """The members' directory (3.2): contact details of every active member, by state.

    Each state's entry also lists its national migration network (3.4), which that state's
    Focal Points and the DMR keep up to date here. Who may open any of these routes is
    decided before they run, by the network area's access rule (`before_serve_page`).
    """

    intro = models.TextField(_("introduction"), blank=True, max_length=1000)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["network_pages.NetworkHomePage"]
    subpage_types: list[str] = []
    max_count = 1

    class Meta:
        verbose_name = _("directory page")

    def _render(self, request: HttpRequest, template: str, **context) -> TemplateResponse:
        request.is_preview = getattr(request, "is_preview", False)
        return self.render(request, template=template, context_overrides=context)

    def _index_url(self, request: HttpRequest, state: MemberState | None = None) -> str:
        """The directory, at `state`'s block: on the page of the directory it is on."""
        url = self.get_url(request)
        if state is None:
            return url
        number = directory_pages.page_of_state(state.code)
        page = f"?{directory_pages.PAGE_PARAMETER}={number}" if number > 1 else ""
        return f"{url}{page}#state-{state.code}"

    # --- 3.2: the directory -----------------------------------------------------------

    @path("")
    def index_route(self, request: HttpRequest, *args, **kwargs) -> TemplateResponse:
        # The member states with how many each lists: the form's choices, and where the
        # pages of the directory fall (one query).
        states = directory_pages.counted_states(DirectorySearchForm.query_of(request.GET))
        search = DirectorySearchForm(request.GET or None, states=states)
        filters = search.filters()
        pagination = None
        if filters["state_code"]:  # one state, whole
            listing = directory.build_directory(states=states, **filters)
        else:
            listing, pagination = directory_pages.directory_page(
                states,
                query=filters["query"],
                page=request.GET.get(directory_pages.PAGE_PARAMETER),
                url=request.path,
                params={"q": filters["query"]} if filters["query"] else {},
            )
        manageable = {
            entry.state.pk
            for entry in listing.states
            if directory.may_manage_national_network(request.user, entry.state)
        }
        self._link_listing(request, listing, manageable)
        return self._render(
            request,
            "network_pages/directory_page.html",
            search_form=search,
            search_form_html=search.kept_html(),
            states_nav=directory_pages.states_nav(pagination) if pagination else "",
            directory=listing,
            pagination=pagination,
            is_filtered=any(filters.values()),
            is_search=bool(filters["query"]),
            manageable_state_ids=manageable,
            may_export=access.is_dmr(request.user),
        )

    def _link_listing(
        self, request: HttpRequest, listing: directory.Directory, manageable: set[int]
    ) -> None:
        """The listing's links and labels, for the template: the page's URL and the choices'
        names are worked out once, not once per row (with 150 people, `routablepageurl` and
        `get_function_display` were half the page's time). Each person gets `vcard_url` and
        `function_label`; each state its national network may be kept in by this reader,
        `add_organisation_url`, and its organisations `edit_url` and `delete_url`."""
        base_url = self.relative_url(Site.find_for_request(request), request)
        base_url += "" if base_url.endswith("/") else "/"

        def url(name: str, *args) -> str:
            return base_url + self.reverse_subpage(name, args=args)

        functions = {value: str(label) for value, label in MemberProfile.Function.choices}
        people = [member for entry in listing.states for member in entry.members]
        # The route reversed once: a placeholder id, replaced by each person's.
        vcard_before, vcard_after = url("vcard", _PLACEHOLDER_ID).split(str(_PLACEHOLDER_ID))
        for person in people + listing.secretariat:
            person.vcard_url = f"{vcard_before}{person.pk}{vcard_after}"
            person.function_label = functions.get(person.function, person.function)
        kinds = {value: str(label) for value, label in NationalNetworkOrganisation.Kind.choices}
        for entry in listing.states:
            code = entry.state.code
            for organisation in entry.organisations:
                organisation.kind_label = kinds.get(organisation.kind, organisation.kind)
            if entry.state.pk not in manageable:
                continue
            entry.add_organisation_url = url("add_organisation", code)
            for organisation in entry.organisations:
                organisation.edit_url = url("edit_organisation", code, organisation.pk)
                organisation.delete_url = url("delete_organisation", code, organisation.pk)

    @path("person/<int:profile_id>/vcard/", name="vcard")
    def vcard(self, request: HttpRequest, profile_id: int) -> HttpResponse:
        profile = directory.listed_profiles().filter(pk=profile_id).first()
        if profile is None:
            raise Http404
        filename = f"{slugify(profile.display_name) or 'contact'}.vcf"
        response = HttpResponse(
            directory.vcard_for(profile),
            content_type="text/vcard; charset=utf-8",
            headers={"Content-Disposition": content_disposition_header(True, filename)},
        )
        return access.make_private(response)

    @path("export/csv/", name="export_csv")
    def export_csv(self, request: HttpRequest) -> HttpResponse:
        """The whole directory as a spreadsheet, for the DMR that manages the network (4.9)."""
        if not access.is_dmr(request.user):
            return access.refusal(request, access.Verdict.REFUSE)
        filename = f"nfp-directory-{timezone.localdate().isoformat()}.csv"
        audit.record(audit.EXPORTED, self, request, export="directory.csv")
        response = HttpResponse(
            directory.directory_csv(directory.build_directory()),
            content_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": content_disposition_header(True, filename)},
        )
        return access.make_private(response)

    # --- 3.4: national migration networks ---------------------------------------------

    def _managed_state(self, request: HttpRequest, code: str) -> MemberState | HttpResponse:
        """The state named in the URL, or the refusal for someone who may not keep it."""
        state = get_object_or_404(MemberState, code=code.upper())
        if not directory.may_manage_national_network(request.user, state):
            return access.refusal(request, access.Verdict.REFUSE)
        return state

    def _organisation_form(
        self,
        request: HttpRequest,
        state: MemberState,
        organisation: NationalNetworkOrganisation | None,
        success_message: str,
    ) -> HttpResponse:
        # Read before the form binds: a bound form writes its input into the instance.
        if organisation is None:
            heading = gettext("Add an organisation to the national network of %(state)s")
        else:
            heading = gettext("Edit “%(name)s” in the national network of %(state)s")
        heading %= {"state": state.name, "name": organisation.name if organisation else ""}
        form = NationalNetworkOrganisationForm(
            request.POST if request.method == "POST" else None,
            instance=organisation,
            member_state=state,
        )
        if form.is_bound and form.is_valid():
            form.instance.updated_by = request.user
            try:
                with transaction.atomic():
                    saved = form.save()
            except IntegrityError:
                form.add_duplicate_name_error()
            else:
                messages.success(request, success_message % {"name": saved.name})
                return redirect(self._index_url(request, state))
        return self._render(
            request,
            f"{TEMPLATES}/organisation_form.html",
            heading=heading,
            form=form,
            member_state=state,
            organisation=organisation,
            cancel_url=self._index_url(request, state),
        )

    @path("state/<str:code>/national-network/add/", name="add_organisation")
    def add_organisation(self, request: HttpRequest, code: str) -> HttpResponse:
        state = self._managed_state(request, code)
        if isinstance(state, HttpResponse):
            return state
        return self._organisation_form(
            request, state, None, gettext("“%(name)s” was added to the national network.")
        )

    @path("state/<str:code>/national-network/<int:pk>/edit/", name="edit_organisation")
    def edit_organisation(self, request: HttpRequest, code: str, pk: int) -> HttpResponse:
        state = self._managed_state(request, code)
        if isinstance(state, HttpResponse):
            return state
        organisation = get_object_or_404(NationalNetworkOrganisation, pk=pk, member_state=state)
        return self._organisation_form(
            request, state, organisation, gettext("“%(name)s” was updated.")
        )

    @path("state/<str:code>/national-network/<int:pk>/delete/", name="delete_organisation")
    def delete_organisation(self, request: HttpRequest, code: str, pk: int) -> HttpResponse:
        state = self._managed_state(request, code)
        if isinstance(state, HttpResponse):
            return state
        organisation = get_object_or_404(NationalNetworkOrganisation, pk=pk, member_state=state)
        if request.method == "POST":
            with transaction.atomic():
                organisation.delete()
            messages.success(
                request,
                gettext("“%(name)s” was removed from the national network.")
                % {"name": organisation.name},
            )
            return redirect(self._index_url(request, state))
        return self._render(
            request,
            f"{TEMPLATES}/organisation_confirm_delete.html",
            heading=gettext("Remove “%(name)s” from the national network?")
            % {"name": organisation.name},
            member_state=state,
            organisation=organisation,
            cancel_url=self._index_url(request, state),
        )
