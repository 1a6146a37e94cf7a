from odoo import api, fields, models
from odoo.addons.it_service_desk.models.it_ticket import PRIORITIES
from odoo.exceptions import UserError, ValidationError
from odoo.osv import expression

from .it_ticket import ENDED_STATES

# what decides which tickets a policy covers and in which order policies are tried
SCOPE_FIELDS = {"sequence", "priority", "customer_class", "team_ids", "category_ids", "active"}
CUSTOMER_CLASSES = [("all", "All Requesters"), ("vip", "VIP Only"), ("normal", "Normal Only")]


class ItSlaPolicy(models.Model):
    """A service-level target set: which tickets it covers and how fast they are served."""

    _name = "it.sla.policy"
    _description = "SLA Policy"
    _inherit = ["mail.thread"]
    _order = "sequence, id"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True, tracking=True)
    description = fields.Text(translate=True)
    sequence = fields.Integer(
        default=10, tracking=True, help="The first matching policy, by sequence, applies."
    )
    active = fields.Boolean(default=True)
    calendar_id = fields.Many2one(
        "resource.calendar",
        string="Working Time",
        tracking=True,
        default=lambda self: self.env.company.resource_calendar_id,
        check_company=True,
        help="Deadlines count only the working time of this calendar (24x7 is a calendar too).",
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    # scope
    priority = fields.Selection(
        PRIORITIES, tracking=True, help="Leave empty to cover every priority."
    )
    customer_class = fields.Selection(CUSTOMER_CLASSES, required=True, default="all", tracking=True)
    team_ids = fields.Many2many(
        "it.team", string="Teams", check_company=True, help="Leave empty to cover every team."
    )
    category_ids = fields.Many2many(
        "it.category", string="Categories", help="Leave empty to cover every category."
    )
    # targets (working hours of the calendar)
    response_hours = fields.Float(
        string="Response Target (h)", required=True, default=4.0, tracking=True
    )
    resolution_hours = fields.Float(
        string="Resolution Target (h)", required=True, default=24.0, tracking=True
    )
    next_response_hours = fields.Float(
        string="Next Response Target (h)",
        tracking=True,
        help="Answer within this many working hours after each requester message; "
        "0 means no next-response target.",
    )
    warning_percent = fields.Float(
        string="Warn At (%)",
        default=75.0,
        required=True,
        tracking=True,
        help="Share of the target after which the team is warned.",
    )
    escalation_ids = fields.One2many(
        "it.sla.escalation", "policy_id", string="Escalation Levels", copy=True
    )
    line_ids = fields.One2many("it.sla.line", "policy_id", string="Timers")
    line_count = fields.Integer(compute="_compute_line_stats")
    compliance = fields.Float(string="Compliance (%)", compute="_compute_line_stats")

    @api.depends("line_ids.status")
    def _compute_line_stats(self):
        counts = {
            (policy.id, status): count
            for policy, status, count in self.env["it.sla.line"]._read_group(
                [("policy_id", "in", self.ids)], ["policy_id", "status"], ["__count"]
            )
        }
        for policy in self:
            met = counts.get((policy.id, "met"), 0)
            breached = counts.get((policy.id, "breached"), 0)
            policy.line_count = sum(
                count for (policy_id, _s), count in counts.items() if policy_id == policy.id
            )
            policy.compliance = 100.0 * met / (met + breached) if met + breached else 0.0

    # ------------------------------------------------------------------ checks
    @api.constrains("response_hours", "resolution_hours", "next_response_hours", "warning_percent")
    def _check_targets(self):
        for policy in self:
            if policy.response_hours <= 0 or policy.resolution_hours <= 0:
                raise ValidationError(
                    self.env._(
                        "Policy %(policy)s: response and resolution targets must be "
                        "positive working hours.",
                        policy=policy.name,
                    )
                )
            if policy.next_response_hours < 0:
                raise ValidationError(
                    self.env._(
                        "Policy %(policy)s: the next-response target cannot be negative.",
                        policy=policy.name,
                    )
                )
            if not 0 < policy.warning_percent < 100:
                raise ValidationError(
                    self.env._(
                        "Policy %(policy)s: the warning share must be between 0 and 100 %%.",
                        policy=policy.name,
                    )
                )

    @api.constrains("calendar_id")
    def _check_calendar(self):
        for policy in self:
            if not policy.calendar_id:
                raise ValidationError(
                    self.env._("Policy %(policy)s needs a working time.", policy=policy.name)
                )
            if not policy.calendar_id.attendance_ids:
                raise ValidationError(
                    self.env._(
                        "The working time %(calendar)s of policy %(policy)s has no working hours.",
                        calendar=policy.calendar_id.display_name,
                        policy=policy.name,
                    )
                )

    def _scope(self):
        """Per dimension, the set of values covered (None = everything)."""
        self.ensure_one()
        return (
            {self.priority} if self.priority else None,
            {self.customer_class} if self.customer_class != "all" else None,
            set(self.team_ids.ids) or None,
            set(self.category_ids.ids) or None,
        )

    @staticmethod
    def _scopes_intersect(scope_a, scope_b):
        return all(a is None or b is None or a & b for a, b in zip(scope_a, scope_b, strict=True))

    @staticmethod
    def _scope_contains(outer, inner):
        return all(
            o is None or (i is not None and i <= o) for o, i in zip(outer, inner, strict=True)
        )

    @api.constrains(
        "sequence", "priority", "customer_class", "team_ids", "category_ids", "active", "company_id"
    )
    def _check_overlap(self):
        """Two policies overlap when the order between them is ambiguous (same sequence,
        common tickets) or when one can never apply (an earlier one covers all its tickets)."""
        others = self.search([("company_id", "in", self.company_id.ids), ("active", "=", True)])
        for policy in self.filtered("active"):
            scope = policy._scope()
            for other in others.filtered(
                lambda o, p=policy: o != p and o.company_id == p.company_id
            ):
                other_scope = other._scope()
                if not self._scopes_intersect(scope, other_scope):
                    continue
                if other.sequence == policy.sequence:
                    raise ValidationError(
                        self.env._(
                            "Policies %(policy)s and %(other)s cover the same tickets with "
                            "the same sequence: give them different sequences or scopes.",
                            policy=policy.name,
                            other=other.name,
                        )
                    )
                first, second = (
                    (other, policy) if other.sequence < policy.sequence else (policy, other)
                )
                if self._scope_contains(first._scope(), second._scope()):
                    raise ValidationError(
                        self.env._(
                            "Policy %(second)s can never apply: policy %(first)s comes first "
                            "and covers all its tickets.",
                            first=first.name,
                            second=second.name,
                        )
                    )

    # ------------------------------------------------------------------ matching
    def _scope_domain(self):
        """Domain of the tickets this policy covers: searched for when policies change,
        applied in memory (filtered_domain) when tickets are matched."""
        self.ensure_one()
        domain = [("company_id", "=", self.company_id.id)]
        if self.priority:
            domain.append(("priority", "=", self.priority))
        if self.customer_class != "all":
            domain.append(("is_vip", "=", self.customer_class == "vip"))
        if self.team_ids:
            domain.append(("team_id", "in", self.team_ids.ids))
        if self.category_ids:
            domain.append(("category_id", "in", self.category_ids.ids))
        return domain

    @api.model
    def _policy_for_tickets(self, tickets):
        """{ticket: first matching policy or empty}: the policies by sequence, each taking
        the tickets of its scope among those no earlier one took."""
        # sudo: policies apply to every ticket a user may edit, whether or not they read them
        policies = self.sudo().search([("company_id", "in", tickets.company_id.ids)])
        result = dict.fromkeys(tickets, self.sudo().browse())
        remaining = tickets
        for policy in policies:
            if not remaining:
                break
            taken = remaining.filtered_domain(policy._scope_domain())
            for ticket in taken:
                result[ticket] = policy
            remaining -= taken
        return result

    def _targets(self):
        """{target_type: hours} of this policy."""
        self.ensure_one()
        return {"response": self.response_hours, "resolution": self.resolution_hours}

    def _open_tickets_concerned(self):
        """Open tickets whose first matching policy may change with these policies: those
        they cover and those following them now."""
        # sudo: policies apply to every ticket of the company, whoever configures them
        Ticket = self.env["it.ticket"].sudo()
        covered = expression.OR(
            [[("sla_policy_id", "in", self.ids)]] + [policy._scope_domain() for policy in self]
        )
        return Ticket.search(
            expression.AND([[("active", "=", True), ("state", "not in", ENDED_STATES)], covered])
        )

    def _rematch_open_tickets(self, tickets):
        """Match these open tickets again; those whose policy changed move their counting
        timers to the new targets (elapsed time kept) or get their timers, and lose them when
        no policy applies any more. Met and breached timers keep their deadline."""
        if not tickets:
            return
        before = {ticket.id: ticket.sla_policy_id for ticket in tickets}
        tickets._sla_rematch()
        changed = tickets.filtered(lambda ticket: ticket.sla_policy_id != before[ticket.id])
        changed._sla_apply()

    @api.model_create_multi
    def create(self, vals_list):
        policies = super().create(vals_list)
        # the calendar may have been left out altogether: constrains only see given fields
        policies._check_calendar()
        policies._rematch_open_tickets(policies._open_tickets_concerned())
        return policies

    def write(self, vals):
        scope_changed = SCOPE_FIELDS & vals.keys()
        concerned = self._open_tickets_concerned() if scope_changed else None
        res = super().write(vals)
        if scope_changed:
            self._rematch_open_tickets(concerned | self._open_tickets_concerned())
        if {"response_hours", "resolution_hours", "calendar_id", "warning_percent"} & vals.keys():
            # re-target only the timers still counting; met and breached ones keep their deadline
            lines = (
                self.env["it.sla.line"]
                .sudo()
                .search(  # sudo: timers are system-managed
                    [("policy_id", "in", self.ids), ("status", "in", ["running", "paused"])]
                )
            )
            lines._retarget()
        return res

    @api.ondelete(at_uninstall=False)
    def _unlink_except_used(self):
        # sudo: count every company's use, whoever may read which timers
        used = self.env["it.sla.line"].sudo().search_count([("policy_id", "in", self.ids)], limit=1)
        if used:
            raise UserError(
                self.env._("A policy with timers keeps its history: archive it instead.")
            )

    def action_view_lines(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("it_sla.it_sla_line_action")
        action["domain"] = [("policy_id", "=", self.id)]
        action["context"] = {}
        return action
