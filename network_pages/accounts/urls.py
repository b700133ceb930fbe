# PLACEHOLDER: the accounts views are being written; names are final.
from django.http import HttpResponse
from django.urls import path

app_name = "accounts"


def _todo(request, *args, **kwargs):
    return HttpResponse("not yet", status=501)


urlpatterns = [
    path("", _todo, name="account"),
    path("login/", _todo, name="login"),
    path("verify/", _todo, name="verify"),
    path("enrol/", _todo, name="enrol"),
    path("backup-codes/", _todo, name="backup_codes"),
    path("logout/", _todo, name="logout"),
    path("sign-out-everywhere/", _todo, name="sign_out_everywhere"),
    path("invitation/<str:token>/", _todo, name="invitation"),
]
