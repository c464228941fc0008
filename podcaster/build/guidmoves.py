"""An episode's ``<guid>`` comes from its post's date and slug (``layout.post_guid``), so
renaming a post's file, or changing its date, makes it another episode in every podcast app
(downloaded again, its play position lost). A build that stops publishing one episode and
starts publishing one of the same title or date warns, with the ``[episode_guids]`` line that
keeps the GUID it was published with."""

from __future__ import annotations

from typing import TYPE_CHECKING

from podcaster.publish.layout import post_guid, slug_guid

if TYPE_CHECKING:
    from podcaster.build.manifest import EpisodeRecord, Manifest
    from podcaster.config import Config
    from podcaster.model import Post


def moved_guids(config: Config, manifest: Manifest, posts: list[Post],
                kept: list[EpisodeRecord]) -> list[str]:
    """One message per published episode that ``posts`` seem to publish again under another
    slug or date, with another GUID. ``kept``: episodes published as they were."""
    published = {post.slug for post in posts} | {record.slug for record in kept}
    new = [post for post in posts if post.slug not in manifest.episodes]
    messages = []
    for slug, record in sorted(manifest.episodes.items()):
        if slug in published:
            continue
        title, date = record.post.get("title"), record.post.get("date")
        same = [post for post in new if post.title == title or post.date.isoformat() == date]
        if len(same) != 1 or not isinstance(date, str):
            continue
        post = same[0]
        old = slug_guid(config, date, slug)
        if post_guid(config, post) == old:
            continue
        where = post.path.relative_to(config.project_dir).as_posix() if post.path.is_relative_to(
            config.project_dir) else str(post.path)
        messages.append(
            f"{where}: published before as {slug!r} with the GUID {old}; as {post.slug!r} it "
            "gets another GUID and podcast apps take it for a new episode. To keep its GUID, "
            f'add under [episode_guids]: {post.slug} = "{old}"')
    return messages
