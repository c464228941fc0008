"""The build: a project's posts → its episodes, feed and pages in ``public/``, redoing only
what changed. ``run`` drives three phases, one module each: ``plan``, ``produce``, ``commit``.

Around them: ``manifest`` (what is published, and the encoded audio kept in the cache),
``lock`` (one build at a time) and ``progress`` (what the command line shows).
"""

from podcaster.build.run import BuildResult, Failure, Progress, build_project

__all__ = ["BuildResult", "Failure", "Progress", "build_project"]
