"""Finding help by place: haversine distances, radius, filters, and the /help/find/ page."""

from __future__ import annotations

import re

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


def names_in(html: str, section_id: str) -> list[str]:
    section = html.split(f'id="{section_id}"', 1)[1].split("</section>", 1)[0]
    return re.findall(r"<h3>(.*?)</h3>", section)


def test_zip_search_lists_providers_by_distance_with_the_distance_shown(
    client: Client, directory: None
) -> None:
    html = client.get("/help/find/", {"zip": "10001", "radius": "5"}).content.decode()
    assert names_in(html, "nearby-heading") == [
        "Example Community Counselling (sample)",
        "Example Teen Therapy Practice (sample)",
        "Example DBT Skills Programme (sample)",
    ]
    assert "0.2 miles away" in html and "1.9 miles away" in html and "3.9 miles away" in html
    assert "Sample data — not a real provider" in html
    online = names_in(html, "online-heading")
    assert "988 Suicide &amp; Crisis Lifeline" in online
    assert "Example Online Therapy Service (sample)" in online


def test_radius_unit_and_filters_narrow_the_results(client: Client, directory: None) -> None:
    html = client.get("/help/find/", {"zip": "10001", "radius": "3"}).content.decode()
    assert len(names_in(html, "nearby-heading")) == 2  # Brooklyn is 3.9 miles away
    html = client.get("/help/find/", {"zip": "10001", "radius": "5", "unit": "km"}).content.decode()
    assert "2.98" not in html and "3.0 km away" in html
    html = client.get("/help/find/", {"zip": "10001", "specialty": "dbt"}).content.decode()
    assert names_in(html, "nearby-heading") == ["Example DBT Skills Programme (sample)"]
    assert "DBT-Linehan Board of Certification" in html
    html = client.get("/help/find/", {"zip": "90012", "language": "ko"}).content.decode()
    assert names_in(html, "nearby-heading") == ["Example Trauma Recovery Centre (sample)"]


def test_coordinates_work_like_a_zip_code(client: Client, directory: None) -> None:
    html = client.get("/help/find/", {"lat": "41.8858", "lon": "-87.6229"}).content.decode()
    assert names_in(html, "nearby-heading") == ["Example Eating Disorders Clinic (sample)"]


def test_unknown_zip_and_bad_radius_are_shown_next_to_their_fields(
    client: Client, directory: None
) -> None:
    response = client.get("/help/find/", {"zip": "00000", "radius": "-3"})
    assert response.status_code == 400
    html = response.content.decode()
    assert re.search(r'id="id_zip_error">[^<]*not a US ZIP code we know', html)
    assert re.search(r'id="id_radius_error">[^<]*greater than or equal to 0.1', html)
    assert re.search(
        r'<input[^>]*name="zip"[^>]*aria-describedby="id_zip_helptext id_zip_error"', html
    )


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
