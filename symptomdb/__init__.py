"""symptomdb: a self-hostable symptom database with attributed, safe answers."""

__version__ = "0.1.0"
