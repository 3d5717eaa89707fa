"""The related-case graph: its layout on plain data, and on the case and related pages.

The layout tests build ``CaseGraph``s by hand (no database); the page tests read the Clearview
docket, a generated MDL of 300 members and hostile names through the real pages.
"""

from __future__ import annotations

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.html import escape

from cases import selectors, services
from cases.graph.component import MEMBER_LABELS, build
from cases.graph.layout import GAP, NARROW, WIDE, lay_out
from cases.graph.measure import text_width
from cases.graph.parts import COLLAPSE_OVER, CaseGraph, GraphCase, GraphLink, lane_of
from cases.graph.routes import LABEL_SIZE, _at, route
from cases.models import Case, CaseLink, LinkKind
from cases.selectors.graph import NODE_LIMIT
from tests import factories
from tests.html_checks import PAYLOADS, assert_only_escaped

D = datetime.date
ALAMEDA = "/cases/renderos-v-clearview-alameda/"
FIGURE = re.compile(r'<figure class="related-graph">.*?</figure>', re.S)


def clearview() -> CaseGraph:
    """The Renderos component of the Clearview docket, as the selector reads it."""
    renderos, mdl_name = (
        "Renderos v. Clearview AI",
        "In re Clearview AI Consumer Privacy Litigation",
    )
    district = "federal_district"
    cases = (
        GraphCase(1, "alameda", "Alameda Cnty. Super. Ct.", "RG21096898", renderos, "state_trial",
                  D(2021, 3, 9)),
        GraphCase(2, "ndcal", "N.D. Cal.", "4:21-cv-04572", renderos, district, D(2021, 6, 14)),
        GraphCase(3, "ndill", "N.D. Ill.", "1:21-cv-05286", renderos, district, D(2021, 10, 5)),
        GraphCase(4, "calctapp", "Cal. Ct. App. 1st Dist.", "A167179", renderos,
                  "state_appellate"),
        GraphCase(5, "mdl", "N.D. Ill.", "1:21-cv-00135", mdl_name, "mdl", members=2,
                  consolidated=1),
        GraphCase(6, "mutnick", "N.D. Ill.", "1:20-cv-00512", "Mutnick v. Clearview AI", district,
                  D(2020, 1, 22)),
        GraphCase(7, "jpml", "J.P.M.L.", "MDL No. 2967", "In re Clearview AI", "mdl"),
        GraphCase(8, "aclu", "Cook Cnty. Cir. Ct.", "2020-CH-04353", "ACLU v. Clearview AI",
                  "state_trial", D(2020, 5, 28)),
    )  # fmt: skip
    links = (
        GraphLink(1, 2, "removed_to", "removed to", D(2021, 6, 14)),
        GraphLink(2, 5, "transferred_into_mdl", "transferred into MDL", D(2021, 10, 5)),
        GraphLink(2, 3, "transferred_to", "transferred to", D(2021, 10, 5)),
        GraphLink(3, 1, "remanded_to", "remanded to", D(2022, 3, 23)),
        GraphLink(4, 1, "appeal_from", "appeal from"),
        GraphLink(6, 5, "consolidated_into", "consolidated into"),
        GraphLink(7, 5, "transferred_to", "transferred to", D(2020, 12, 15)),
        GraphLink(8, 5, "related", "related to"),
    )
    return CaseGraph(1, cases, links)


def test_an_mdl_docket_and_the_jpml_share_the_lane_between_districts_and_appeals() -> None:
    assert lane_of("federal_district", "mdl") == "mdl"
    assert lane_of("jpml", "mdl") == lane_of("jpml", "civil") == "mdl"
    assert lane_of("federal_district", "class_action") == "federal_district"
    assert lane_of("state_supreme", "appeal") == "state_supreme"
    assert {kind: str(LinkKind(kind).label) for kind in MEMBER_LABELS} == MEMBER_LABELS


