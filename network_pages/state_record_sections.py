"""A member state's Focal Points and national migration network (3.4), for 'Our state'."""

from django.utils.translation import gettext

from network_pages.community.state_record import Cell, RecordSection
from network_pages.models import MemberProfile, NationalNetworkOrganisation


def mailto(address: str) -> str:
    return f"mailto:{address}" if address else ""


def people_section(state) -> RecordSection:
    profiles = list(
        MemberProfile.objects.filter(member_state=state, is_active=True)
        .select_related("user")
        .order_by("function", "user__last_name", "pk")
    )
    rows = [
        [
            Cell(profile.user.get_full_name() or profile.user.get_username()),
            Cell(profile.get_function_display()),
            Cell(profile.institution),
            Cell(
                profile.user.email,
                f"mailto:{profile.user.email}" if profile.user.email else "",
            ),
        ]
        for profile in profiles
    ]
    return RecordSection(
        key="focal-points",
        title=gettext("Focal Points"),
        columns=[gettext("Name"), gettext("Function"), gettext("Institution"), gettext("Email")],
        rows=rows,
        empty=gettext("No Focal Point is listed."),
        order=5,
    )


def national_network_section(state) -> RecordSection:
    organisations = list(
        NationalNetworkOrganisation.objects.filter(member_state=state).order_by("kind", "name")
    )
    rows = [
        [
            Cell(organisation.name, organisation.website),
            Cell(organisation.get_kind_display()),
            Cell(organisation.contact_name),
        ]
        for organisation in organisations
    ]
    return RecordSection(
        key="national-network",
        title=gettext("National migration network"),
        columns=[gettext("Organisation"), gettext("Kind"), gettext("Contact person")],
        rows=rows,
        empty=gettext("No organisation is listed yet."),
        order=50,
    )


def core_record(state, user, request=None) -> list[RecordSection]:
    return [people_section(state), national_network_section(state)]
