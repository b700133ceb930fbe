"""The signed-in member's own profile, read once per request, with the user.

Work lists, the rules on requests and the meetings' invitation checks all ask for it; each
asking separately cost a query (or two, with the state) per question on the same page. The
session's user is read with it (and with Wagtail's admin profile, which every admin screen
asks for its language and time zone) in one query: `UserWithProfilesBackend`.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend

from network_pages.models import MemberProfile


class UserWithProfilesBackend(ModelBackend):
    """Django's: the same password check and permissions; only the session's user is read
    with its member profile, its state and its Wagtail profile (two queries fewer on every
    admin screen, one on a member's page)."""

    def get_user(self, user_id):
        user = (
            get_user_model()
            ._default_manager.select_related("member_profile__member_state", "wagtail_userprofile")
            .filter(pk=user_id)
            .first()
        )
        return user if user is not None and self.user_can_authenticate(user) else None


def profile_of(user) -> MemberProfile | None:
    """`user.member_profile` with its member state, or None: one query per user object (none
    when the user was read with it), left where `user.member_profile` finds it too."""
    if not user.is_authenticated:
        return None
    user = getattr(user, "_wrapped", user)  # request.user: the user behind it
    if not hasattr(user, "_nfp_profile"):
        related = get_user_model().member_profile.related
        if related.is_cached(user):
            profile = related.get_cached_value(user)
        else:
            profile = MemberProfile.objects.select_related("member_state").filter(user=user).first()
            if profile is not None:
                profile.user = user
                related.set_cached_value(user, profile)
        user._nfp_profile = profile
    return user._nfp_profile
