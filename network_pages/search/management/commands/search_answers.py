"""What each reader is shown by the members' search, for many searches, as JSON: run it on two
checkouts against the same database and compare the outputs (issue 17: a change made for speed
must leave every answer as it was).

For each reader, query, kind, page and filter, in English and French: the status, the total,
the counts per kind, the entries' ids in order, their URLs and downloads, and a digest of the
page's HTML; and the meetings and groups the filters offer. The readers are signed in as the
test client signs in (a session, no password), with their authenticator as the second factor.

    manage.py search_answers --readers fp_fr,dmr,guest > answers.json
"""

import hashlib
import json
import re
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.test import Client
from django.test.utils import setup_test_environment
from django_otp import DEVICE_ID_SESSION_KEY

QUERIES = ("authority", "statelessness", "migration", "report", "rapport", "meeting")
KINDS = ("", "document", "comment", "meeting", "response")
PAGES = ("", "2", "999")
SEARCH_PATHS = {"en": "/en/network/search/", "fr": "/fr/reseau/recherche/"}
# What changes from one response to the next whatever the search (nonces, tokens).
VARYING = (re.compile(r'nonce="[^"]*"'), re.compile(r'csrfmiddlewaretoken" value="[^"]*"'))


def cases() -> list[dict]:
    found = [
        {"q": query, "kind": kind, "page": page}
        for query in QUERIES
        for kind in KINDS
        for page in PAGES
        if not (kind and page == "999")
    ]
    found.append({"q": "authority", "language": "fr"})
    found.append({"q": "authority", "date_from": "2025-01-01"})
    return found


class Command(BaseCommand):
    help = "Prints what readers are shown by the members' search (JSON), to compare two versions."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--readers", default="fp_fr,dmr,guest", help="usernames, by commas")

    def handle(self, *args, readers: str, **options) -> None:
        setup_test_environment()  # the responses' context (the outcome of each search)
        settings.ALLOWED_HOSTS = ["*"]
        answers = {}
        for username in readers.split(","):
            client = self.signed_in(username)
            form = client.get(SEARCH_PATHS["en"] + "?q=authority").context["form"]
            choices = {
                name: [value for value, _label in form.fields[name].choices]
                for name in ("meeting", "group")
            }
            answers[f"{username} choices"] = choices
            filtered = [{"q": "authority", "meeting": pk} for pk in choices["meeting"][1:3]]
            filtered += [{"q": "authority", "group": pk} for pk in choices["group"][1:3]]
            for path in SEARCH_PATHS.values():
                for case in [*cases(), *filtered]:
                    url = path + "?" + urlencode({k: v for k, v in case.items() if v != ""})
                    answers[f"{username} {url}"] = self.answer(client.get(url))
        self.stdout.write(json.dumps(answers, indent=1, sort_keys=True, default=str))

    def signed_in(self, username: str) -> Client:
        user = get_user_model().objects.get(username=username)
        client = Client(HTTP_HOST="localhost")
        client.force_login(user)
        session = client.session
        device = user.totpdevice_set.filter(confirmed=True).first()
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
        return client

    def answer(self, response) -> dict:
        html = response.content.decode()
        for varying in VARYING:
            html = varying.sub("", html)
        outcome = response.context["outcome"] if response.status_code == 200 else None
        return {
            "status": response.status_code,
            "total": outcome.total if outcome else None,
            "counts": outcome.kind_counts if outcome else None,
            "ids": [hit.entry.pk for hit in outcome.hits] if outcome else None,
            "urls": [(hit.url, hit.download_url) for hit in outcome.hits] if outcome else None,
            "page": outcome.page.number if outcome else None,
            "html": hashlib.sha256(html.encode()).hexdigest()[:16],
        }
