"""Tests of the published files: feed, tags, chapters, transcripts, pages (podcaster/publish/)."""
