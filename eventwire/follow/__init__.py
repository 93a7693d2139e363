"""Following feeds: polite fetching, feed state in the store, the watch loop (docs/feeds.md)."""
