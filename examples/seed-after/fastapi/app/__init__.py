"""The FastAPI service's routes."""
