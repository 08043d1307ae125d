"""HTTP adapter: FastAPI application, routes, auth, error mapping."""
