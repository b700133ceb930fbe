"""Admin URLs of the joint approval, mounted under /admin/joint-approval/ by the hooks."""

from django.urls import path

from workflows import views

app_name = "workflows"

urlpatterns = [
    path("review/<int:task_state_id>/", views.ReviewView.as_view(), name="review"),
    path("review/<int:task_state_id>/preview/", views.PreviewView.as_view(), name="preview"),
    path("withdraw/<int:page_id>/", views.WithdrawView.as_view(), name="withdraw"),
    path(
        "submit-translation/<int:page_id>/",
        views.SubmitTranslationView.as_view(),
        name="submit_translation",
    ),
    path(
        "waiting-for-translation/",
        views.WaitingForTranslationView.as_view(),
        name="waiting_for_translation",
    ),
    path(
        "waiting-for-translation/results/",
        views.WaitingForTranslationView.as_view(results_only=True),
        name="waiting_for_translation_results",
    ),
]
