"""`render_markdown` lets no script, style, event attribute or `javascript:` link through, and
links the plan's codes."""

import re
from html.parser import HTMLParser

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ordito.participation.markdown import render_markdown

HOSTILE = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)>",
    "<style>body{display:none}</style>",
    '<a href="javascript:alert(1)">x</a>',
    "[x](javascript:alert(1))",
    "[x](JaVaScRiPt:alert(1))",
    "[x](&#106;avascript:alert(1))",
    "[x](java\tscript:alert(1))",
    "[x](vbscript:msgbox(1))",
    "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    '[x](http://a.example "title" onmouseover=alert(1))',
    "![x](javascript:alert(1))",
    '<iframe src="https://evil.example"></iframe>',
    '<div style="background:url(javascript:alert(1))">x</div>',
    "<a href='x' onclick='alert(1)'>x</a>",
    "<!-- <script>alert(1)</script> -->",
    "```html\n<script>alert(1)</script>\n```",
    "<form action=//evil.example><input name=p></form>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "[a](<javascript:alert(1)>)",
    '<http://a.example/" onmouseover="alert(1)>',
    "&lt;script&gt;alert(1)&lt;/script&gt;",
]
ALLOWED_TAGS = {
    "p", "br", "strong", "em", "del", "a", "ul", "ol", "li", "blockquote", "code", "pre", "hr",
}  # fmt: skip
SAFE_URL = re.compile(r"^(https?://|mailto:|/|#)", re.IGNORECASE)


class Elements(HTMLParser):
    """The tags and attributes a browser would build from the HTML."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, dict]] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, dict(attrs)))


def active_parts(html: str) -> list[str]:
    """What in `html` could run code or restyle the page: tags outside the list, event or style
    attributes, links to a scheme other than http(s) and mailto."""
    found = []
    for tag, attrs in Elements(html).found:
        if tag not in ALLOWED_TAGS:
            found.append(f"<{tag}>")
        for name, value in attrs.items():
            if name.startswith("on") or name in {"style", "src", "srcdoc", "action"}:
                found.append(f"{tag}[{name}]")
            if name == "href" and not SAFE_URL.match((value or "").strip()):
                found.append(f"{tag}[href={value}]")
    return found


def test_active_parts_finds_what_it_looks_for():
    # The checker itself must see an attack when there is one, or the tests below prove nothing.
    assert active_parts('<p onclick="x">a</p><script></script><a href="javascript:x">b</a>') == [
        "p[onclick]",
        "<script>",
        "a[href=javascript:x]",
    ]


@pytest.mark.parametrize("text", HOSTILE)
def test_render_markdown_hostile_input_leaves_nothing_active(text):
    html = render_markdown(text)
    assert active_parts(html) == [], html


@given(
    st.text(alphabet=st.sampled_from(list("<>\"'=/:;&#()[]!` \nascriptjvonerrorlimg")), max_size=80)
)
def test_render_markdown_any_mix_of_tag_characters_leaves_nothing_active(text):
    assert active_parts(render_markdown(text)) == []


def test_render_markdown_keeps_the_formatting_people_write():
    html = render_markdown(
        "**forte** e *corsivo*\n\n- uno\n- due\n\n> citato\n\n[sito](https://a.example)"
    )
    assert "<strong>forte</strong>" in html
    assert "<em>corsivo</em>" in html
    assert "<li>uno</li>" in html
    assert "<blockquote>" in html
    assert '<a href="https://a.example" rel="nofollow ugc noopener noreferrer">sito</a>' in html


def test_render_markdown_makes_no_heading_to_compete_with_the_page():
    assert "<h1" not in render_markdown("# Titolo\n\nTitolo\n===")


def test_render_markdown_links_known_codes_outside_links_and_code():
    html = render_markdown(
        "Vedi MOB2, non XYZ9; `MOB2` e [MOB2](https://a.example).",
        links={"MOB2": "/p/torino/objectives/7/"},
    )
    assert html.count('href="/p/torino/objectives/7/"') == 1
    assert "XYZ9" in html and 'href="/p/torino/objectives/7/" rel' in html
    assert "<code>MOB2</code>" in html


def test_render_markdown_links_a_code_written_with_or_without_its_space():
    html = render_markdown("MOB 2 e MOB2", links={"MOB2": "/o/2/"})
    assert (
        html
        == '<p><a href="/o/2/" rel="nofollow ugc noopener noreferrer">MOB 2</a> e <a href="/o/2/" rel="nofollow ugc noopener noreferrer">MOB2</a></p>\n'
    )
