"""Build the demo sector: organisations from the real directories, personas for every role."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from signpost.accounts.demo import DEMO_DOMAIN, DEMO_PASSWORD, PERSONAS, seed_demo
from signpost.accounts.models import Organisation


class Command(BaseCommand):
    help = "Create or refresh the demo data (deterministic; safe to run again)."

    def handle(self, *args: Any, **options: Any) -> None:
        # Imported here: accounts sits below the catalogue, so only this command reaches up to it.
        from signpost.catalogue.demo import seed_catalogue_demo

        counts = seed_demo()
        catalogue = seed_catalogue_demo()
        # Counted after the catalogue demo, which adds its own providers.
        self.stdout.write(
            f"Demo data: {Organisation.objects.count()} organisations, {counts['people']} demo people."
        )
        self.stdout.write(
            f"Demo catalogue: {catalogue['opportunities']} opportunities from {catalogue['providers']} "
            f"providers, {catalogue['upcoming']} upcoming dates ({catalogue['created']} new, "
            f"{catalogue['updated']} updated, {catalogue['unchanged']} unchanged)."
        )
        for persona in PERSONAS:
            self.stdout.write(
                f"  {persona.key}@{DEMO_DOMAIN} / {DEMO_PASSWORD}  ({', '.join(persona.roles)})"
            )
