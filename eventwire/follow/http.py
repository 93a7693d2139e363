"""Polite HTTP for following feeds: one client, robots.txt, per-host pacing, retries, caps.

Every request names eventwire and a contact URL, asks robots.txt first, waits its
turn on its host (at most ``per_host`` at once, starts ``delay`` seconds apart, or the
site's Crawl-delay), and gives up with a :class:`FetchError` that says why: a 4xx
at once, a 5xx or a timeout after ``retries`` retries with exponential backoff.
Redirects are followed by hand so loops are caught and a permanent move is reported.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import httpx

from eventwire.errors import EventwireError

ROBOTS_TOKEN = "eventwire"
# Where a site owner reads who is crawling them; operators should pass --contact with their own.
DEFAULT_CONTACT = "https://pypi.org/project/eventwire/"
ROBOTS_MAX_BYTES = 512_000
ROBOTS_TTL_S = 24 * 3600
ROBOTS_RETRY_S = 300
MAX_CRAWL_DELAY_S = 60.0
_PERMANENT = (301, 308)


def user_agent(contact: str = DEFAULT_CONTACT) -> str:
    from eventwire import __version__

    return f"eventwire/{__version__} (+{contact})"


@dataclass(frozen=True, slots=True)
class FetchPolicy:
    """How hard to try and how gently: the options of ``eventwire watch``."""

    timeout: float = 20.0  # seconds per connect/read; a whole response gets 3x this
    retries: int = 2  # after the first try, on 5xx and timeouts only
    backoff: float = 1.0  # first retry waits this long, then twice as long each time
    max_bytes: int = 5_000_000  # larger bodies are refused (decompressed size)
    per_host: int = 2  # requests in flight to one host
    delay: float = 1.0  # seconds between request starts to one host (or the Crawl-delay)
    max_redirects: int = 5
    contact: str = DEFAULT_CONTACT


@dataclass(slots=True)
class Response:
    url: str  # as requested
    final_url: str  # after redirects
    status: int  # 200 (or another 2xx) or 304
    headers: dict[str, str]
    body: bytes
    moved_to: str | None = None  # the new address when every redirect was permanent (301/308)
    attempts: int = 1


class FetchError(EventwireError):
    """A fetch that failed for good this time; ``kind`` is a short code stored in fetch_errors."""

    def __init__(
        self, url: str, kind: str, reason: str, *, transient: bool = False, attempts: int = 1,
        status: int | None = None,
    ) -> None:  # fmt: skip
        super().__init__(f"{url}: {reason}")
        self.url, self.kind, self.reason = url, kind, reason
        self.transient, self.attempts, self.status = transient, attempts, status


class _Retryable(Exception):
    def __init__(self, kind: str, reason: str, retry_after: float | None = None) -> None:
        super().__init__(reason)
        self.kind, self.reason, self.retry_after = kind, reason, retry_after


class HostLimiter:
    """At most ``per_host`` requests in flight per host, their starts ``delay`` seconds apart."""

    def __init__(self, per_host: int, delay: float) -> None:
        self.per_host, self.delay = per_host, delay
        self._lock = threading.Lock()
        self._slots: dict[str, threading.Semaphore] = {}
        self._next_start: dict[str, float] = {}
        self._delays: dict[str, float] = {}

    def set_delay(self, host: str, delay: float) -> None:
        with self._lock:
            self._delays[host] = max(self.delay, min(delay, MAX_CRAWL_DELAY_S))

    @contextmanager
    def slot(self, host: str) -> Iterator[None]:
        with self._lock:
            semaphore = self._slots.setdefault(host, threading.Semaphore(self.per_host))
        with semaphore:
            with self._lock:
                now = time.monotonic()
                start = max(now, self._next_start.get(host, now))
                self._next_start[host] = start + self._delays.get(host, self.delay)
            time.sleep(start - now)
            yield


class Fetcher:
    """GETs with validators, robots.txt, pacing, retries and caps; safe to share between threads."""

    def __init__(
        self, policy: FetchPolicy | None = None, transport: httpx.BaseTransport | None = None
    ) -> None:
        self.policy = policy or FetchPolicy()
        self.user_agent = user_agent(self.policy.contact)
        self.client = httpx.Client(
            headers={"User-Agent": self.user_agent},
            timeout=httpx.Timeout(self.policy.timeout),
            follow_redirects=False,
            transport=transport,
        )
        self.limiter = HostLimiter(self.policy.per_host, self.policy.delay)
        self._robots: dict[str, tuple[float, object | None]] = {}
        self._robots_locks: dict[str, threading.Lock] = {}
        self._lock = threading.Lock()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.client.close()

    def get(self, url: str, etag: str | None = None, last_modified: str | None = None) -> Response:
        """The body at ``url`` (200) or a 304 when the validators still match; else FetchError."""
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        visited, current, permanent, attempts = [url], url, True, 0
        for _ in range(self.policy.max_redirects + 1):
            if urlsplit(current).scheme not in ("http", "https") or not urlsplit(current).netloc:
                raise FetchError(url, "bad-url", f"not an http(s) URL: {current}", attempts=attempts)
            self._check_robots(current)
            status, got, body, tries = self._with_retries(current, headers)
            attempts += tries
            location = got.get("location")
            if not (300 <= status < 400 and status != 304 and location):
                moved = current if permanent and current != url else None
                return Response(url, current, status, got, body, moved, attempts)
            permanent = permanent and status in _PERMANENT
            current = urljoin(current, location)
            if current in visited:
                chain = " -> ".join([*visited[visited.index(current) :], current])
                raise FetchError(url, "redirect-loop", f"redirect loop: {chain}", attempts=attempts)
            visited.append(current)
        raise FetchError(
            url, "too-many-redirects", f"more than {self.policy.max_redirects} redirects", attempts=attempts
        )

    def _with_retries(self, url: str, headers: dict[str, str]) -> tuple[int, dict[str, str], bytes, int]:
        """One hop, retried with backoff on 5xx and timeouts; a 4xx raises at once."""
        for attempt in range(self.policy.retries + 1):
            try:
                status, got, body = self._once(url, headers)
                return status, got, body, attempt + 1
            except _Retryable as exc:
                if attempt == self.policy.retries:
                    tries = f" (after {attempt + 1} tries)" if attempt else ""
                    raise FetchError(
                        url, exc.kind, f"{exc.reason}{tries}",
                        transient=True, attempts=attempt + 1,
                    ) from None  # fmt: skip
                wait = self.policy.backoff * 2**attempt
                time.sleep(min(max(wait, exc.retry_after or 0.0), MAX_CRAWL_DELAY_S))
        raise AssertionError("unreachable")

    def _once(self, url: str, headers: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        host = urlsplit(url).netloc
        try:
            with self.limiter.slot(host), self.client.stream("GET", url, headers=headers) as resp:
                got = {k.lower(): v for k, v in resp.headers.items()}
                status = resp.status_code
                if status >= 500:
                    raise _Retryable(f"http-{status}", f"server error {status}", _retry_after(got))
                if status >= 400:
                    raise FetchError(
                        url, f"http-{status}", f"HTTP {status} {resp.reason_phrase}", status=status
                    )
                if status >= 300:
                    return status, got, b""
                return status, got, self._read_capped(url, resp)
        except httpx.TimeoutException:
            raise _Retryable("timeout", f"no answer within {self.policy.timeout:g}s") from None
        except httpx.TransportError as exc:
            if isinstance(exc, httpx.UnsupportedProtocol):
                raise FetchError(url, "bad-url", f"cannot fetch this URL ({exc})") from None
            raise _Retryable("network", f"network error ({exc.__class__.__name__}: {exc})") from None

    def _read_capped(self, url: str, resp: httpx.Response) -> bytes:
        cap = self.policy.max_bytes
        declared = resp.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > cap:
            raise FetchError(
                url, "too-large", f"body of {int(declared):,} bytes is over the {cap:,}-byte cap"
            )
        deadline = time.monotonic() + 3 * self.policy.timeout
        chunks, size = [], 0
        for chunk in resp.iter_bytes():
            size += len(chunk)
            if size > cap:
                raise FetchError(url, "too-large", f"body is over the {cap:,}-byte cap")
            if time.monotonic() > deadline:
                raise _Retryable("timeout", f"body took over {3 * self.policy.timeout:g}s")
            chunks.append(chunk)
        return b"".join(chunks)

    # -- robots.txt ----------------------------------------------------------------------

    def _check_robots(self, url: str) -> None:
        parts = urlsplit(url)
        rules = self._robots_for(parts.scheme, parts.netloc)
        if rules is not None and not rules.can_fetch(url, ROBOTS_TOKEN):  # type: ignore[attr-defined]
            raise FetchError(url, "robots", "robots.txt disallows it for eventwire")

    def _robots_for(self, scheme: str, host: str) -> object | None:
        """The host's parsed robots.txt (None: everything allowed), fetched once a day."""
        with self._lock:
            lock = self._robots_locks.setdefault(host, threading.Lock())
        with lock:
            cached = self._robots.get(host)
            if cached and cached[0] > time.monotonic():
                if isinstance(cached[1], FetchError):
                    raise cached[1]
                return cached[1]
            try:
                rules = self._fetch_robots(f"{scheme}://{host}/robots.txt")
            except FetchError as err:  # asked again in a few minutes, not on every request
                self._robots[host] = (time.monotonic() + ROBOTS_RETRY_S, err)
                raise
            self._robots[host] = (time.monotonic() + ROBOTS_TTL_S, rules)
            return rules

    def _fetch_robots(self, url: str) -> object | None:
        """robots.txt, retried like any fetch; a 4xx means no rules, a 5xx or no answer "keep out"."""
        from protego import Protego

        host = urlsplit(url).netloc
        for attempt in range(self.policy.retries + 1):
            try:
                with self.limiter.slot(host):
                    resp = self.client.get(url, follow_redirects=True)
                if resp.status_code < 500:
                    break
                problem = f"robots.txt answered {resp.status_code}"
            except httpx.HTTPError as exc:
                problem = f"cannot read robots.txt ({exc.__class__.__name__}: {exc})"
            if attempt == self.policy.retries:
                # RFC 9309: an unreachable robots.txt means "assume complete disallow" for now.
                raise FetchError(url, "robots-unreachable", problem, transient=True, attempts=attempt + 1)
            time.sleep(self.policy.backoff * 2**attempt)
        if resp.status_code >= 400:
            return None  # no robots.txt: everything is allowed
        rules = Protego.parse(resp.content[:ROBOTS_MAX_BYTES].decode("utf-8", errors="replace"))
        delay = rules.crawl_delay(ROBOTS_TOKEN)
        if delay:
            self.limiter.set_delay(host, float(delay))
        return rules


def _retry_after(headers: dict[str, str]) -> float | None:
    value = headers.get("retry-after", "")
    return float(value) if value.isdigit() else None
