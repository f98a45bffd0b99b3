"""The manifest versions that load: version 1 is read as it was written and given to the
policies in version 2's form (engine/manifest/migrate.py), its new facts unanswered."""

API_VERSION = "ai-assure/v1"
API_VERSION_V2 = "ai-assure/v2"
API_VERSIONS = (API_VERSION, API_VERSION_V2)
