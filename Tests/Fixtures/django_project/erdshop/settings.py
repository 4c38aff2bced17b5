"""Settings for erdviz's Django test project: two apps and the Atlas provider, no database.

atlas-provider-django prints each model's DDL without connecting; the dialect's driver only has
to import. The in-memory SQLite entry keeps Django from creating a file.
"""
SECRET_KEY = "erdviz-test-project-not-a-secret"
DEBUG = False
USE_TZ = True
INSTALLED_APPS = ["atlas_provider_django", "catalog", "orders"]
DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
