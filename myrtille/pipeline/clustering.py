"""Story clusters: near-duplicate documents (same story, other site or wording) grouped
with MinHash signatures over word shingles and an LSH index."""

from __future__ import annotations

import re
from collections.abc import Iterable

import numpy as np
from datasketch import MinHash, MinHashLSH

from myrtille.config.settings import DedupSettings
from myrtille.pipeline.normalise import normalise_text

_WORD = re.compile(r"\w+", re.UNICODE)
# Below this many shingles a signature says little; such documents stay alone.
MIN_SHINGLES = 8
# Signatures are stored; the hashing scheme is fixed so that old ones stay comparable.
SCHEME = "affine32"
CANDIDATE_RATIO = 0.7


def shingles(text: str, size: int) -> set[str]:
    words = _WORD.findall(normalise_text(text))
    if len(words) < size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}


class StoryIndex:
    """In-memory LSH over recent documents' signatures, mapping each to its cluster."""

    def __init__(self, settings: DedupSettings) -> None:
        self.settings = settings
        # LSH is probabilistic: band for a lower threshold so that few true pairs are missed,
        # then keep only candidates whose estimated similarity reaches the real threshold.
        self._lsh = MinHashLSH(
            threshold=settings.threshold * CANDIDATE_RATIO, num_perm=settings.num_perm
        )
        self._signatures: dict[str, MinHash] = {}
        # The permutations depend only on num_perm and the seed: drawn once, shared by every
        # signature (drawing them per signature cost more than hashing a page's shingles).
        self._permutations = MinHash(num_perm=settings.num_perm, scheme=SCHEME).permutations
        self._clusters: dict[str, str] = {}

    def signature(self, title: str, text: str) -> MinHash | None:
        grams = shingles(f"{title}\n{text}", self.settings.shingle_words)
        if len(grams) < MIN_SHINGLES:
            return None
        signature = MinHash(
            num_perm=self.settings.num_perm, scheme=SCHEME, permutations=self._permutations
        )
        signature.update_batch([g.encode("utf-8") for g in grams])
        return signature

    def encode(self, signature: MinHash) -> bytes:
        return np.asarray(signature.hashvalues, dtype="<u8").tobytes()

    def decode(self, blob: bytes) -> MinHash | None:
        values = np.frombuffer(blob, dtype="<u8")
        if len(values) != self.settings.num_perm:
            return None  # signature made with other settings: ignore rather than mis-match
        return MinHash(
            num_perm=self.settings.num_perm,
            hashvalues=values.astype(np.uint64),
            scheme=SCHEME,
            permutations=self._permutations,
        )

    def load(self, rows: Iterable[tuple[str, str, bytes | None]]) -> None:
        """Add (document id, cluster id, encoded signature) rows from the database."""
        for doc_id, cluster_id, blob in rows:
            signature = self.decode(blob) if blob else None
            if signature is not None:
                self.add(doc_id, cluster_id, signature)

    def cluster_for(self, signature: MinHash) -> str | None:
        """The cluster of the most similar known document above the threshold, if any."""
        best: tuple[float, str] | None = None
        for doc_id in self._lsh.query(signature):
            similarity = signature.jaccard(self._signatures[doc_id])
            if similarity >= self.settings.threshold and (best is None or similarity > best[0]):
                best = (similarity, doc_id)
        return self._clusters[best[1]] if best else None

    def add(self, doc_id: str, cluster_id: str, signature: MinHash) -> None:
        if doc_id in self._signatures:
            return
        self._lsh.insert(doc_id, signature)
        self._signatures[doc_id] = signature
        self._clusters[doc_id] = cluster_id

    def __len__(self) -> int:
        return len(self._signatures)
