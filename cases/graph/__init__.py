"""The related-case graph, drawn: a case's connected component as a server-rendered SVG.

``selectors.case_graph`` reads the component (``parts.CaseGraph``); ``component.build`` turns it
into boxes and arrows, folding the members of a big MDL into one box; ``layout.lay_out`` puts
the boxes in lanes by court level and ``routes.route`` draws the arrows between them, both pure
functions of plain dataclasses; ``svg.svg`` writes the markup and ``figure.figure`` the page's
``<figure>`` with the graph in words (``text``). No Graphviz, no JavaScript.
"""
