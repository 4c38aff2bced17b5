#!/usr/bin/env python3
"""Prints the HTML that cmark-gfm (GitHub's Markdown engine, through PyPI's cmarkgfm) makes of a
Markdown file, raw HTML let through as markdown_model.py does."""
import sys

import cmarkgfm
from cmarkgfm.cmark import Options


def main(path):
    with open(path, encoding="utf-8") as f:
        source = f.read()
    sys.stdout.write(cmarkgfm.github_flavored_markdown_to_html(source, options=Options.CMARK_OPT_UNSAFE))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
