"""Demo content for `make run`: what a newcomer needs to see every part of the site.

Demo accounts have a known password and a known TOTP key, printed by `seed_demo`, so
that anyone can sign in with an authenticator app (or a backup code). They exist only
where NFP_ALLOW_DEMO_CONTENT is on (development), never in production.
"""

import base64
import hashlib
from dataclasses import dataclass

from django.contrib.auth import get_user_model

from network_pages import roles
from network_pages.accounts.devices import backup_device_of, replace_backup_codes
from network_pages.community.demo import seed_community_demo
from network_pages.decisions.demo import seed_register_demo
from network_pages.factories import add_totp_device, make_member
from network_pages.information.demo import seed_information_demo
from network_pages.library.demo import seed_library_demo
from network_pages.meetings.demo import seed_meetings_demo
from network_pages.models import MemberProfile, MemberState, NationalNetworkOrganisation
from network_pages.publication_drafts.demo import seed_publication_demo
from network_pages.site_structure import ensure_site_structure

DEMO_PASSWORD = "nfp-demo-password"  # noqa: S105 - demo accounts, development only


@dataclass(frozen=True)
class DemoAccount:
    username: str
    first_name: str
    last_name: str
    groups: tuple[str, ...]
    state: str | None
    function: str
    institution: str
    language: str = "en"
    # An account steward (network_pages/admin/stewardship.py): a superuser outside the DMR.
    superuser: bool = False


DEMO_ACCOUNTS = [
    DemoAccount(
        "dmr",
        "Dana",
        "Moreau",
        (roles.DMR_SECRETARIAT,),
        None,
        MemberProfile.Function.SECRETARIAT,
        "Council of Europe, DMR",
        "fr",
    ),
    DemoAccount(
        "dmr_editor",
        "Élise",
        "Marchand",
        (roles.DMR_SECRETARIAT,),
        None,
        MemberProfile.Function.SECRETARIAT,
        "Council of Europe, DMR",
        "fr",
    ),
    DemoAccount(
        "approver",
        "Paolo",
        "Bianchi",
        (roles.FOCAL_POINTS, roles.NETWORK_APPROVERS),
        "IT",
        MemberProfile.Function.FOCAL_POINT,
        "Ministry of the Interior",
    ),
    DemoAccount(
        "fp_fr",
        "Claire",
        "Dubois",
        (roles.FOCAL_POINTS,),
        "FR",
        MemberProfile.Function.FOCAL_POINT,
        "Ministère de l'Intérieur",
        "fr",
    ),
    DemoAccount(
        "fp_de",
        "Jonas",
        "Becker",
        (roles.FOCAL_POINTS,),
        "DE",
        MemberProfile.Function.FOCAL_POINT,
        "Federal Ministry of the Interior",
    ),
    DemoAccount(
        "fp_pl",
        "Anna",
        "Nowak",
        (roles.FOCAL_POINTS,),
        "PL",
        MemberProfile.Function.DEPUTY,
        "Office for Foreigners",
    ),
    DemoAccount(
        "guest",
        "Grace",
        "Expert",
        (roles.GUESTS,),
        None,
        MemberProfile.Function.GUEST,
        "Migration Research Institute",
    ),
    DemoAccount(
        "steward",
        "Sam",
        "Steward",
        (),
        None,
        MemberProfile.Function.GUEST,
        "Council of Europe, IT administration",
        superuser=True,
    ),
]


def demo_totp_key(username: str) -> str:
    """A fixed 20-byte key per demo account (hex, as django-otp stores it)."""
    return hashlib.sha256(f"nfp-demo-totp:{username}".encode()).hexdigest()[:40]


def base32_key(hex_key: str) -> str:
    """The key as authenticator apps take it."""
    return base64.b32encode(bytes.fromhex(hex_key)).decode()


def _ensure_account(account: DemoAccount) -> tuple[str, list[str]]:
    user = get_user_model().objects.filter(username=account.username).first()
    if user is None:
        user = make_member(
            account.username,
            groups=account.groups,
            state=account.state,
            password=DEMO_PASSWORD,
            first_name=account.first_name,
            last_name=account.last_name,
            function=account.function,
            institution=account.institution,
            preferred_language=account.language,
            email=f"{account.username}@demo.nfp.example",
        )
        if roles.DMR_SECRETARIAT in account.groups or account.superuser:
            user.is_staff = True
            user.is_superuser = account.superuser
            user.save(update_fields=["is_staff", "is_superuser"])
    if not user.totpdevice_set.exists():
        add_totp_device(user, key=demo_totp_key(account.username))
    device = backup_device_of(user)
    codes = list(device.token_set.values_list("token", flat=True)) if device else []
    if not codes:
        codes = replace_backup_codes(user)
    return base32_key(demo_totp_key(account.username)), codes


def _ensure_national_network() -> None:
    france = MemberState.objects.get(code="FR")
    NationalNetworkOrganisation.objects.get_or_create(
        member_state=france,
        name="Forum national des migrations",
        defaults={
            "kind": NationalNetworkOrganisation.Kind.NON_GOVERNMENTAL,
            "contact_name": "Luc Martin",
            "contact_email": "contact@forum-migrations.example",
        },
    )


def seed_demo_content() -> list[str]:
    """Create (or find) the demo content and return lines that tell a newcomer about it."""
    structure = ensure_site_structure()
    network = structure.network
    _ensure_national_network()
    lines = [f"Public home ({code}): {page.url}" for code, page in structure.homes.items()]
    lines.append(f"Network area: {network.url}")
    lines.append("")
    lines.append(f"Demo accounts (password: {DEMO_PASSWORD}):")
    for account in DEMO_ACCOUNTS:
        key, codes = _ensure_account(account)
        lines.append(
            f"  {account.username:<9} "
            f"{', '.join(account.groups) or 'account steward (superuser)':<32} "
            f"TOTP key {key}  backup codes {' '.join(codes[:3])} …"
        )
    lines.append("")
    lines += seed_meetings_demo(network)
    lines.append("")
    lines += seed_information_demo(network)
    lines.append("")
    lines += seed_community_demo(network)
    lines.append("")
    lines += seed_publication_demo(structure.homes, network)
    lines.append("")
    lines += seed_register_demo(network)
    lines.append("")
    lines += seed_library_demo(network)
    return lines
