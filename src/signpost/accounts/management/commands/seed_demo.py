"""Build the demo sector: organisations from the real directories, personas for every role."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from signpost.accounts.demo import DEMO_DOMAIN, DEMO_PASSWORD, PERSONAS, seed_demo


class Command(BaseCommand):
    help = "Create or refresh the demo data (deterministic; safe to run again)."

    def handle(self, *args: Any, **options: Any) -> None:
        counts = seed_demo()
        self.stdout.write(
            f"Demo data: {counts['organisations']} organisations, {counts['people']} demo people."
        )
        for persona in PERSONAS:
            self.stdout.write(
                f"  {persona.key}@{DEMO_DOMAIN} / {DEMO_PASSWORD}  ({', '.join(persona.roles)})"
            )
