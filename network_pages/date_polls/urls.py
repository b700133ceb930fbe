from django.urls import path

from .views import PollListView, PollView

# Mounted under /<lang>/ by nfp_site/urls.py, before Wagtail's pages.
app_name = "date_polls"

urlpatterns = [
    path("network/date-polls/", PollListView.as_view(), name="list"),
    path("network/date-polls/<int:pk>/", PollView.as_view(), name="poll"),
]
