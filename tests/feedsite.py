"""A news site on 127.0.0.1 for the feed-following tests: feeds, pages, and every failure.

Routes are plain data the test changes between polls; the server honours ETag and
Last-Modified (answering 304), and logs every request (path, status, headers, start
and end times) so tests can check what the client did.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

CITIES = ["Goma", "Kharkiv", "Mogadishu", "Aden", "Gao", "Idlib", "Mosul", "Benghazi", "Juba", "Sanaa"]
ACTORS = ["The army", "Rebels", "Police", "Protesters", "The government", "Militants", "Troops", "Gunmen"]


@dataclass
class Route:
    body: bytes = b""
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    etag: str | None = None
    last_modified: str | None = None
    delay: float = 0.0  # seconds before answering (a timeout when over the client's)
    headers: dict[str, str] = field(default_factory=dict)
    fail_first: int = 0  # answer 503 this many times first
    hits: int = 0


@dataclass
class Hit:
    path: str
    status: int
    user_agent: str
    if_none_match: str | None
    if_modified_since: str | None
    start: float
    end: float


class Site:
    """Routes by path, a request log, and the most requests it saw in flight at once."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.log: list[Hit] = []
        self.lock = threading.Lock()
        self.in_flight = 0
        self.max_in_flight = 0
        self.base = ""

    def url(self, path: str) -> str:
        return self.base + path

    def hits(self, path: str) -> list[Hit]:
        with self.lock:
            return [hit for hit in self.log if hit.path == path]

    def statuses(self, path: str) -> list[int]:
        return [hit.status for hit in self.hits(path)]

    def answer(self, handler: BaseHTTPRequestHandler) -> None:
        start = time.monotonic()
        with self.lock:
            self.in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self.in_flight)
            route = self.routes.get(handler.path.split("?", 1)[0])
            if route is not None:
                route.hits += 1
        try:
            status, headers, body = self._respond(handler, route)
        finally:
            with self.lock:
                self.in_flight -= 1
        with self.lock:  # logged before the answer goes out, so a client never outruns the log
            self.log.append(
                Hit(
                    handler.path, status, handler.headers.get("User-Agent", ""),
                    handler.headers.get("If-None-Match"), handler.headers.get("If-Modified-Since"),
                    start, time.monotonic(),
                )
            )  # fmt: skip
        _send(handler, status, headers, body)

    def _respond(
        self, handler: BaseHTTPRequestHandler, route: Route | None
    ) -> tuple[int, dict[str, str], bytes]:
        if route is None:
            return 404, {"Content-Type": "text/plain"}, b"not found"
        if route.delay:
            time.sleep(route.delay)
        if route.hits <= route.fail_first:
            return 503, {"Content-Type": "text/plain"}, b"busy"
        headers = {"Content-Type": route.content_type, **route.headers}
        if route.etag:
            headers["ETag"] = route.etag
        if route.last_modified:
            headers["Last-Modified"] = route.last_modified
        matches = [
            (route.etag, handler.headers.get("If-None-Match")),
            (route.last_modified, handler.headers.get("If-Modified-Since")),
        ]
        sent = [(mine, theirs) for mine, theirs in matches if mine and theirs]
        if route.status == 200 and sent and all(mine == theirs for mine, theirs in sent):
            return 304, {k: v for k, v in headers.items() if k != "Content-Type"}, b""
        return route.status, headers, route.body


def _send(handler: BaseHTTPRequestHandler, status: int, headers: dict[str, str], body: bytes) -> None:
    try:
        handler.send_response(status)
        for name, value in headers.items():
            handler.send_header(name, value)
        if status != 304:
            handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        if status != 304:
            handler.wfile.write(body)
    except (BrokenPipeError, ConnectionResetError):
        pass  # the client gave up (a timeout test)


def serve(site: Site) -> Iterator[Site]:
    """Run ``site`` on a free port until the generator is closed."""

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:  # noqa: N802 (http.server's name)
            site.answer(self)

        def log_message(self, format: str, *args: object) -> None:
            pass

    class Server(ThreadingHTTPServer):
        daemon_threads = True

        def handle_error(self, request: object, client_address: object) -> None:
            pass  # a client that hung up (timeout and size-cap tests)

    server = Server(("127.0.0.1", 0), Handler)
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()


