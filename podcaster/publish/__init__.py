"""Publishing: an assembled episode → ID3 tags (``tag``), chapters, transcripts beside the MP3,
and the show's ``feed`` (with its ``feedext`` namespace) and web pages (``site``, ``templates/``).
"""
