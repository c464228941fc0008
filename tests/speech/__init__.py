"""Tests of synthesis: engines, the clip cache, gTTS against a fake of Google (podcaster/speech/)."""
