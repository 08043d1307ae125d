"""The pure core: no framework, database, network or environment access in this package."""