def test_lanes_top_to_bottom_only_those_used_boxes_in_filing_order() -> None:
    drawing = lay_out(build(clearview()), WIDE)
    assert [band.name for band in drawing.bands] == [
        "State trial courts",
        "State appellate courts",
        "Federal district courts",
        "JPML and MDL dockets",
    ]
    assert [band.y for band in drawing.bands] == sorted(band.y for band in drawing.bands)
    lanes: dict[str, list] = {}
    for box in drawing.boxes:
        lanes.setdefault(box.node.lane, []).append(box)
    # Left to right by filing date, the undated after: Mutnick 2020, N.D. Cal., N.D. Ill. 2021.
    assert [box.node.docket_number for box in lanes["federal_district"]] == [
        "1:20-cv-00512",
        "4:21-cv-04572",
        "1:21-cv-05286",
    ]
    assert [box.x for box in lanes["state_trial"]] == sorted(box.x for box in lanes["state_trial"])
    assert [box.node.name for box in lanes["state_trial"]][0] == "ACLU v. Clearview AI"
    current = [box for box in drawing.boxes if box.node.current]
    assert [box.node.key for box in current] == ["c1"]
    # Each box inside its lane's band, and the drawing as wide as its widest lane.
    for box in drawing.boxes:
        band = next(band for band in drawing.bands if band.key == box.node.lane)
        assert band.y < box.y and box.y + box.h <= band.y + band.h
        assert box.x + box.w <= drawing.width
    assert drawing.width == 2 * 10 + 3 * WIDE.box_w + 2 * WIDE.col_gap


def test_a_narrow_layout_wraps_a_lane_into_rows() -> None:
    drawing = lay_out(build(clearview()), NARROW)
    district = [box for box in drawing.boxes if box.node.lane == "federal_district"]
    assert len({box.row for box in district}) == 2
    assert drawing.width <= 360  # a phone's width, less the page's padding


def test_labels_sit_in_the_gaps_apart_and_arrows_end_on_the_boxes() -> None:
    for metrics in (WIDE, NARROW):
        drawing = lay_out(build(clearview()), metrics)
        curves, height = route(drawing, build(clearview()).edges)
        assert len(curves) == 8 and height <= drawing.height
        boxes = {box.node.key: box for box in drawing.boxes}
        placed = []
        for curve in curves:
            gap = next(g for g in drawing.gaps if g[0] <= curve.label_y <= g[0] + GAP)
            half = text_width(curve.label, LABEL_SIZE) / 2
            placed.append((gap, curve.label_y, curve.label_x - half, curve.label_x + half))
            assert curve.label_x - half >= 0 and curve.label_x + half <= drawing.width
            target = boxes[curve.edge.target]
            x, y = curve.path[-1][6], curve.path[-1][7]
            assert target.x <= x <= target.x + target.w and y in (target.y, target.y + target.h)
        for n, (_, y, left, right) in enumerate(placed):
            for _, other_y, other_left, other_right in placed[n + 1 :]:
                assert y != other_y or right <= other_left or other_right <= left
    labels = {curve.label for curve in route(*_wide())[0]}
    assert "removed to · 14 Jun 2021" in labels and "appeal from" in labels


def test_arrows_pass_no_box_but_their_own() -> None:
    component = build(clearview())
    for metrics in (WIDE, NARROW):
        drawing = lay_out(component, metrics)
        for curve in route(drawing, component.edges)[0]:
            ends = {curve.edge.source, curve.edge.target}
            for cubic in curve.path:
                for step in range(21):
                    x, y = (_at(cubic, step / 20, axis) for axis in (0, 1))
                    inside = [
                        box.node.key
                        for box in drawing.boxes
                        if box.x < x < box.x + box.w and box.y < y < box.y + box.h
                    ]
                    assert set(inside) <= ends, (curve.edge, inside)


def _wide():
    component = build(clearview())
    return lay_out(component, WIDE), component.edges


