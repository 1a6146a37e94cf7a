from . import (
    test_bag_deposit,
    test_broadcast,
    test_counter_flows_tour,
    test_counter_tour,
    test_dashboard_security,
    test_finance_export,
    test_incident,
    test_inquiry,
    test_invoice,
    test_lost_item,
    test_membership,
)
