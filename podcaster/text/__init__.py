"""The text stage: read a post, split it into segments, and write the spoken script."""
