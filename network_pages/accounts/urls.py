from django.urls import path

from .account import AccountView, SignOutEverywhereView
from .backup_codes import BackupCodesView
from .email_change import EmailChangeView, EmailConfirmView
from .enrolment import EnrolView
from .invitation import InvitationView
from .login import LoginView, LogoutView, VerifyView
from .password import PasswordChangeView

app_name = "accounts"

urlpatterns = [
    path("", AccountView.as_view(), name="account"),
    path("login/", LoginView.as_view(), name="login"),
    path("verify/", VerifyView.as_view(), name="verify"),
    path("enrol/", EnrolView.as_view(), name="enrol"),
    path("backup-codes/", BackupCodesView.as_view(), name="backup_codes"),
    path("logout/", LogoutView.as_view(), name="logout"),
    path("sign-out-everywhere/", SignOutEverywhereView.as_view(), name="sign_out_everywhere"),
    path("password/", PasswordChangeView.as_view(), name="password_change"),
    path("email/", EmailChangeView.as_view(), name="email_change"),
    path("email/confirm/<str:token>/", EmailConfirmView.as_view(), name="email_confirm"),
    path("invitation/<str:token>/", InvitationView.as_view(), name="invitation"),
]
