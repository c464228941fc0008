"""The assembler's parts: where cues play (``timeline``), what they sound like (``sources``),
how loud they are (``loudness``, ``limiter``) and how they are mixed and encoded (``mix``).
``podcaster.assemble.assemble_episode`` puts them together."""
