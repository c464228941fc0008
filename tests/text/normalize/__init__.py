"""Tests of the normaliser: how each token is read aloud (podcaster/text/normalize/)."""
