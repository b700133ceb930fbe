"""Issue 15: the network area in French is as accessible as in English: axe-core finds
nothing serious or critical on its pages, in either language (lang attributes included)."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.test import Client

from network_pages import roles
from network_pages.factories import make_member
from network_pages.site_structure import ensure_site_structure
from tests.conftest import PASSWORD, sign_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PAGES = [
    "/fr/reseau/",
    "/fr/reseau/annuaire/?q=Becker",
    "/fr/reseau/reunions/",
    "/fr/reseau/demandes-d-information/",
    "/fr/reseau/informations-et-bonnes-pratiques/",
    "/fr/reseau/groupes-thematiques/",
    "/fr/reseau/rapporteurs/",
    "/fr/reseau/methodes-de-travail/",
    "/fr/reseau/methodes-de-travail/historique/",
    "/fr/accounts/",
    "/en/network/",
    "/en/network/working-methods/",
]
SERIOUS = {"serious", "critical"}


def test_the_french_network_pages_have_no_serious_accessibility_violation(live_server, browser):
    ensure_site_structure()
    member = make_member("fp_fr", groups=(roles.FOCAL_POINTS,), state="FR", password=PASSWORD)
    session = sign_in(Client(), member).cookies["sessionid"].value
    # axe is injected by script; the site's CSP (rightly) forbids that to anything else.
    context = browser.new_context(locale="fr-FR", bypass_csp=True)
    context.set_default_timeout(15_000)
    context.add_cookies([{"name": "sessionid", "value": session, "url": live_server.url}])
    tab = context.new_page()
    axe = Axe()
    found = []

    for path in PAGES:
        response = tab.goto(f"{live_server.url}{path}")
        assert response.status == 200, path
        for violation in axe.run(tab).response["violations"]:
            if violation["impact"] in SERIOUS:
                targets = [node["target"] for node in violation["nodes"]][:3]
                found.append(f"{path}: {violation['id']} ({violation['impact']}) {targets}")
    context.close()

    assert not found, "\n".join(found)