def test_the_members_of_a_big_mdl_are_one_box() -> None:
    hub = GraphCase(10, "big", "N.D. Ill.", "1:21-cv-1", "In re Big", "mdl", members=300,
                    first_member=D(2021, 1, 4), last_member=D(2023, 2, 1))  # fmt: skip
    jpml = GraphCase(11, "jpml", "J.P.M.L.", "MDL No. 1", "In re Big", "mdl")
    link = GraphLink(11, 10, "transferred_to", "transferred to")
    component = build(CaseGraph(10, (hub, jpml), (link,)))
    box = next(node for node in component.nodes if node.members)
    assert (box.members, box.docket_number, box.lane) == (
        300,
        "300 member cases",
        "federal_district",
    )
    assert box.slug == "big" and "related cases page" in box.title
    edge = next(edge for edge in component.edges if edge.source == box.key)
    assert (edge.target, edge.label) == ("c10", "transferred into MDL · 2021–2023")

    member = GraphCase(12, "m", "D. Mass.", "1:21-cv-9", "A member", "federal_district")
    own = GraphLink(12, 10, "transferred_into_mdl", "transferred into MDL", D(2021, 2, 1))
    component = build(CaseGraph(12, (hub, member), (own,)))
    assert "299 other member cases" in [node.docket_number for node in component.nodes]
    small = GraphCase(10, "small", "N.D. Ill.", "1:21-cv-1", "In re Small", "mdl", members=6)
    assert not any(node.members for node in build(CaseGraph(12, (small, member), (own,))).nodes)


def test_long_names_are_cut_to_fit_with_the_whole_name_in_the_title() -> None:
    name = "In re Very Long Caption of a Consolidated Consumer Privacy Litigation Docket"
    case = GraphCase(1, "a", "U.S. District Court for the District of Columbia", "1:22-cv-1",
                     name, "federal_district")  # fmt: skip
    other = GraphCase(2, "b", "D.D.C.", "1:22-cv-2", "Other", "federal_district")
    component = build(CaseGraph(1, (case, other), (GraphLink(1, 2, "related", "related to"),)))
    box = lay_out(component, WIDE).boxes[0]
    assert box.lines[2].endswith("…") and name.startswith(box.lines[2][:-1])
    assert box.lines[0].endswith("…")
    assert text_width(box.lines[2], 12) <= box.w - 16
    assert name in box.node.title


