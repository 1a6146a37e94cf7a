from . import (
    test_callback,
    test_desk_tour,
    test_duplicates,
    test_i18n,
    test_intake,
    test_kanban_card,
    test_lifecycle,
    test_major_incident,
    test_portal,
    test_problem_downtime,
    test_reports,
    test_security,
)
