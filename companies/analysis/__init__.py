"""Cluster analysis: NUTS regions, regional statistics and what they say of an industry.

`models` holds the regions and figures, `imports` reads the statistics files,
`computations` the pure arithmetic (location quotients, stars, ratios), and
`selectors` loads what a page shows in a fixed number of queries.
"""
