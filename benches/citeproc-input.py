"""Pandoc's input for the same work as ours: the proposal's text with its
notes as pandoc citations, and the cited sources as CSL JSON, so that pandoc
formats the footnotes from a library with a CSL style (--citeproc), as a
drafter using pandoc would, instead of being handed them already formatted.

Usage: citeproc-input.py LIBRARY ANSWERS PROPOSAL_MD OUT_MD OUT_JSON

PROPOSAL_MD is pandoc's Markdown of our HTML of the proposal (see
whole-process.sh). Its notes come from the `recitals` answer, one each, in
order; the script stops if the counts differ rather than guess.
"""

import json
import re
import sys

library_path, answers_path, markdown_path, out_markdown, out_json = sys.argv[1:]
library = {s["id"]: s for s in json.load(open(library_path, encoding="utf-8"))["sources"]}
recitals = json.load(open(answers_path, encoding="utf-8"))["recitals"]
markdown = open(markdown_path, encoding="utf-8").read()

# Our kinds of source, as CSL types (the closest; pandoc's citeproc and
# hayagriva then each print them by the style's rules).
CSL_TYPE = {
    "news-article": "article-newspaper",
    "blog-post": "post-weblog",
    "press-release": "report",
    "guidance": "report",
    "report": "report",
    "webpage": "webpage",
    "legal": "legal_case",
}


def person(name):
    family, _, given = name.partition(", ")
    return {"family": family, "given": given} if given else {"literal": name}


def csl_item(source):
    item = {
        "id": source["id"],
        "type": CSL_TYPE.get(source["type"], "document"),
        "title": source["title"],
        "issued": {"date-parts": [[int(part) for part in source["date"].split("-")]]},
    }
    if source.get("authors"):
        item["author"] = [person(name) for name in source["authors"]]
    if source.get("publisher"):
        item["publisher"] = source["publisher"]
    if source.get("place"):
        item["publisher-place"] = source["place"]
    if source.get("container"):
        item["container-title"] = source["container"]
    if source.get("number"):
        item["number"] = source["number"]
    if source["type"] == "press-release":
        item["genre"] = "press release"
    for ours, theirs in (("url", "URL"), ("language", "language")):
        if source.get(ours):
            item[theirs] = source[ours]
    return item


def citation(recital):
    source_id, _, claim_id = recital.partition("#")
    claim = next(c for c in library[source_id].get("claims", []) if c["id"] == claim_id)
    pinpoint = claim.get("pinpoint")
    return f"[@{source_id}, {{{pinpoint}}}]" if pinpoint else f"[@{source_id}]"


reference = re.compile(r"\^\[(\d+)\]\(#fn\1\)\{[^}]*\}\^")
found = reference.findall(markdown)
if len(found) != len(recitals):
    sys.exit(f"{markdown_path}: {len(found)} note references, but {len(recitals)} recitals")
markdown = reference.sub(lambda m: citation(recitals[int(m.group(1)) - 1]), markdown)
# The formatted notes are dropped: pandoc writes its own.
markdown = markdown[: markdown.index("::: {.section .footnotes")]
open(out_markdown, "w", encoding="utf-8").write(markdown)
cited = {recital.partition("#")[0] for recital in recitals}
json.dump([csl_item(library[i]) for i in sorted(cited)], open(out_json, "w", encoding="utf-8"), ensure_ascii=False, indent=1)
