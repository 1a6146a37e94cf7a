from . import (
    test_change,
    test_change_tour,
    test_ci,
    test_desk_links,
    test_import,
    test_issuance,
    test_relation_impact,
    test_tour,
    test_views_access,
)
