"""SQLAlchemy 2 storage: tables, engine set-up, repositories, the commit queue, migrations."""
