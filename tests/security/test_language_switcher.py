"""Issue 15: the language switcher never throws your place away. On every page and view the
matrix opens (routable sub-views included), the other-language link leads to the same view
in the other language, with the same query string."""

import pytest

pytestmark = pytest.mark.django_db


def test_the_switcher_leads_to_the_same_view_in_the_other_language(findings):
    assert not findings.switcher, f"{len(findings.switcher)} problem(s):\n" + "\n".join(
        findings.switcher
    )