# -- content --------------------------------------------------------------------------------


def article_html(i: int, title: str | None = None) -> bytes:
    """A news page with a headline and four paragraphs that trafilatura keeps."""
    city, actor = CITIES[i % len(CITIES)], ACTORS[i % len(ACTORS)]
    title = title or f"{actor} clash with rivals near {city} in report {i}"
    paragraphs = [
        f"{city.upper()} (Reuters) - {actor} accused rival fighters of attacking a checkpoint outside "
        f"{city} on Monday, officials said, in the latest violence in the region (report number {i}).",
        f"Residents said the fighting began before dawn and lasted several hours. Aid groups said "
        f"hundreds of families fled toward the centre of {city} as shells fell near the market.",
        f"\u201cWe will not allow these attacks to continue,\u201d a spokesman for the regional governor told "
        f"reporters, adding that reinforcements had been sent to the area around {city}.",
        f"The United Nations called on all sides to respect a ceasefire agreed last month and urged "
        f"both sides to allow humanitarian convoys to reach the wounded in {city}.",
    ]
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>{title}</title>"
        f"<meta property='og:site_name' content='Page Site Name'></head><body>"
        f"<nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
        f"<article><h1>{title}</h1>{body}</article><footer>Copyright Test Wire</footer></body></html>"
    ).encode()


def rss(items: list[tuple[str, str, str]], title: str = "Test Wire - World") -> bytes:
    """RSS 2.0 with (link, title, RFC 822 date) items."""
    entries = "".join(
        f"<item><title>{t}</title><link>{link}</link><guid>{link}</guid><pubDate>{when}</pubDate></item>"
        for link, t, when in items
    )
    return (
        f"<?xml version='1.0' encoding='UTF-8'?><rss version='2.0'><channel><title>{title}</title>"
        f"<link>http://example.invalid/</link><description>news</description>{entries}</channel></rss>"
    ).encode()


def atom(items: list[tuple[str, str, str]], title: str = "Atom Desk") -> bytes:
    """Atom 1.0 with (link, title, ISO datetime) entries."""
    entries = "".join(
        f"<entry><title>{t}</title><id>tag:test,2024:{link}</id><link rel='alternate' href='{link}'/>"
        f"<updated>{when}</updated><published>{when}</published></entry>"
        for link, t, when in items
    )
    return (
        "<?xml version='1.0' encoding='utf-8'?><feed xmlns='http://www.w3.org/2005/Atom'>"
        f"<title>{title}</title><id>tag:test,2024:feed</id><updated>2024-05-02T00:00:00Z</updated>"
        f"{entries}</feed>"
    ).encode()


def news_sitemap(items: list[tuple[str, str, str]], outlet: str = "Sitemap Times") -> bytes:
    """A Google News sitemap with (loc, title, ISO datetime) urls."""
    urls = "".join(
        f"<url><loc>{loc}</loc><news:news><news:publication><news:name>{outlet}</news:name>"
        f"<news:language>en</news:language></news:publication>"
        f"<news:publication_date>{when}</news:publication_date><news:title>{t}</news:title>"
        f"</news:news></url>"
        for loc, t, when in items
    )
    return (
        "<?xml version='1.0' encoding='UTF-8'?>"
        "<urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9' "
        "xmlns:news='http://www.google.com/schemas/sitemap-news/0.9'>"
        f"{urls}</urlset>"
    ).encode()


def add_articles(site: Site, numbers: range, prefix: str = "/news/a", **route: object) -> list[str]:
    """Article pages at ``/news/a<i>.html``; their URLs."""
    urls = []
    for i in numbers:
        path = f"{prefix}{i}.html"
        site.routes[path] = Route(article_html(i), **route)  # type: ignore[arg-type]
        urls.append(site.url(path))
    return urls


def rfc822(day: int) -> str:
    return f"Thu, {day:02d} May 2024 09:30:00 GMT"


Check = Callable[[], bool]


def wait_for(check: Check, timeout: float = 10.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.02)
    return False
