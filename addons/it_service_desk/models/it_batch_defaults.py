import copy

from odoo import api, models


class ItBatchDefaultsMixin(models.AbstractModel):
    """Defaults evaluated once per batch of ``create()``.

    Odoo evaluates the defaults of every record of a batch on its own (a ``default_get``
    each, with its lookups). They depend on the environment and on which fields are given,
    never on the other values of a record, so one evaluation per set of given fields serves
    the whole batch: models created by the thousand (tickets, their SLA timers) inherit
    this. Values given in a record always win over the defaults."""

    _name = "it.batch.defaults.mixin"
    _description = "Defaults evaluated once per create() batch"

    def _batch_defaults_key(self):
        return f"it_batch_defaults.{self._name}"

    @api.model_create_multi
    def create(self, vals_list):
        cache = self.env.cr.cache
        key = self._batch_defaults_key()
        outer = cache.get(key)  # a create() of the same model inside this one
        cache[key] = (self.env, {})
        try:
            return super().create(vals_list)
        finally:
            cache[key] = outer

    @api.model
    def _add_missing_default_values(self, values):
        memo = self.env.cr.cache.get(self._batch_defaults_key())
        if not memo or memo[0] is not self.env:
            return super()._add_missing_default_values(values)
        given = frozenset(values)
        if given not in memo[1]:
            full = super()._add_missing_default_values(values)
            memo[1][given] = {name: value for name, value in full.items() if name not in values}
        defaults = copy.deepcopy(memo[1][given])
        defaults.update(values)
        return defaults
