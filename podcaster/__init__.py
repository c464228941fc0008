"""podcaster: turn a Korean blog into a podcast."""

__version__ = "0.1.0"
