"""An article from its address: one page fetched over http(s), read like a saved HTML page.

Only the page itself is fetched (no scripts, images, frames or styles), with a time limit, a size cap and
a user agent that says what is asking; redirects are followed a few times. Anything that is not a web
page, or does not arrive, is one sentence.
"""

from __future__ import annotations

import http.client
import socket
import urllib.error
import urllib.request
from urllib.parse import urlsplit

from reader.documents import markup
from reader.documents.loaders import DocumentError, decode_bytes, max_mb
from reader.model import Article

TIMEOUT = 20.0
MAX_REDIRECTS = 5
USER_AGENT = "QuoteReader/0.1 (+offline news reader; fetches one page, no scripts)"
_HTML_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "")


def is_url(text: str) -> bool:
    return text.strip().lower().startswith(("http://", "https://"))


class _FewRedirects(urllib.request.HTTPRedirectHandler):
    max_redirections = MAX_REDIRECTS

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # noqa: ANN001, ANN201
        if not is_url(newurl):
            raise DocumentError(f"{req.full_url} redirects to {newurl}, which is not a web address")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def fetch_article(url: str, timeout: float = TIMEOUT) -> Article:
    url = url.strip()
    host = urlsplit(url).hostname or url
    opener = urllib.request.build_opener(_FewRedirects())
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "text/html,*/*;q=0.1"})
    limit = int(max_mb() * 1e6)
    try:
        with opener.open(request, timeout=timeout) as response:
            kind = (response.headers.get_content_type() or "").lower()
            if kind not in _HTML_TYPES:
                raise DocumentError(f"{url} is not a web page but {kind}: save it and open the file instead")
            body = response.read(limit + 1)
            final = response.geturl()
    except DocumentError:
        raise
    except urllib.error.HTTPError as exc:
        if exc.code in (301, 302, 303, 307, 308):
            raise DocumentError(f"{url} redirects more than {MAX_REDIRECTS} times") from exc
        raise DocumentError(f"{host} answered {exc.code} {exc.reason} for {url}") from exc
    except TimeoutError as exc:
        raise DocumentError(f"{host} did not answer within {timeout:g} seconds") from exc
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, TimeoutError | socket.timeout):
            raise DocumentError(f"{host} did not answer within {timeout:g} seconds") from exc
        raise DocumentError(f"cannot reach {host}: {getattr(reason, 'strerror', None) or reason}") from exc
    except (http.client.HTTPException, OSError, ValueError) as exc:
        raise DocumentError(f"cannot fetch {url}: {exc.__class__.__name__}") from exc
    if len(body) > limit:
        raise DocumentError(f"{url} is larger than the {max_mb():g} MB limit for one article (--max-mb raises it)")
    data = markup.extract_html(decode_bytes(body))
    if not (data["text"] or "").strip():
        raise DocumentError(f"{url} has no article text")
    return Article(text=data["text"] or "", title=data["title"], outlet=data["outlet"] or host,
                   author=data["author"], published=data["published"], path=final, url=data["url"] or final)
