from odoo import fields, models


class ItStage(models.Model):
    _name = "it.stage"
    _description = "Ticket Stage"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    state = fields.Selection(
        [
            ("new", "New"),
            ("in_progress", "In Progress"),
            ("dispatched", "Dispatched to Back Office"),
            ("waiting", "Waiting for Requester"),
            ("resolved", "Resolved"),
            ("callback", "Callback"),
            ("closed", "Closed"),
            ("cancelled", "Cancelled"),
        ],
        required=True,
        default="new",
        help="What the stage means to the rules of the desk; several stages may share one.",
    )
    fold = fields.Boolean(help="Folded in the kanban view.")
    active = fields.Boolean(default=True)
