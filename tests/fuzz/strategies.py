"""Hostile input for the site's forms: markup, script links, control characters, odd
unicode, lone surrogates and text just over each limit."""

from hypothesis import strategies as st

# Fragments an attacker, a broken client or an unlucky paste would send.
PAYLOADS = (
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    '"><img src=x onerror=alert(1)>',
    "' onmouseover='alert(1)' data-x='",
    '<a href="javascript:alert(1)">click</a>',
    "javascript:alert(document.cookie)",
    " JaVaScRiPt:alert(1)",
    'https://evil.example/"onmouseover="alert(1)',
    "https://evil.example/<script>alert(1)</script>",
    'http://x.example/?a=1&b=<2>&c="3"',
    "https://x.example/(a)).",
    "<svg/onload=alert(1)>",
    "<iframe srcdoc='<script>alert(1)</script>'></iframe>",
    "</textarea><script>alert(1)</script>",
    "</title><script>alert(1)</script>",
    "<!--",
    "-->",
    "<![CDATA[x]]>",
    "&lt;script&gt;",
    "&amp;",
    "&#60;script&#62;",
    "{{ request.user.password }}",
    "{% debug %}",
    "%(count)d",
    "%s",
    "{0}",
    "'; DROP TABLE auth_user; --",
    "\u202eevil\u202c",
    "\u200f\u200e",
    "\ufeff",
    "\u200b",
    "\u2028\u2029",
    "\x00",
    "\x0b\x0c\x1b\x7f",
    "\r\n",
    "\r",
    "\n\n",
    "\t",
    "e\u0301\u0301\u0301",
    "😀👩‍👩‍👧‍👦",
    "\U0010fffd",
    "\ufffe\uffff",
    "中文",
    "مرحبا",
    "\ud800",  # a lone surrogate: sent as the bytes ED A0 80, which are not UTF-8
    "\udfff",
    "   ",
)

lone_surrogates = st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF)


def hostile_text(max_size: int = 200) -> st.SearchStrategy[str]:
    """Short hostile text: any unicode (control characters too), known payloads, and
    mixtures of both, lone surrogates included."""
    piece = st.one_of(st.sampled_from(PAYLOADS), st.text(max_size=20), lone_surrogates)
    return st.one_of(
        st.text(max_size=max_size),
        st.lists(piece, min_size=1, max_size=8).map("".join),
    )


def around_the_limit(limit: int) -> st.SearchStrategy[str]:
    """Text a few characters under, at or well over `limit`, made of hostile fragments."""
    visible = [payload for payload in PAYLOADS if payload.strip()]

    def build(fragment: str, offset: int) -> str:
        repeated = fragment * (limit // len(fragment) + 2)
        return repeated[: limit + offset]

    return st.builds(
        build,
        st.sampled_from(visible),
        st.sampled_from([-1, 0, 1, 2, limit]),
    )


def field_text(limit: int) -> st.SearchStrategy[str]:
    """What a text field may be sent: hostile, blank, or around its length limit."""
    return st.one_of(
        hostile_text(),
        st.sampled_from(["", " ", "\t\r\n", "\u3000\u00a0"]),
        around_the_limit(limit),
    )


# Values that are not what a field expects: numbers, garbage, huge, several of them.
garbage_scalar = st.one_of(
    st.sampled_from(["", "0", "-1", "1.5", "1e9", "NaN", "null", "[]", "on", "true", "١٢"]),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.just("9" * 5000),
    hostile_text(40),
)
garbage_value = st.one_of(garbage_scalar, st.lists(garbage_scalar, min_size=2, max_size=4))
