"""Both sides of the clip cache's rules that other tests leave on one side: a clip another
prune removes first."""

from __future__ import annotations

from pathlib import Path

from podcaster.speech.cache import ClipCache, PruneResult, clip_key

PCM = b"\x10\x00\xf0\xff" * 1200


def test_a_clip_another_prune_removes_first_counts_as_removed(tmp_path, monkeypatch):
    cache = ClipCache(tmp_path)
    keep = cache.put(clip_key("espeak", {}, "남는 문장"), PCM, 24000)
    gone = cache.put(clip_key("espeak", {}, "지워질 문장"), PCM, 24000)
    size = gone.stat().st_size
    real_unlink = Path.unlink

    def removed_by_another_prune(self, missing_ok=False):
        if self == gone:
            real_unlink(self)  # the other prune was quicker
        return real_unlink(self, missing_ok=missing_ok)

    monkeypatch.setattr(Path, "unlink", removed_by_another_prune)
    assert cache.prune({keep.stem}) == PruneResult(removed=1, freed=size, kept=1)
    assert keep.exists() and not gone.exists()
