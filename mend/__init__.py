"""Mend: rebuild trust together."""
