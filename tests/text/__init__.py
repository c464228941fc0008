"""Tests of reading, segmenting, attributing and scripting posts (podcaster/text/)."""
