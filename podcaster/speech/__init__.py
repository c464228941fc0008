"""Synthesis: the script's sentences → audio clips, one per sentence (``synthesize``), spoken by
an engine (``engines``) and kept in the content-addressed clip cache (``cache``).
"""
