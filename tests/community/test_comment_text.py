"""Comments are plain text: escaped everywhere, with http(s) links made clickable."""

from network_pages.community.comments.text import render_comment_text


def test_html_typed_in_a_comment_is_shown_as_text():
    html = render_comment_text('<script>alert("x")</script><b>bold</b>')

    assert "<script>" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;b&gt;bold&lt;/b&gt;" in html


def test_web_addresses_become_links_that_pass_no_credit_and_no_opener():
    html = render_comment_text("See https://www.coe.int/en/web/migration for details")

    assert html == (
        '<p>See <a href="https://www.coe.int/en/web/migration" '
        'rel="nofollow noopener noreferrer">https://www.coe.int/en/web/migration</a>'
        " for details</p>"
    )


def test_a_quote_cannot_break_out_of_a_link():
    html = render_comment_text('https://evil.example/"onmouseover="alert(1)')

    assert 'href="https://evil.example/"' in html
    assert "onmouseover=&quot;" in html
    assert 'onmouseover="' not in html


def test_only_http_and_https_addresses_become_links():
    html = render_comment_text("javascript:alert(1) data:text/html,x ftp://files.example")

    assert "<a " not in html


def test_ampersands_in_a_link_are_escaped_once():
    html = render_comment_text("https://example.org/?a=1&b=<2>")

    assert 'href="https://example.org/?a=1&amp;b="' in html
    assert "&lt;2&gt;" in html


def test_final_punctuation_stays_out_of_the_link():
    html = render_comment_text("(see https://example.org/page).")

    assert 'href="https://example.org/page"' in html
    assert "</a>)." in html


def test_paragraphs_and_line_breaks_are_kept():
    html = render_comment_text("One\ntwo\n\nThree")

    assert html == "<p>One<br>two</p><p>Three</p>"
