from django.urls import path

from .views import CalendarFeedSettingsView, calendar_feed

# Non-page URLs of this app (mounted under /<lang>/ by nfp_site/urls.py).
app_name = "meetings"

urlpatterns = [
    path("calendar/", CalendarFeedSettingsView.as_view(), name="calendar_feed_settings"),
    path("calendar/<str:token>.ics", calendar_feed, name="calendar_feed"),
]
