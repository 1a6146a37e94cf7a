from odoo import fields, models
from odoo.exceptions import UserError


class CounterInquiry(models.Model):
    """A customer's question under first-ask responsibility (首問負責制).

    The staff member who was asked first owns the inquiry until the customer is told
    where to go and whom to see.
    """

    _name = "counter.inquiry"
    _description = "Customer Inquiry"
    _inherit = ["mail.thread", "care.script.mixin"]
    _order = "create_date desc, id desc"
    _check_company_auto = True

    name = fields.Char(string="Question", required=True)
    topic_id = fields.Many2one("counter.inquiry.topic", index=True, tracking=True)
    quick_answer = fields.Html(related="topic_id.quick_answer")
    owner_id = fields.Many2one(
        "res.users",
        string="First Asked",
        default=lambda self: self.env.user,
        required=True,
        readonly=True,
        tracking=True,
        index=True,
    )
    customer_name = fields.Char()
    answer = fields.Text()
    directed_to = fields.Char(help="Where and whom the customer was sent to (desk, department).")
    escorted = fields.Boolean(help="A colleague walked the customer there.")
    state = fields.Selection(
        [("open", "Open"), ("directed", "Directed")],
        default="open",
        required=True,
        tracking=True,
        copy=False,
        index=True,
    )
    directed_time = fields.Datetime(readonly=True, copy=False)
    company_id = fields.Many2one(
        "res.company", string="Store", required=True, default=lambda self: self.env.company
    )

    # the script panel follows these fields live on the form
    _care_script_depends = (
        "topic_id",
        "customer_name",
    )

    def _care_script_code(self):
        self.ensure_one()
        return self.topic_id.script_code or False

    def _care_script_values(self):
        self.ensure_one()
        return {"customer_name": self.customer_name or ""}

    def _check_owner(self):
        supervisor = self.env.user.has_group("retail_counter.group_counter_supervisor")
        for inquiry in self:
            if inquiry.owner_id != self.env.user and not supervisor:
                raise UserError(
                    self.env._(
                        "First-ask responsibility: %(owner)s took this inquiry and stays with "
                        "the customer until they are directed.",
                        owner=inquiry.owner_id.name,
                    )
                )

    def write(self, vals):
        if "owner_id" in vals and not self.env.user.has_group(
            "retail_counter.group_counter_supervisor"
        ):
            raise UserError(self.env._("Only a supervisor hands an inquiry to someone else."))
        return super().write(vals)

    def action_direct(self):
        self._check_owner()
        for inquiry in self:
            if inquiry.state != "open":
                raise UserError(self.env._("This customer was already directed."))
            if not (inquiry.directed_to or inquiry.answer):
                raise UserError(
                    self.env._("Say where the customer should go, or what they were told.")
                )
        self.write({"state": "directed", "directed_time": fields.Datetime.now()})
        return True

    def action_reopen(self):
        self._check_owner()
        if any(inquiry.state != "directed" for inquiry in self):
            raise UserError(self.env._("Only directed inquiries can be reopened."))
        self.write({"state": "open", "directed_time": False})
        return True
