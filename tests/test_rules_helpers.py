"""The helpers behind the poller and URL rules: reading a poller list, splitting run-together
resources, and classifying URLs."""

from __future__ import annotations

import pytest

from celint.elements.profiles import profiles
from celint.rules.support import poller_urls, urls

RESOURCES = profiles()["quickbooks"].resources


@pytest.mark.parametrize(
    "value",
    ["", "bills", "bills|invoices", " bills , invoices ;customers ", "|bills||invoices|", "|||"],
)
def test_poller_list_rebuilds_the_original_text(value: str) -> None:
    assert poller_urls.parse(value, "|").text() == value


def test_poller_list_items_and_separators() -> None:
    found = poller_urls.parse("|bills||invoices, customers", "|")
    assert found.items == ("bills", "invoices", "customers")
    assert found.separators == ("||", ", ")
    assert found.foreign_separators() == [",", " "]
    assert found.empty_segments() == 2
    assert found.without_empty_segments() == "bills|invoices, customers"
    assert found.joined() == "bills|invoices|customers"
    assert found.without([0]) == "|invoices, customers"
    assert found.replaced([1], ["a", "b"]) == "|bills||a|b, customers"


def test_segment_unique_ambiguous_and_impossible() -> None:
    assert poller_urls.segment("paymentsbill-payments", RESOURCES).readings == (
        ("payments", "bill-payments"),
    )
    assert poller_urls.segment("BillsInvoices", RESOURCES).readings == (("bills", "invoices"),)
    ambiguous = poller_urls.segment("abc", ["ab", "c", "a", "bc"])
    assert not ambiguous.unique
    assert set(ambiguous.readings) == {("ab", "c"), ("a", "bc")}
    assert poller_urls.segment("bills", RESOURCES).readings == ()
    assert poller_urls.segment("billsx", RESOURCES).readings == ()


def test_segment_is_linear_on_long_input() -> None:
    token = "bills" * 20000
    found = poller_urls.segment(token, RESOURCES)
    assert found.unique and len(found.readings[0]) == 20000


@pytest.mark.parametrize(
    ("url", "fixed"),
    [
        ("https;//mycoolapp.com", "https://mycoolapp.com"),
        ("https:/mycoolapp.com/x", "https://mycoolapp.com/x"),
        ("https//mycoolapp.com", "https://mycoolapp.com"),
        ("http;//mycoolapp.com", "http://mycoolapp.com"),
        ("HTTP//mycoolapp.com", "http://mycoolapp.com"),
        ("https://mycoolapp.com", None),
        ("https:///mycoolapp.com", None),
        ("mycoolapp.com", None),
        ("https;mycoolapp.com", None),
    ],
)
def test_scheme_typo_fix(url: str, fixed: str | None) -> None:
    assert urls.scheme_typo_fix(url) == fixed


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("https://myapp.example.com/events", None),
        ("http://myapp.example.com:8443", None),
        ("", "it is empty"),
        ("https://my app.example.com", "it contains whitespace"),
        ("myapp.example.com", "it has no scheme (https://)"),
        ("mailto:me@example.com", "its scheme is 'mailto', not http or https"),
        ("https://", "it has no host"),
        ("https://myapp.example.com:99999/", "it cannot be parsed"),
        ("http://[::1", "it cannot be parsed"),
    ],
)
def test_malformed_reason(url: str, reason: str | None) -> None:
    found = urls.malformed_reason(url)
    assert found == reason or (
        reason is not None and found is not None and found.startswith(reason)
    )


@pytest.mark.parametrize(
    ("host", "reason"),
    [
        ("localhost", "a name that resolves only on your machine or network"),
        ("app.localhost", "a name that resolves only on your machine or network"),
        ("printer.local", "a name that resolves only on your machine or network"),
        ("127.0.0.1", "a loopback address"),
        ("::1", "a loopback address"),
        ("::ffff:127.0.0.1", "a loopback address"),
        ("192.168.1.10", "a private address"),
        ("172.16.0.1", "a private address"),
        ("169.254.169.254", "a link-local address"),
        ("0.0.0.0", "an unspecified address"),
        ("100.64.0.1", "an address that is not public"),
        ("93.184.216.34", None),
        ("myapp.example.com", None),
    ],
)
def test_not_public_reason(host: str, reason: str | None) -> None:
    assert urls.not_public_reason(host) == reason


def test_platform_hosts() -> None:
    assert urls.is_platform_host("api.cloud-elements.com")
    assert urls.is_platform_host("cloud-elements.com")
    assert urls.is_platform_host("api.cloud-elements.co.uk")
    assert not urls.is_platform_host("notcloud-elements.com")
    assert not urls.is_platform_host("cloud-elements.com.evil.example")
