"""Django's sign-in backend, reading the signed-in user more cheaply (issue 17).

The same password check, the same rules for permissions (an inactive user has none, a
superuser has all, everyone else their own and their groups'); what changes is how many
queries they cost on every request:

- the session's user is read with their member profile, its state, Wagtail's admin
  profile (which every admin screen asks for its language and time zone) and their groups
  (which every network page and header asks): one query instead of four
  (`member_profiles.profile_of` finds the profile there; the groups are kept as
  `prefetch_related("groups")` keeps them, where `access.group_names_of` finds them);
- when the session names a one-time password device (`network_pages.middleware`
  .VerifiedDeviceMiddleware asks, `reading_device`), that device comes in the same row;
- the permissions are read in one query instead of two (the user's and their groups').
"""

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ValidationError
from django.db import connection
from django.db.models import FilteredRelation, OuterRef, Q, Subquery
from django.db.models.functions import JSONArray
from django_otp.models import Device

from nfp_site.json_rows import JSONGroupArray
from nfp_site.prepared_sql import prepared_objects

# The attribute a device read with the user is left in (None: the session's device is not
# this user's, or no longer exists); absent when none was asked for.
DEVICE_ATTRIBUTE = "_nfp_otp_device"
_GROUPS_ATTRIBUTE = "_nfp_groups"

# (device model, device id) that the user being read should come with, for this request.
_device_wanted: ContextVar[tuple[type[Device], int] | None] = ContextVar(
    "nfp_device_wanted", default=None
)


@contextmanager
def reading_device(model: type[Device], device_id: int) -> Iterator[None]:
    """A user read within this block comes with their device `device_id` of `model`
    (in `DEVICE_ATTRIBUTE`), if it is theirs."""
    token = _device_wanted.set((model, device_id))
    try:
        yield
    finally:
        _device_wanted.reset(token)


def _group_rows():
    """[[id, name], ...] of the outer user's groups, or NULL for none."""
    memberships = get_user_model().groups.through.objects.filter(user=OuterRef("pk"))
    return (
        memberships.order_by()
        .values("user")
        .annotate(rows=JSONGroupArray(JSONArray("group_id", "group__name")))
        .values("rows")
    )


def _user_with_profiles(user_id: int):
    return (
        get_user_model()
        ._default_manager.select_related("member_profile__member_state", "wagtail_userprofile")
        .annotate(**{_GROUPS_ATTRIBUTE: Subquery(_group_rows())})
        .filter(pk=user_id)
        .order_by("pk")[:1]
    )


def _device_relation(model: type[Device]) -> str:
    return model._meta.get_field("user").related_query_name()


def _user_with_profiles_and_device(model: type[Device]):
    relation = _device_relation(model)

    def build(user_id: int, device_id: int):
        return (
            _user_with_profiles(user_id)
            .annotate(
                **{
                    DEVICE_ATTRIBUTE: FilteredRelation(
                        relation, condition=Q(**{f"{relation}__id": device_id})
                    )
                }
            )
            .select_related(DEVICE_ATTRIBUTE)
        )

    return build


def _keep_groups_as_prefetched(user) -> None:
    rows = getattr(user, _GROUPS_ATTRIBUTE, None) or []
    del user.__dict__[_GROUPS_ATTRIBUTE]
    groups = [Group.from_db(connection.alias, ["id", "name"], tuple(row)) for row in rows]
    queryset = user.groups.all()
    queryset._result_cache = groups
    queryset._prefetch_done = True
    if not hasattr(user, "_prefetched_objects_cache"):
        user._prefetched_objects_cache = {}
    user._prefetched_objects_cache["groups"] = queryset


class UserWithProfilesBackend(ModelBackend):
    def get_user(self, user_id):
        try:
            user_id = get_user_model()._meta.pk.to_python(user_id)
        except ValidationError:
            return None
        # Every signed-in request asks: its SQL is compiled once per process (prepared_sql).
        wanted = _device_wanted.get()
        if wanted is None:
            found = prepared_objects("user_backend.user", _user_with_profiles, user_id)
        else:
            model, device_id = wanted
            found = prepared_objects(
                f"user_backend.user+device:{model._meta.label}",
                _user_with_profiles_and_device(model),
                user_id,
                device_id,
            )
        user = found[0] if found else None
        if user is None or not self.user_can_authenticate(user):
            return None
        _keep_groups_as_prefetched(user)
        if wanted is not None and not hasattr(user, DEVICE_ATTRIBUTE):
            setattr(user, DEVICE_ATTRIBUTE, None)  # no such device of theirs (no row joined)
        return user

    def get_all_permissions(self, user_obj, obj=None) -> set[str]:
        if not user_obj.is_active or user_obj.is_anonymous or obj is not None:
            return set()
        if not hasattr(user_obj, "_perm_cache"):
            permissions = Permission.objects.all()
            if not user_obj.is_superuser:
                permissions = permissions.filter(Q(user=user_obj) | Q(group__user=user_obj))
            user_obj._perm_cache = {
                f"{app_label}.{codename}"
                for app_label, codename in permissions.values_list(
                    "content_type__app_label", "codename"
                ).order_by()
            }
        return user_obj._perm_cache
