"""A faster drop-in for spaCy's ``attribute_ruler`` that gives exactly the same annotations.

The English models' attribute ruler maps tags to POS and morphology with ~180
Matcher patterns; running spaCy's Matcher over every token cost as much as the
dependency parser. Every one of those patterns is a fixed sequence of one or two
tokens tested on ``TAG``, ``LOWER``, ``DEP`` or ``IS_SPACE`` (equality, ``IN``,
``NOT_IN``, ``REGEX``). Whether a token matches a pattern's first token depends
only on those four values, which repeat a lot, so the answer is computed once per
distinct combination and cached. Matched rules are applied to each token in rule
order (a later rule wins), with spaCy's own ``set_token_attrs``. Patterns of any
other kind (operators such as ``OP``, other attributes) go to a spaCy Matcher.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.pipeline import AttributeRuler
    from spacy.tokens import Doc

# The token attributes a compiled pattern may test, in the column order of the rows.
_ATTRS = ("TAG", "LOWER", "DEP", "IS_SPACE")
_CACHE_LIMIT = 500_000  # distinct (tag, lower, dep, is_space) rows kept
Row = tuple[int, ...]
TokenTest = Callable[[Row], bool]


class FastAttributeRuler:
    """Wraps a loaded ``AttributeRuler``; ``pipe`` annotates Docs as the original would."""

    name = "attribute_ruler"

    def __init__(self, ruler: AttributeRuler) -> None:
        from spacy.matcher import Matcher

        self.ruler = ruler
        self.strings = ruler.vocab.strings
        # (rule id, index of the target token, one test per token of the pattern)
        self.sequences: list[tuple[int, int, list[TokenTest]]] = []
        self.fallback = Matcher(ruler.vocab)
        # First tokens: equality/IN specs answered by table lookup, the others tested.
        self._tables: dict[tuple[int, ...], dict[Row, list[int]]] = defaultdict(dict)
        self._tested: list[int] = []
        entries: list[dict[str, Any]] = list(ruler.patterns)  # type: ignore[arg-type]
        for rule_id, entry in enumerate(entries):
            for pattern in entry["patterns"]:
                tests = [self._compile(spec) for spec in pattern]
                if not pattern or any(test is None for test in tests):
                    self.fallback.add(str(rule_id), [pattern])
                    continue
                self._index_first(len(self.sequences), pattern[0])
                self.sequences.append((rule_id, ruler.indices[rule_id], tests))  # type: ignore[arg-type]
        # row -> the rules of one-token sequences that match it, and the longer sequences
        # whose first token matches it (see _first_matches)
        self._first: dict[Row, tuple[tuple[int, ...], list[int]]] = {}
        self._merged: dict[tuple[int, ...], dict[Any, Any]] = {}

    def _index_first(self, sequence: int, spec: dict[str, Any]) -> None:
        columns: list[int] = []
        choices: list[list[int]] = []
        for name, value in sorted(spec.items()):
            options: list[str | bool]
            if isinstance(value, str | bool):
                options = [value]
            elif isinstance(value, dict) and list(value) == ["IN"]:
                options = list(value["IN"])
            else:
                self._tested.append(sequence)
                return
            columns.append(_ATTRS.index(name))
            choices.append([self._hash(v) for v in options])
        keys: list[Row] = [()]
        for hashes in choices:
            keys = [(*key, h) for key in keys for h in hashes]
        table = self._tables[tuple(columns)]
        for key in keys:
            table.setdefault(key, []).append(sequence)

    def __call__(self, doc: Doc) -> Doc:
        rows: list[Row] = [tuple(r) for r in doc.to_array(list(_ATTRS)).tolist()]
        own: list[tuple[int, ...]] = []  # each token's one-token rules (sorted rule ids)
        more: dict[int, list[int]] = defaultdict(list)  # token index -> rule ids of longer patterns
        for i, row in enumerate(rows):
            found = self._first.get(row)
            if found is None:
                found = self._first_matches(row)
            matched, starts = found
            own.append(matched)
            for s in starts:
                rule_id, index, tests = self.sequences[s]
                end = i + len(tests)
                if end > len(rows) or not all(t(rows[i + k]) for k, t in enumerate(tests[1:], 1)):
                    continue
                more[(i if index >= 0 else end) + index].append(rule_id)
        if len(self.fallback):
            for match_id, start, end in self.fallback(doc, allow_missing=True):
                rule_id = int(self.strings[match_id])
                more[doc[start:end][self.ruler.indices[rule_id]].i].append(rule_id)
        self._apply(doc, own, more)
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)

    def _first_matches(self, row: Row) -> tuple[tuple[int, ...], list[int]]:
        """The sequences whose first token matches ``row``, split once per distinct row: the
        rule ids of those of one token, which match here whatever the neighbours (most tokens
        match only such tag-to-POS rules: testing each sequence again per token cost a third
        of the component's time), and the indices of the longer ones, tested per token."""
        if len(self._first) >= _CACHE_LIMIT:
            self._first.clear()
        found: set[int] = set()
        for columns, table in self._tables.items():
            found.update(table.get(tuple([row[c] for c in columns]), ()))
        found.update(s for s in self._tested if self.sequences[s][2][0](row))
        starts = sorted(found)
        matched = tuple(sorted(self.sequences[s][0] for s in starts if len(self.sequences[s][2]) == 1))
        longer = [s for s in starts if len(self.sequences[s][2]) > 1]
        self._first[row] = (matched, longer)
        return matched, longer

    def _apply(self, doc: Doc, own: list[tuple[int, ...]], more: dict[int, list[int]]) -> None:
        """Each token gets its rules' attributes merged in rule order (a later rule wins):
        ``own[i]``, token ``i``'s one-token rules (sorted), and ``more[i]``, those of longer
        patterns that mark it. A token's attributes do not depend on another token's (the
        rules set POS, TAG, DEP, MORPH and LEMMA, none of them on the shared lexeme)."""
        from spacy.tokens._retokenize import set_token_attrs

        for i, matched in enumerate(own):
            extra = more.get(i)
            key = tuple(sorted(matched + tuple(extra))) if extra else matched
            if not key:
                continue
            merged = self._merged.get(key)
            if merged is None:
                merged = {}
                for rule_id in key:
                    merged.update(self.ruler.attrs[rule_id])
                self._merged[key] = merged
            set_token_attrs(doc[i], merged)

    def _compile(self, spec: dict[str, Any]) -> TokenTest | None:
        """A test of one token's row, or None if the spec needs spaCy's Matcher."""
        checks: list[TokenTest] = []
        for name, value in spec.items():
            if name not in _ATTRS:
                return None
            check = self._check(_ATTRS.index(name), value)
            if check is None:
                return None
            checks.append(check)
        return lambda row: all(check(row) for check in checks)

    def _check(self, column: int, value: Any) -> TokenTest | None:
        if isinstance(value, str | bool):
            wanted = self._hash(value)
            return lambda row: row[column] == wanted
        if not isinstance(value, dict) or len(value) != 1:
            return None
        ((op, arg),) = value.items()
        if op in ("IN", "NOT_IN") and isinstance(arg, list | tuple):
            members = frozenset(self._hash(v) for v in arg)
            if op == "IN":
                return lambda row: row[column] in members
            return lambda row: row[column] not in members
        if op == "REGEX" and isinstance(arg, str) and _ATTRS[column] != "IS_SPACE":
            search = re.compile(arg).search
            strings = self.strings
            return lambda row: search(strings[row[column]]) is not None
        return None

    def _hash(self, value: str | bool) -> int:
        if isinstance(value, bool):
            return int(value)
        return 0 if value == "" else int(self.strings.add(value))
