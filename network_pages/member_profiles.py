"""The signed-in member's own profile, read once per request, with the user.

Work lists, the rules on requests and the meetings' invitation checks all ask for it; each
asking separately cost a query (or two, with the state) per question on the same page. The
session's user comes with it (`user_backend.UserWithProfilesBackend`).
"""

from django.contrib.auth import get_user_model

from network_pages.models import MemberProfile


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
