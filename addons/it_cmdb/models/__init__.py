from . import it_change, it_ci
