"""Assembly: the clips and music of an episode → one loudness-normalised MP3 and its timeline.

``assemble.assemble_episode`` puts the parts together: where cues play (``timeline``), what
they sound like (``sources``), how loud they are (``loudness``, ``limiter``) and how they are
mixed and encoded (``mix``).
"""
