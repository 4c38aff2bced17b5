#!/usr/bin/env python
"""The Django test project's command-line utility (runs atlas-provider-django for the tests)."""
import os
import sys

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "erdshop.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
