"""Finding help by place: haversine distances, towns and ZIP codes, radius, filters, sample
providers only on a demonstration site, and the /help/find/ page."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.core.management import call_command
from django.test import Client

from symptomdb.helpfinder.finder import finder_url_for_topic
from symptomdb.helpfinder.geo import Place, haversine_km, lookup_us_zip, within_radius
from symptomdb.helpfinder.importing import SHIPPED_FILES


def test_haversine_matches_a_hand_computed_distance_between_two_zip_centroids() -> None:
    # ZIP 10001 (40.7484, -73.9967) to ZIP 90210 (34.0901, -118.4065): by the spherical law
    # of cosines with R = 6371.0088 km, worked by hand: 3948.2 km (2453.3 miles).
    new_york, beverly_hills = lookup_us_zip("10001"), lookup_us_zip("90210")
    assert new_york == Place(40.7484, -73.9967, "ZIP 10001 (New York, NY)")
    assert beverly_hills is not None and beverly_hills.latitude == 34.0901
    km = haversine_km(new_york.latitude, new_york.longitude, 34.0901, -118.4065)
    assert km == pytest.approx(3948.2, abs=0.1)
    assert km / 1.609344 == pytest.approx(2453.3, abs=0.1)


def test_unknown_zip_codes_resolve_to_nothing() -> None:
    assert lookup_us_zip("00000") is None
    assert lookup_us_zip("1234") is None
    assert lookup_us_zip("abcde") is None


def test_within_radius_keeps_the_near_ones_nearest_first() -> None:
    origin = Place(40.7484, -73.9967, "ZIP 10001")
    points = {
        "brooklyn": (40.6930, -73.9883),
        "hoboken": (40.7455, -74.0319),
        "la": (34.09, -118.4),
    }
    found = within_radius(origin, points, 10.0, points.get)
    # Hand-computed as above: Hoboken 2.98 km, Brooklyn 6.20 km.
    assert [name for _, name in found] == ["hoboken", "brooklyn"]
    assert [round(km, 2) for km, _ in found] == [2.98, 6.20]


@pytest.fixture
def directory(db: None) -> None:
    for path in SHIPPED_FILES:
        call_command("import_providers", str(path))


@pytest.fixture
def demo_data(settings: Any) -> None:
    settings.SYMPTOMDB_DEMO_DATA = True


def names_in(html: str, section_id: str) -> list[str]:
    section = html.split(f'id="{section_id}"', 1)[1].split("</section>", 1)[0]
    return re.findall(r"<h3>(.*?)</h3>", section)


def samples_near(html: str) -> list[str]:
    """The sample providers listed with a distance (those with an address), nearest first."""
    section = html.split('id="samples-heading"', 1)[1].split("</section>", 1)[0]
    found = re.findall(r'<h3>(.*?)</h3>.*?<p class="provider-meta">(.*?)</p>', section, re.S)
    return [name for name, meta in found if "away" in meta]


def test_without_demo_data_no_sample_provider_is_shown(client: Client, directory: None) -> None:
    for query in ({}, {"where": "10001", "radius": "5"}, {"where": "10001", "specialty": "dbt"}):
        html = client.get("/help/find/", query).content.decode()
        assert "(sample)" not in html and "Sample data" not in html, query
        assert "samples-heading" not in html
        assert names_in(html, "online-heading")  # the real national services
    html = client.get("/help/find/", {"where": "10001", "radius": "5"}).content.decode()
    assert names_in(html, "nearby-heading") == []
    assert "Nothing in the directory matches within that distance" in html


def test_with_demo_data_samples_are_labelled_and_listed_after_real_services(
    client: Client, directory: None, demo_data: None
) -> None:
    html = client.get("/help/find/", {"where": "10001", "radius": "5"}).content.decode()
    assert names_in(html, "samples-heading") == [
        "Example Community Counselling (sample)",
        "Example Teen Therapy Practice (sample)",
        "Example DBT Skills Programme (sample)",
        "Example Online Therapy Service (sample)",
    ]
    assert "0.2 miles away" in html and "1.9 miles away" in html and "3.9 miles away" in html
    assert html.count("Sample data — not a real provider") == 4
    online = names_in(html, "online-heading")
    assert "988 Suicide &amp; Crisis Lifeline" in online
    assert not [name for name in online if "(sample)" in name]
    # Every real service comes before the first sample.
    first_sample = html.index("(sample)</h3>")
    assert html.rindex("988 Suicide &amp; Crisis Lifeline</h3>") < first_sample


def test_a_town_name_works_like_a_zip_code(
    client: Client, directory: None, demo_data: None
) -> None:
    for where in ("Chicago, IL", "chicago illinois", "60601"):
        html = client.get("/help/find/", {"where": where, "radius": "10"}).content.decode()
        assert samples_near(html)[0] == "Example Eating Disorders Clinic (sample)"
    html = client.get("/help/find/", {"where": "Chicago, IL"}).content.decode()
    assert "Near Chicago, IL" in html


def test_a_town_in_several_states_asks_which(client: Client, directory: None) -> None:
    response = client.get("/help/find/", {"where": "Springfield"})
    assert response.status_code == 400
    html = response.content.decode()
    assert re.search(
        r'id="id_where_error">Springfield is in several states \([A-Z, ]+\): add', html
    )


def test_radius_unit_and_filters_narrow_the_results(
    client: Client, directory: None, demo_data: None
) -> None:
    html = client.get("/help/find/", {"where": "10001", "radius": "3"}).content.decode()
    assert len(samples_near(html)) == 2  # Brooklyn is 3.9 miles away
    html = client.get(
        "/help/find/", {"where": "10001", "radius": "5", "unit": "km"}
    ).content.decode()
    assert "2.98" not in html and "3.0 km away" in html
    html = client.get("/help/find/", {"where": "10001", "specialty": "dbt"}).content.decode()
    assert samples_near(html) == ["Example DBT Skills Programme (sample)"]
    assert "DBT-Linehan Board of Certification" in html
    html = client.get("/help/find/", {"where": "90012", "language": "ko"}).content.decode()
    assert samples_near(html) == ["Example Trauma Recovery Centre (sample)"]


def test_coordinates_are_an_advanced_option_and_work_like_a_place(
    client: Client, directory: None, demo_data: None
) -> None:
    blank = client.get("/help/find/").content.decode()
    assert re.search(r'<details class="advanced">\s*<summary>Advanced: search from latitude', blank)
    html = client.get("/help/find/", {"lat": "41.8858", "lon": "-87.6229"}).content.decode()
    assert '<details class="advanced" open>' in html
    assert samples_near(html) == ["Example Eating Disorders Clinic (sample)"]


def test_a_link_with_the_old_zip_parameter_still_searches(
    client: Client, directory: None, demo_data: None
) -> None:
    html = client.get("/help/find/", {"zip": "10001", "radius": "1"}).content.decode()
    assert samples_near(html) == ["Example Community Counselling (sample)"]


def test_unknown_place_and_bad_radius_are_shown_next_to_their_fields(
    client: Client, directory: None
) -> None:
    response = client.get("/help/find/", {"where": "00000", "radius": "-3"})
    assert response.status_code == 400
    html = response.content.decode()
    assert re.search(r'id="id_where_error">[^<]*not a US town or ZIP code we know', html)
    assert re.search(r'id="id_radius_error">[^<]*greater than or equal to 0.1', html)
    assert re.search(
        r'<input[^>]*name="where"[^>]*aria-describedby="id_where_helptext id_where_error"', html
    )


@pytest.mark.parametrize(
    ("path", "label", "help_text"),
    [
        (
            "/help/find/",
            "Town, city or ZIP code",
            "The directory covers the United States: a town and state, like Austin, TX, or a "
            "ZIP code, like 10001.",
        ),
        (
            "/es/help/find/",
            "Ciudad, pueblo o código postal",
            "El directorio abarca Estados Unidos: escribe una ciudad o un pueblo con su estado, "
            "como Austin, TX, o un código postal (ZIP) de allí, como 10001.",
        ),
    ],
)
def test_the_place_field_tells_readers_anywhere_that_the_directory_is_for_the_us(
    client: Client, directory: None, path: str, label: str, help_text: str
) -> None:
    # A reader in Spain or the UK reads, before typing a postcode of their own, that the
    # directory lists places in the United States.
    html = client.get(path, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert re.search(rf'<label for="id_where">{re.escape(label)}</label>', html)
    assert f'<span class="muted" id="id_where_helptext">{help_text}</span>' in html
    assert "EE. UU., p. ej." not in html and "In the US, e.g." not in html


def test_half_a_coordinate_pair_is_an_error_on_the_missing_field(
    client: Client, directory: None
) -> None:
    html = client.get("/help/find/", {"lat": "40.7"}).content.decode()
    assert re.search(r'id="id_lon_error">Give both latitude and longitude', html)


def test_topics_link_to_the_finder_filtered_by_their_specialty() -> None:
    assert finder_url_for_topic("self-injury", "mental-health") == "/help/find/?specialty=self-harm"
    assert finder_url_for_topic("eating-disorders", "mental-health") == (
        "/help/find/?specialty=eating-disorders"
    )
    assert finder_url_for_topic("some-new-topic", "behaviour") == "/help/find/"
    assert finder_url_for_topic("aspirin", "drug") is None


@pytest.mark.django_db
def test_topic_page_context_has_the_finder_link(client: Client, loaded_site: object) -> None:
    response = client.get("/topics/self-injury/")
    assert response.context["finder_url"] == "/help/find/?specialty=self-harm"
