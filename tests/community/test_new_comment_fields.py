"""The new-comment fields every commentable page shows are written once per process and
language (`comments.forms.new_comment_fields`): the same as the empty form's, with a new
submission key each time."""

import re
import uuid

from django.template.loader import render_to_string
from django.utils import translation

from network_pages.community.comments import forms

KEY = re.compile(r'name="submission_key" value="([^"]+)"')


def _written_by_the_template(key: uuid.UUID) -> str:
    form = forms.CommentForm(initial={"submission_key": key})
    return render_to_string(forms.FORM_FIELDS_TEMPLATE, {"form": form})


def test_the_fields_are_the_empty_form_s_with_a_new_submission_key_each_time():
    first, second = forms.new_comment_fields(), forms.new_comment_fields()
    keys = [KEY.search(first).group(1), KEY.search(second).group(1)]
    assert keys[0] != keys[1]
    assert all(uuid.UUID(key).version == 4 for key in keys)
    assert first == _written_by_the_template(uuid.UUID(keys[0]))


def test_a_french_page_gets_the_french_fields():
    with translation.override("en"):
        forms.new_comment_fields()
    with translation.override("fr"):
        french = forms.new_comment_fields()
        expected = _written_by_the_template(uuid.UUID(KEY.search(french).group(1)))
    assert french == expected
    assert "Votre commentaire" in french
