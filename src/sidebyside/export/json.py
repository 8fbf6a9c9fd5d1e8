"""JSON payloads of the headless commands (the contracts in DESIGN.md)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from sidebyside.model import Article

if TYPE_CHECKING:
    from sidebyside.model import Closest


def article_dict(article: Article) -> dict[str, Any]:
    """One article as `articles --format json` lists it."""
    return {
        "id": article.id,
        "path": article.path,
        "outlet": article.outlet,
        "title": article.title,
        "byline": article.byline,
        "dateline": article.dateline,
        "date": article.date,
        "url": article.url,
        "outlet_from": article.outlet_from,
        "sentences": list(article.sentences),
    }


def articles_payload(articles: Sequence[Article], closest: Sequence[Closest] | None = None) -> dict[str, Any]:
    """`articles --format json`; with `closest` (one per article), each gains "closest"."""
    out = [article_dict(a) for a in articles]
    if closest is not None:
        from sidebyside.export.overlap import closest_dict

        for item, near in zip(out, closest, strict=True):
            item["closest"] = closest_dict(near)
    return {"articles": out}


def dumps(payload: dict[str, Any]) -> str:
    """Stable, readable JSON; non-ASCII text kept as is."""
    return json.dumps(payload, ensure_ascii=False, indent=2)
