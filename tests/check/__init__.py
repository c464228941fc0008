"""Tests of podcaster check (podcaster/check/)."""
