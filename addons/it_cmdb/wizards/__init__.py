from . import it_ci_handover_wizard, it_ci_import_wizard
