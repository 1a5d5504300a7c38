"""The readers' tools under /es/: headings, buttons and the texts their scripts read are in
Spanish, not English inside the Spanish layout."""

from __future__ import annotations

import pytest
from django.test import Client

from symptomdb.importers.topic_markdown import TopicDocument

pytestmark = pytest.mark.django_db


def page(client: Client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_spanish_safety_plan_shows_its_steps_and_buttons_in_spanish(
    client: Client, loaded_site: list[TopicDocument]
) -> None:
    html = page(client, "/es/tools/safety-plan/?country=MX")
    for spanish in [
        "Mi plan de seguridad",
        "Tu plan se queda en este dispositivo.",
        "Paso 1:",
        "Señales de alerta",
        "Hacer más seguro mi entorno",
        "Mis razones para vivir",
        "Borrar mi plan",
        "Sí, bórralo",
        "Línea de la Vida: llama al 800 911 2000",
        'data-t-saved="Guardado solo en este navegador."',
        '<option value="MX">México</option>',
    ]:
        assert spanish in html, spanish
    for english in ["Wipe my plan", "Warning signs", "Step 1:", "Saved in this browser only."]:
        assert english not in html, english


def test_spanish_coping_toolkit_shows_its_activities_and_buttons_in_spanish(
    client: Client, loaded_site: list[TopicDocument]
) -> None:
    html = page(client, "/es/tools/coping/")
    for spanish in [
        "Respiración lenta",
        "Espera y deja que pase el impulso",
        "Dame una idea",
        "Empezar a esperar",
        'data-say-in="Inspira"',
        "Salida rápida",
    ]:
        assert spanish in html, spanish
    for english in ["Breathing", "Breathe in", "Give me an idea", "Start waiting"]:
        assert english not in html, english
