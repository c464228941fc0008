"""Tests of the build's phases: plan, produce, commit, manifest, incremental builds, faults (podcaster/build/)."""
