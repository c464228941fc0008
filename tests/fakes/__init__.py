"""Local fakes of real protocols: Google's TTS endpoint and a blog's web server."""
