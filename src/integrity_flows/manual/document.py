"""A small document: sections of paragraphs, lists and tables, written as Markdown or HTML.

Every text is escaped for the format it is written in: a label in a flow file cannot
inject markup into the published manual.
"""

from __future__ import annotations

import html

import attrs


@attrs.frozen
class Paragraph:
    """A paragraph of text."""

    text: str


@attrs.frozen
class Item:
    """A list item, with an optional list of sub-items."""

    text: str
    children: tuple[str, ...] = ()


@attrs.frozen
class Items:
    """A bulleted or numbered list."""

    items: tuple[Item, ...]
    numbered: bool = False


@attrs.frozen
class Table:
    """A table with a header row."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


Block = Paragraph | Items | Table


@attrs.frozen
class Section:
    """A headed part of the document."""

    heading: str
    blocks: tuple[Block, ...]


@attrs.frozen
class Document:
    """A titled document in one language (``lang`` is ``th`` or ``en``)."""

    title: str
    lang: str
    intro: tuple[Block, ...]
    sections: tuple[Section, ...]

    def markdown(self) -> str:
        """The document as Markdown."""
        out = [f"# {_md(self.title)}", ""]
        for block in self.intro:
            out += [*_md_block(block), ""]
        for section in self.sections:
            out += [f"## {_md(section.heading)}", ""]
            for block in section.blocks:
                out += [*_md_block(block), ""]
        return "\n".join(out).rstrip() + "\n"

    def html(self) -> str:
        """The document as a standalone HTML page."""
        title = html.escape(self.title)
        out = [
            "<!DOCTYPE html>",
            f'<html lang="{html.escape(self.lang)}">',
            '<head><meta charset="utf-8">',
            f"<title>{title}</title></head>",
            "<body>",
            f"<h1>{title}</h1>",
        ]
        out += [_html_block(block) for block in self.intro]
        for section in self.sections:
            out.append(f"<h2>{html.escape(section.heading)}</h2>")
            out += [_html_block(block) for block in section.blocks]
        out += ["</body>", "</html>"]
        return "\n".join(out) + "\n"

    def text(self) -> str:
        """Every text of the document, joined (for searching)."""
        return self.markdown()


_MD_SPECIAL = str.maketrans({c: f"\\{c}" for c in "\\`*_[]<>|#"})


def _md(text: str) -> str:
    return " ".join(text.split()).translate(_MD_SPECIAL)


def _md_block(block: Block) -> list[str]:
    if isinstance(block, Paragraph):
        return [_md(block.text)]
    if isinstance(block, Items):
        lines = []
        for number, item in enumerate(block.items, start=1):
            mark = f"{number}." if block.numbered else "-"
            lines.append(f"{mark} {_md(item.text)}")
            lines += [f"{' ' * (len(mark) + 1)}- {_md(child)}" for child in item.children]
        return lines
    header = "| " + " | ".join(_md(cell) for cell in block.header) + " |"
    rule = "|" + "|".join("---" for _ in block.header) + "|"
    rows = ["| " + " | ".join(_md(cell) for cell in row) + " |" for row in block.rows]
    return [header, rule, *rows]


def _html_block(block: Block) -> str:
    if isinstance(block, Paragraph):
        return f"<p>{html.escape(block.text)}</p>"
    if isinstance(block, Items):
        tag = "ol" if block.numbered else "ul"
        items = []
        for item in block.items:
            children = "".join(f"<li>{html.escape(c)}</li>" for c in item.children)
            nested = f"<ul>{children}</ul>" if children else ""
            items.append(f"<li>{html.escape(item.text)}{nested}</li>")
        return f"<{tag}>{''.join(items)}</{tag}>"
    head = "".join(f"<th>{html.escape(cell)}</th>" for cell in block.header)
    rows = "".join(
        "<tr>" + "".join(f"<td>{html.escape(cell)}</td>" for cell in row) + "</tr>"
        for row in block.rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"


__all__ = ["Block", "Document", "Item", "Items", "Paragraph", "Section", "Table"]
