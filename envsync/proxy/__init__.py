"""Adapters for the reverse proxy a blue-green deploy switches (one per proxy)."""
