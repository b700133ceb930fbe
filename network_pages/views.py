from django.http import HttpRequest, HttpResponseGone, HttpResponseRedirect
from django.urls import reverse


def login_redirect(request: HttpRequest) -> HttpResponseRedirect:
    """Wagtail's own login views know no second factor: they all lead to ours."""
    query = request.GET.urlencode()
    return HttpResponseRedirect(reverse("accounts:login") + (f"?{query}" if query else ""))


def no_shared_passwords(request: HttpRequest, *args, **kwargs) -> HttpResponseGone:
    """Wagtail's shared-password forms: the network never uses shared passwords (only
    people, each with their own second factor), so there is no such form to show. 410, not
    404: a 404 outside /en/ and /fr/ would be redirected into the language prefix."""
    return HttpResponseGone()
