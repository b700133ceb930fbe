from django.urls import path

from .state_views import OurStateView, StateRecordView
from .views import FollowView, NotificationSettingsView

# Non-page URLs of this app (mounted under /<lang>/ by nfp_site/urls.py).
app_name = "community"

urlpatterns = [
    path("notifications/", NotificationSettingsView.as_view(), name="notification_settings"),
    path("notifications/follow/<int:page_id>/", FollowView.as_view(), name="follow"),
    path("our-state/", OurStateView.as_view(), name="our_state"),
    path("states/<str:code>/", StateRecordView.as_view(), name="state_record"),
]
