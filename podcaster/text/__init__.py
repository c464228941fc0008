"""The text stages: a post file → ``Post`` (``read``, ``readers``) → ``Segment``s (``segment``)
→ ``Cue``s to say and play (``script``), each sentence (``sentences``) made speakable (``normalize``).
"""
