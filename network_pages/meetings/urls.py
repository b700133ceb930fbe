from django.urls import path

from .views import CalendarFeedSettingsView, calendar_feed
from .your_meetings import YourMeetingsView

# Non-page URLs of this app (mounted under /<lang>/ by nfp_site/urls.py).
app_name = "meetings"

urlpatterns = [
    path("calendar/", CalendarFeedSettingsView.as_view(), name="calendar_feed_settings"),
    path("calendar/<str:token>.ics", calendar_feed, name="calendar_feed"),
    path("your-meetings/", YourMeetingsView.as_view(), name="your_meetings"),
]
