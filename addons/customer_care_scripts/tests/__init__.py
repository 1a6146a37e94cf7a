from . import (
    test_care_compliance,
    test_care_evaluation,
    test_care_i18n,
    test_care_mixin,
    test_care_script,
    test_care_tour,
    test_care_views,
)
