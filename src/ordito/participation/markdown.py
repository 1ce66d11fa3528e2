"""What participants write, from Markdown to HTML that is safe to show.

One function, `render_markdown`, for every text of participation (posts, proposals): markdown-it
(CommonMark, raw HTML off, so `<script>` comes out as text) renders it, then nh3 (the Rust
`ammonia` sanitiser) keeps only the tags and attributes listed here and links whose scheme is
http, https or mailto. The two layers are independent: either alone would stop a `<script>`, an
`onerror=` or a `javascript:` link; together a bug in one is not a hole.

Codes of the plan's objectives and projects (`MOB2`, `MOB 2`) become links, given as `links`, a
mapping from code (without spaces, `code_key`) to path that the caller reads from the plan; a code inside a link or code span is left
alone.
"""

import re
from collections.abc import Mapping

import nh3
from markdown_it import MarkdownIt
from markdown_it.token import Token

ALLOWED_TAGS = {
    "p", "br", "strong", "em", "del", "a", "ul", "ol", "li", "blockquote", "code", "pre", "hr",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
URL_SCHEMES = {"http", "https", "mailto"}
# The codes of plan parts: capitals then a number, written together or apart ("MOB2", "MOB 2",
# "P001"); either spelling finds the part coded either way.
CODE_PATTERN = re.compile(r"\b([A-Z]{1,6}) ?(\d{1,4})\b")


def markdown_parser() -> MarkdownIt:
    # Headings would compete with the page's own; images would load from anywhere.
    return MarkdownIt("commonmark", {"html": False}).disable(["heading", "lheading", "image"])


PARSER = markdown_parser()


def code_key(code: str) -> str:
    """A code as `links` are keyed: without spaces ("MOB 2" → "MOB2")."""
    return code.replace(" ", "")


def codes_in(text: str) -> set[str]:
    """The words of `text` that look like codes of plan parts, keyed as `code_key` says."""
    return {letters + number for letters, number in CODE_PATTERN.findall(text)}


def link_codes(tokens: list[Token], links: Mapping[str, str]) -> None:
    """Turn the known codes in the text tokens into links, outside links and code."""
    for block in tokens:
        if block.type != "inline" or not block.children:
            continue
        children: list[Token] = []
        inside_link = 0
        for token in block.children:
            if token.type == "link_open":
                inside_link += 1
            elif token.type == "link_close":
                inside_link -= 1
            if token.type != "text" or inside_link or not CODE_PATTERN.search(token.content):
                children.append(token)
                continue
            position = 0
            for match in CODE_PATTERN.finditer(token.content):
                path = links.get(code_key(match.group(0)))
                if path is None:
                    continue
                children.append(text_token(token.content[position : match.start()]))
                children.append(Token("link_open", "a", 1, attrs={"href": path}))
                children.append(text_token(match.group(0)))
                children.append(Token("link_close", "a", -1))
                position = match.end()
            children.append(text_token(token.content[position:]))
        block.children = children


def text_token(content: str) -> Token:
    return Token("text", "", 0, content=content)


def render_markdown(text: str, *, links: Mapping[str, str] | None = None) -> str:
    """`text` in Markdown as sanitised HTML, with the codes in `links` turned into links."""
    tokens = PARSER.parse(text)
    if links:
        link_codes(tokens, links)
    html = PARSER.renderer.render(tokens, PARSER.options, {})
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="nofollow ugc noopener noreferrer",
        strip_comments=True,
    )
