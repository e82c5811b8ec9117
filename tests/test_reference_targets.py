"""Permanent ids: every principle and Roadmap building block is a reference target on the site."""

from __future__ import annotations

import pytest
from conftest import BuiltSite
from sphinx.util.inventory import InventoryFile
from toolkit_ids import BUILDING_BLOCKS, PRINCIPLES


@pytest.fixture(scope="module")
def labels(built_site: BuiltSite) -> dict[str, str]:
    """std:label entries of the built site's inventory: label → page URI."""
    with (built_site.path / "objects.inv").open("rb") as stream:
        inventory = InventoryFile.load(stream, "", lambda base, uri: uri)
    return {name: item.uri if hasattr(item, "uri") else item[2] for name, item in inventory["std:label"].items()}


def test_there_are_22_principles_and_9_blocks() -> None:
    assert len(PRINCIPLES) + sum(len(v) for v in PRINCIPLES.values()) == 22
    assert len(BUILDING_BLOCKS) == len(set(BUILDING_BLOCKS)) == 9


@pytest.mark.parametrize("core", sorted(PRINCIPLES))
def test_core_principle_and_its_instrumental_principles_resolve_to_one_page(labels: dict[str, str], core: str) -> None:
    assert core in labels, f"no reference target '{core}'"
    page = labels[core].split("#")[0]
    for member in PRINCIPLES[core]:
        assert member in labels, f"no reference target '{member}'"
        assert labels[member].split("#")[0] == page, f"'{member}' is not on the page of '{core}'"


@pytest.mark.parametrize("block", BUILDING_BLOCKS)
def test_building_block_resolves_to_its_roadmap_page(labels: dict[str, str], block: str) -> None:
    assert labels[block].split("#")[0] == f"roadmap/{block}.html"
