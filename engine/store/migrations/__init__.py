"""The store's Alembic migrations, shipped with the package (`ai-assure store upgrade`)."""
