"""The staff dashboard: a FastAPI adapter next to the chat channels. It reuses the services,
Actor and authorization exactly as chat does; only bot/ (the CLI and runtime) imports it."""
