"""The listings' filter forms, rendered once per process for each set of inputs (issue 17).

Django writes a form through its template engine, a template per field, its label and its
widget: ~5 ms of the information item index's ~25 ms (46 states, the themes, the types),
the same markup for every reader who asks the same thing. `rendered_once` keeps what
`str(form)` wrote under everything the writing reads, in `nfp_site.fragments`' process-wide
store (as the header and the meeting's and notification settings' forms are kept):

- the form's class, the active language (labels, choices' words), whether it is bound and
  the submitted value(s) of each of its fields (what is selected, what is in error);
- the choices the view gave it (`inputs`: the member states' and themes' codes and names;
  the rest of a form's choices are its class's own, the types of items or the statuses).

A reader is therefore only ever given the writing of their own inputs (the filters offer
what every member may see; nothing of the reader is in them), and nothing needs
invalidating: a theme added or a state renamed is another input, hence another entry.
"""

from collections.abc import Hashable

from django import forms
from django.utils.safestring import SafeString
from django.utils.translation import get_language

from nfp_site import fragments


def _submitted(form: forms.Form) -> tuple | None:
    """Every value submitted for each of the form's fields (a query string may repeat one)."""
    if not form.is_bound:
        return None
    data = form.data
    if hasattr(data, "getlist"):
        return tuple((name, tuple(data.getlist(name))) for name in form.fields)
    return tuple((name, (data.get(name),)) for name in form.fields)


def rendered_once(form: forms.Form, *inputs: Hashable) -> SafeString:
    """`str(form)`, kept for the process under the form's inputs (`inputs`: the choices the
    view gave it, each hashable)."""
    key = ("filter form", type(form), get_language(), _submitted(form), inputs)
    return fragments.kept(key, lambda: SafeString(str(form)))


def forget_rendered() -> None:
    """Start again (tests)."""
    fragments.forget_rendered()
