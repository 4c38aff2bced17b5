#!/usr/bin/env python3
"""Renders a Markdown file with cmark-gfm (GitHub's own Markdown engine, through PyPI's cmarkgfm)
and prints what a reader sees as JSON: headings, anchors, links, tables (cell texts), code blocks,
the text of list items, and every HTML element and attribute the rendering holds, so a test can tell markup that came
from the data. Raw HTML is let through (GitHub then sanitises it; erdviz writes only <a id>)."""
import json
import sys
from html.parser import HTMLParser

import cmarkgfm
from cmarkgfm.cmark import Options


class Reader(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements = []
        self.headings = []
        self.anchors = []
        self.links = []
        self.images = []
        self.tables = []
        self.code_blocks = []
        self.stack = []
        self.text = None
        self.cell = None
        self.row = None
        self.pre = None
        self.items = []
        self.item = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.elements.append([tag, sorted(attrs.keys())])
        self.stack.append(tag)
        if tag == "a" and "id" in attrs:
            self.anchors.append(attrs["id"])
        if tag == "img" and "src" in attrs:
            self.images.append(attrs["src"])
        if tag == "a" and "href" in attrs:
            self.links.append({"href": attrs["href"], "text": ""})
        if tag in ("h1", "h2", "h3", "h4"):
            self.text = ""
        if tag == "table":
            self.tables.append([])
        if tag == "tr":
            self.row = []
        if tag in ("td", "th"):
            self.cell = ""
        if tag == "li":
            self.item = ""
        if tag == "pre":
            self.pre = {"lang": attrs.get("lang"), "text": ""}
        if tag == "code" and self.pre is not None and attrs.get("class", "").startswith("language-"):
            self.pre["lang"] = attrs["class"][len("language-"):]

    def handle_endtag(self, tag):
        while self.stack and self.stack.pop() != tag:
            pass
        if tag in ("h1", "h2", "h3", "h4") and self.text is not None:
            self.headings.append([tag, self.text])
            self.text = None
        if tag in ("td", "th") and self.cell is not None:
            self.row.append(self.cell)
            self.cell = None
        if tag == "tr" and self.row is not None:
            self.tables[-1].append(self.row)
            self.row = None
        if tag == "li" and self.item is not None:
            self.items.append(self.item)
            self.item = None
        if tag == "pre" and self.pre is not None:
            self.code_blocks.append(self.pre)
            self.pre = None

    def handle_data(self, data):
        if self.item is not None:
            self.item += data
        if self.text is not None:
            self.text += data
        if self.cell is not None:
            self.cell += data
        if self.pre is not None:
            self.pre["text"] += data
        if "a" in self.stack and self.links:
            self.links[-1]["text"] += data

    def handle_comment(self, data):
        self.elements.append(["!--", [data]])


def main(path):
    with open(path, encoding="utf-8") as f:
        source = f.read()
    html = cmarkgfm.github_flavored_markdown_to_html(source, options=Options.CMARK_OPT_UNSAFE)
    reader = Reader()
    reader.feed(html)
    reader.close()
    print(json.dumps({
        "headings": reader.headings,
        "anchors": reader.anchors,
        "links": reader.links,
        "images": reader.images,
        "tables": reader.tables,
        "code_blocks": reader.code_blocks,
        "list_items": reader.items,
        "elements": reader.elements,
    }, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
