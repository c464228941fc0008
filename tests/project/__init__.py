"""Tests of the tool as a user meets it: the CLI, init, serve, README, release, whole builds, hostile input."""
