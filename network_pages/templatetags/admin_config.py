"""The admin's `{% wagtail_config %}`, its locales from the process's memo (issue 17).

Every admin screen hands its JavaScript Wagtail's configuration (wagtailadmin/admin_base.html),
which lists the locales with a query of its own on every request. This is Wagtail's tag
(`wagtailadmin_tags.wagtail_config`, Wagtail 8.0.1) with the locales read from the memo
(home.locales), which every other admin locale question already uses; the rest is Wagtail's
own. `tests/network_pages/test_admin_config.py` compares it with Wagtail's tag, so that an
upgrade that changes Wagtail's fails there until this one follows.
"""

from django import template
from django.conf import settings
from django.http.request import HttpHeaders
from django.middleware.csrf import get_token
from django.urls import reverse
from django.utils.encoding import force_str
from wagtail.admin.localization import get_js_translation_strings
from wagtail.admin.templatetags.wagtailadmin_tags import i18n_enabled

from home.locales import all_locales

register = template.Library()


@register.simple_tag(takes_context=True)
def wagtail_config_read_once(context) -> dict:
    request = context["request"]
    config = {
        "CSRF_TOKEN": get_token(request),
        "CSRF_HEADER_NAME": HttpHeaders.parse_header_name(settings.CSRF_HEADER_NAME),
        "ADMIN_API": {
            "PAGES": reverse("wagtailadmin_api:pages:listing"),
            "DOCUMENTS": reverse("wagtailadmin_api:documents:listing"),
            "IMAGES": reverse("wagtailadmin_api:images:listing"),
            "EXTRA_CHILDREN_PARAMETERS": "",
        },
        "ADMIN_URLS": {
            "DISMISSIBLES": reverse("wagtailadmin_dismissibles"),
            "PAGES": reverse("wagtailadmin_explore_root"),
            "BLOCK_PREVIEW": reverse("wagtailadmin_block_preview"),
        },
        "I18N_ENABLED": i18n_enabled(),
        # Wagtail's `Locale.objects.all()`: ordered by language code, as the memo is.
        "LOCALES": [
            {"code": locale.language_code, "display_name": force_str(locale.get_display_name())}
            for locale in all_locales()
        ],
        "STRINGS": get_js_translation_strings(),
    }
    if locale := context.get("locale"):
        config["ACTIVE_CONTENT_LOCALE"] = locale.language_code
    user = getattr(context.get("request"), "user", None)
    config["KEYBOARD_SHORTCUTS_ENABLED"] = (
        user.wagtail_userprofile.keyboard_shortcuts
        if hasattr(user, "wagtail_userprofile")
        else True
    )
    return config
