from django.http import Http404, HttpRequest, HttpResponse, HttpResponseGone, HttpResponseRedirect
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.documents.views.serve import serve

from network_pages import access
from network_pages.network_area import ensure_network_collection


def login_redirect(request: HttpRequest) -> HttpResponseRedirect:
    """Wagtail's own login views know no second factor: they all lead to ours."""
    query = request.GET.urlencode()
    return HttpResponseRedirect(reverse("accounts:login") + (f"?{query}" if query else ""))


def no_shared_passwords(request: HttpRequest, *args, **kwargs) -> HttpResponseGone:
    """Wagtail's shared-password forms: the network never uses shared passwords (only
    people, each with their own second factor), so there is no such form to show. 410, not
    404: a 404 outside /en/ and /fr/ would be redirected into the language prefix."""
    return HttpResponseGone()


def serve_document(request: HttpRequest, document_id: str, document_filename: str) -> HttpResponse:
    """Wagtail's document view, except that a document that does not exist (or not under
    that name) answers whoever may not read the network's documents exactly as a
    restricted one does: no one learns from the answer whether it exists (issue 13)."""
    document = get_document_model().objects.filter(pk=document_id).first()
    if document is None or document.filename != document_filename:
        restrictions = ensure_network_collection().get_view_restrictions()
        outcome = access.verdict(request, restrictions)
        if outcome is not access.Verdict.ALLOW:
            access.mark_restricted(request)
            return access.refusal(request, outcome)
        raise Http404
    return serve(request, document_id, document_filename)
