"""WOMBAT Desktop: a personal networking assistant for word-of-mouth business."""

__version__ = "0.1.0"