def figure_of(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    found = FIGURE.findall(response.content.decode())
    assert len(found) == 1, url
    return found[0]


@pytest.mark.django_db
def test_the_case_page_draws_the_clearview_component(client, seeded) -> None:
    figure = figure_of(client, ALAMEDA)
    wide = figure.split('class="graph graph-wide"')[1].split("</svg>")[0]
    assert 'role="img"' in figure and "aria-labelledby" in figure
    slugs = set(re.findall(r'<a href="/cases/([^/"]+)/"', wide))
    assert slugs == {
        "renderos-v-clearview-alameda",
        "renderos-v-clearview-ndcal",
        "renderos-v-clearview-ndill",
        "renderos-v-clearview-calctapp",
        "in-re-clearview-mdl",
        "in-re-clearview-jpml",
        "mutnick-v-clearview-ndill",
        "aclu-v-clearview-cook",
    }
    assert "thornley" not in figure  # another component
    assert wide.count("<path d=") == 1 + 8  # the marker's arrowhead, and a curve per link
    assert wide.count('class="graph-case current"') == 1
    assert "removed to · 14 Jun 2021" in wide and "transferred into MDL · 5 Oct 2021" in wide
    for lane in ("State trial courts", "State appellate courts", "JPML and MDL dockets"):
        assert lane in wide
    assert "Federal courts of appeals" not in wide
    # The links among the other cases, listed with their cases linked.
    others = figure.split('class="plain graph-others"')[1]
    assert '<a href="/cases/mutnick-v-clearview-ndill/">N.D. Ill. 1:20-cv-00512</a>' in others
    assert "<strong>consolidated into</strong>" in others
    assert "RG21096898" not in others  # the case's own links are the list below


@pytest.mark.django_db
def test_the_related_page_draws_it_too_and_an_unlinked_case_draws_nothing(client, seeded):
    figure = figure_of(client, "/cases/in-re-clearview-mdl/related/")
    assert "Related-case graph of In re Clearview AI Consumer Privacy Litigation" in figure
    lonely = factories.case(short_name="Alone v. Nobody")
    page = client.get(lonely.get_absolute_url()).content.decode()
    assert "related-graph" not in page and "No related cases recorded." in page
    page = client.get(f"{lonely.get_absolute_url()}related/").content.decode()
    assert "related-graph" not in page and "No related cases recorded." in page


def many_cases(n: int, tag: str, court_=None) -> list[Case]:
    """Create ``n`` plain cases in one statement (a 300-member MDL through the services would
    take most of a minute; these rows carry no rule the graph reads)."""
    court_ = court_ or factories.court()
    return Case.objects.bulk_create(
        Case(
            caption=f"{tag} {n} v. Defendant",
            short_name=f"{tag} {i:03d}",
            slug=f"{tag.lower()}-{i}",
            docket_number=f"1:98-cv-{i:05d}",
            court=court_,
            filed_date=D(2020, 1, 1) + datetime.timedelta(i),
        )
        for i in range(n)
    )


def big_mdl(size: int) -> Case:
    """An MDL docket, centralised by the JPML, with ``size`` member cases, each removed from a
    state court first."""
    mdl = factories.case(short_name=f"In re MDL of {size}", case_type="mdl")
    jpml = factories.case(factories.court(level="jpml"), short_name=f"JPML {size}")
    services.case_link_create(from_case=jpml, to_case=mdl, kind="transferred_to")
    members = many_cases(size, f"Member{size}")
    origins = many_cases(size, f"Origin{size}", factories.court(level="state_trial"))
    CaseLink.objects.bulk_create(
        [
            CaseLink(from_case=member, to_case=mdl, kind="transferred_into_mdl", date=D(2021, 5, 1))
            for member in members
        ]
        + [
            CaseLink(from_case=origin, to_case=member, kind="removed_to", date=D(2020, 6, 1))
            for origin, member in zip(origins, members, strict=True)
        ]
    )
    return mdl


@pytest.mark.django_db
def test_an_mdl_of_300_members_is_one_box_for_the_queries_of_3(
    client, django_assert_max_num_queries
) -> None:
    queries = {}
    for size in (3, 300):
        mdl = big_mdl(size)
        with CaptureQueriesContext(connection) as captured:
            figure = figure_of(client, mdl.get_absolute_url())
        queries[size] = len(captured)
        with django_assert_max_num_queries(2):  # the walk, the links among its cases
            graph = selectors.case_graph(mdl)
        assert graph is not None and not graph.truncated
    assert queries[3] == queries[300]
    # 300: the MDL, the JPML and one box for the members, linked to the list of them; their
    # own links (the removals) were not walked.
    assert len(graph.cases) == 2
    assert "300 member cases" in figure
    assert f'<a href="{mdl.get_absolute_url()}related/" class="graph-case">' in figure
    assert "Member300 000" not in figure and "Origin300" not in figure
    small = figure_of(client, Case.objects.get(short_name="In re MDL of 3").get_absolute_url())
    assert "Member3 000" in small and "Origin3 002" in small and "member cases" not in small
    # A member's page: itself, the MDL, and the others in one box.
    member = figure_of(client, "/cases/member300-7/")
    assert "299 other member cases" in member and "Origin300 007" in member
    assert "Member300 008" not in member
    related = figure_of(client, f"{mdl.get_absolute_url()}related/")
    assert "300 member cases" in related


@pytest.mark.django_db
def test_the_walk_stops_at_its_limit_and_says_so(client, django_assert_max_num_queries) -> None:
    chain = many_cases(NODE_LIMIT + 15, "Chain")
    CaseLink.objects.bulk_create(
        CaseLink(from_case=a, to_case=b, kind="related")
        for a, b in zip(chain, chain[1:], strict=False)
    )
    with django_assert_max_num_queries(2):  # the walk, the links among its cases
        graph = selectors.case_graph(chain[0])
    assert graph.truncated and len(graph.cases) == NODE_LIMIT
    assert {case.pk for case in graph.cases} == {case.pk for case in chain[:NODE_LIMIT]}
    figure = figure_of(client, chain[0].get_absolute_url())
    assert f"The graph stops at the {NODE_LIMIT} cases nearest to this one" in figure
    assert f"Chain {NODE_LIMIT - 1:03d}" in figure and f"Chain {NODE_LIMIT:03d}" not in figure


@pytest.mark.django_db
@pytest.mark.parametrize("payload", PAYLOADS)
def test_hostile_names_are_text_in_the_boxes_titles_and_desc(client, payload: str) -> None:
    hostile = factories.case(court_=factories.court(short_name=payload), short_name=payload)
    other = factories.case(docket_number=payload, short_name="Plain v. Case")
    services.case_link_create(from_case=hostile, to_case=other, kind="removed_to")
    for url in (hostile.get_absolute_url(), f"{other.get_absolute_url()}related/"):
        figure = figure_of(client, url)
        assert_only_escaped(figure, payload, printed=[payload])
        texts = re.findall(r"<text[^>]*>([^<]*)</text>", figure)
        assert any(text.startswith(escape(payload)[:12]) for text in texts), texts
        assert escape(payload) in re.search(r"<title id=[^>]*>([^<]*)</title>", figure)[1]
        assert escape(payload) in re.search(r"<desc id=[^>]*>([^<]*)</desc>", figure)[1]


@pytest.mark.django_db
def test_the_pages_pay_two_queries_for_the_graph(
    client, seeded, django_assert_max_num_queries
) -> None:
    mdl = "/cases/in-re-clearview-mdl/related/"
    # case+court, judges, count, page of links; the graph's walk and its links.
    with django_assert_max_num_queries(6):
        assert client.get(mdl).status_code == 200
    # The case page's 13 (tests/cases/test_pages.py), and the graph's walk and its links.
    with django_assert_max_num_queries(15), CaptureQueriesContext(connection) as captured:
        assert client.get(ALAMEDA).status_code == 200
    walks = [q for q in captured.captured_queries if "WITH RECURSIVE walk" in q["sql"]]
    assert len(walks) == 1
    lonely = factories.case()
    with CaptureQueriesContext(connection) as unlinked:
        assert client.get(lonely.get_absolute_url()).status_code == 200
    assert not any("WITH RECURSIVE" in q["sql"] for q in unlinked)  # no links: no walk


@pytest.mark.django_db
def test_an_mdl_linked_only_to_its_members_is_drawn_with_their_box(
    django_assert_max_num_queries,
) -> None:
    mdl = factories.case(short_name="In re Members Only", case_type="mdl")
    CaseLink.objects.bulk_create(
        CaseLink(from_case=member, to_case=mdl, kind="consolidated_into")
        for member in many_cases(COLLAPSE_OVER + 1, "Only")
    )
    # The walk, and the links among its cases (none), as on every linked case's page.
    with django_assert_max_num_queries(2):
        graph = selectors.case_graph(mdl)
    assert [case.pk for case in graph.cases] == [mdl.pk] and graph.links == ()
    (box,) = [node for node in build(graph).nodes if node.members]
    assert box.docket_number == f"{COLLAPSE_OVER + 1} member cases"
    assert build(graph).edges[0].kind == "consolidated into"
