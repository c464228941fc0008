"""Tests of podcast.toml: options, defaults and the problems it reports (podcaster/config/)."""
