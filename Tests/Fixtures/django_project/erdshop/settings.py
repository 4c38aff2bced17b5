"""Settings for erdviz's Django test project: Django's own apps (admin, auth, contenttypes,
sessions), two apps of the project and the Atlas provider, no database.

atlas-provider-django prints each model's DDL without connecting; the dialect's driver only has
to import. The in-memory SQLite entry keeps Django from creating a file. The admin's system
checks want messages, a template engine and the middleware below, as a real project has them.
"""
SECRET_KEY = "erdviz-test-project-not-a-secret"
DEBUG = False
USE_TZ = True
INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "atlas_provider_django",
    "catalog",
    "orders",
]
MIDDLEWARE = [
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
]
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ]
        },
    }
]
DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
