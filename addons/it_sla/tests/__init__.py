from . import (
    test_sla_calendar,
    test_sla_cron,
    test_sla_misc,
    test_sla_policy,
    test_sla_timer,
    test_sla_tour,
)
