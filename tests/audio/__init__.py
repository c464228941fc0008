"""Tests of the audio stage: assembly, mixing, loudness, LAME tag (podcaster/audio/)."""
