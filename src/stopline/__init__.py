"""Stopline: self-hosted, provider-agnostic SMS opt-out and consent system."""

__version__ = "0.1.0"
