"""Tests of podcaster import against local fake blogs (podcaster/importer/)."""
