"""/<lang>/network/search/: the members' search of the network area (issue 18)."""

from django.http import HttpRequest, HttpResponse
from django.utils.translation import get_language
from django.views.generic import TemplateView

from network_pages import access
from network_pages.accounts.mixins import VerifiedRequiredMixin

from . import query, readers, rows
from .forms import NetworkSearchForm
from .models import SearchEntry


class NetworkSearchView(VerifiedRequiredMixin, TemplateView):
    """Verified members find everything they may read; a guest, what is in their meetings."""

    template_name = "network_search/search.html"

    def refusal_for(self, request: HttpRequest) -> HttpResponse | None:
        refused = super().refusal_for(request)
        if refused is None and not readers.may_search(request.user):
            return access.refusal(request, access.Verdict.REFUSE)
        return refused

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        reader = readers.reader_of(self.request.user)
        form = NetworkSearchForm(self.request.GET or None, readable_pages=reader.pages)
        outcome = None
        if form.is_valid():
            outcome = query.search(
                self.request,
                form.cleaned_data["q"],
                form.cleaned_data,
                self.request.GET.get("page"),
                (get_language() or "en")[:2],
                reader=reader,
            )
        params = self.request.GET.copy()
        params.pop("page", None)
        kind_labels = dict(SearchEntry.Kind.choices)
        context.update(
            form=form,
            outcome=outcome,
            # The hits' rows, written in Python (`rows`), in the active language as the
            # template's LANGUAGE_CODE.
            result_rows=rows.result_rows(outcome.hits, get_language()) if outcome else "",
            query=form.cleaned_data.get("q", "") if form.is_bound and form.is_valid() else "",
            querystring=params.urlencode(),
            kind_labels=kind_labels,
            kind_counts=[
                (kind, kind_labels.get(kind, kind), count)
                for kind, count in (outcome.kind_counts.items() if outcome else [])
            ],
        )
        return context
