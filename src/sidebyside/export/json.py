"""JSON payloads of the headless commands (the contracts in DESIGN.md)."""

from __future__ import annotations

import json
from typing import Any

from sidebyside.model import Article


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
        "sentences": list(article.sentences),
    }


def articles_payload(articles: tuple[Article, ...] | list[Article]) -> dict[str, Any]:
    return {"articles": [article_dict(a) for a in articles]}


def dumps(payload: dict[str, Any]) -> str:
    """Stable, readable JSON; non-ASCII text kept as is."""
    return json.dumps(payload, ensure_ascii=False, indent=2)
