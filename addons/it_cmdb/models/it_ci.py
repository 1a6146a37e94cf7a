from dateutil.relativedelta import relativedelta
from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL
from odoo.tools.sql import create_index

CI_STATES = [
    ("in_stock", "In Stock"),
    ("issued", "Issued"),
    ("in_repair", "In Repair"),
    ("retired", "Retired"),
]
# state -> states it may move to; a retired item never comes back
ALLOWED_TRANSITIONS = {
    "in_stock": {"issued", "in_repair", "retired"},
    "issued": {"in_stock", "in_repair", "retired"},
    "in_repair": {"in_stock", "retired"},
    "retired": set(),
}
# fields that only an approved change may modify when the CMDB is locked
CONTROLLED_FIELDS = (
    "class_id",
    "serial",
    "model",
    "vendor",
    "location_id",
    "owner_department",
    "warranty_end",
    "ci_properties",
)
LOCK_PARAM = "it_cmdb.lock_controlled_fields"
WARRANTY_DAYS_PARAM = "it_cmdb.warranty_reminder_days"
OPEN_TICKET_STATES = ("new", "in_progress", "dispatched", "waiting")
# computed from the whole graph: no @api.depends can express it, so every change to
# the graph or to what the impact reports invalidates them (see _invalidate_impact)
IMPACT_FIELDS = (
    "impacted_ci_ids",
    "impacted_service_ids",
    "impacted_partner_ids",
    "supporting_ci_ids",
    "dependency_tree_html",
    "impact_tree_html",
)
TREE_DEPTH = 6
TREE_NODES = 200
IMPACT_INPUTS = {"active", "class_id", "holder_partner_id", "user_partner_ids", "state"}


class ItCi(models.Model):
    """A configuration item: an asset or service the IT centre numbers and tracks."""

    _name = "it.ci"
    _description = "Configuration Item"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "asset_number, id"
    _rec_names_search = ["name", "asset_number", "serial"]
    _check_company_auto = True

    asset_number = fields.Char(
        readonly=True,
        copy=False,
        index="trigram",  # the unique constraint gives the btree for sorting
        default="/",
        help="Unique number of the item, from the sequence of its class.",
    )
    name = fields.Char(required=True, tracking=True, index="trigram")
    class_id = fields.Many2one(
        "it.ci.class",
        required=True,
        index=True,
        tracking=True,
        ondelete="restrict",
    )
    is_service = fields.Boolean(related="class_id.is_service", store=True, index=True)
    is_issuable = fields.Boolean(related="class_id.is_issuable")
    ci_properties = fields.Properties(
        string="Attributes", definition="class_id.attribute_definition", copy=True
    )
    serial = fields.Char(string="Serial Number", tracking=True, copy=False, index="trigram")
    model = fields.Char(tracking=True)
    vendor = fields.Char(tracking=True)
    location_id = fields.Many2one("it.ci.location", index=True, tracking=True, check_company=True)
    owner_department = fields.Char(tracking=True, index=True)
    user_id = fields.Many2one(
        "res.users",
        string="Responsible",
        tracking=True,
        default=lambda self: self.env.user,
        domain=[("share", "=", False)],
        help="Who looks after the item: receives the warranty reminders.",
    )
    holder_partner_id = fields.Many2one(
        "res.partner",
        string="Current Holder",
        tracking=True,
        index=True,
        readonly=True,
        copy=False,
        help="The person the item is issued to; set by issuance and return.",
    )
    holder_user_id = fields.Many2one(
        "res.users", string="Holder (User)", readonly=True, copy=False, tracking=True
    )
    date_issued = fields.Date(readonly=True, copy=False)
    state = fields.Selection(
        CI_STATES,
        default="in_stock",
        required=True,
        tracking=True,
        copy=False,
        index=True,
        readonly=True,
    )
    warranty_end = fields.Date(tracking=True, index=True)
    warranty_expiring = fields.Boolean(
        compute="_compute_warranty_expiring",
        search="_search_warranty_expiring",
        help="The warranty ends within the reminder period.",
    )
    user_partner_ids = fields.Many2many(
        "res.partner",
        "it_ci_user_partner_rel",
        "ci_id",
        "partner_id",
        string="Users",
        help="People who use this service or application; told about planned downtime.",
    )
    note = fields.Html()
    relation_ids = fields.One2many("it.ci.relation", "source_id", string="Relations")
    reverse_relation_ids = fields.One2many("it.ci.relation", "target_id", string="Related From")
    issuance_ids = fields.One2many("it.ci.issuance", "ci_id", string="Issuance History")
    ticket_ids = fields.Many2many(
        "it.ticket",
        "it_ci_it_ticket_rel",
        "ci_id",
        "ticket_id",
        string="Tickets",
        groups="it_service_desk.group_it_backoffice",
    )
    open_ticket_count = fields.Integer(
        compute="_compute_open_ticket_count", groups="it_service_desk.group_it_backoffice"
    )
    problem_ids = fields.Many2many(
        "it.problem",
        "it_ci_it_problem_rel",
        "ci_id",
        "problem_id",
        string="Problems",
        groups="it_service_desk.group_it_backoffice",
    )
    major_incident_ids = fields.Many2many(
        "it.major.incident",
        "it_ci_it_major_incident_rel",
        "ci_id",
        "incident_id",
        string="Major Incidents",
        groups="it_service_desk.group_it_backoffice",
    )
    business_system_id = fields.Many2one(
        "it.business.system",
        index=True,
        tracking=True,
        help="The desk's business system this item belongs to (tickets and notices use it).",
    )
    change_ids = fields.Many2many(
        "it.change", "it_change_it_ci_rel", "ci_id", "change_id", string="Changes"
    )
    change_count = fields.Integer(compute="_compute_change_count")
    impacted_service_ids = fields.Many2many(
        "it.ci",
        compute="_compute_impact",
        string="Impacted Services",
        # the impact query keeps active items only: no second pass over 10,000s of rows
        context={"active_test": False},
    )
    impacted_ci_ids = fields.Many2many(
        "it.ci",
        compute="_compute_impact",
        string="Impacted Items",
        context={"active_test": False},  # see impacted_service_ids
    )
    impacted_partner_ids = fields.Many2many(
        "res.partner", compute="_compute_impact", string="Impacted Users"
    )
    supporting_ci_ids = fields.Many2many(
        "it.ci",
        compute="_compute_supporting_ci_ids",
        string="Items Under It",
        context={"active_test": False},  # see impacted_ci_ids
        help="Every item this one runs on or depends on, directly or not.",
    )
    dependency_tree_html = fields.Html(
        compute="_compute_tree_html",
        sanitize=False,
        string="Dependency Tree",
        help="What this item stands on, level by level.",
    )
    impact_tree_html = fields.Html(
        compute="_compute_tree_html",
        sanitize=False,
        string="Impact Tree",
        help="What stands on this item, level by level, up to the business services.",
    )
    color = fields.Integer()
    active = fields.Boolean(default=True, tracking=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )

    _sql_constraints = [
        ("asset_number_uniq", "unique(asset_number)", "The asset number must be unique."),
    ]

    def init(self):
        # the impact query drops archived items (few) and collects holders (many):
        # small partial indexes let it do both without visiting the table
        create_index(
            self.env.cr, "it_ci_inactive_idx", self._table, ["id"], where="active IS NOT TRUE"
        )
        create_index(
            self.env.cr,
            "it_ci_holder_idx",
            self._table,
            ["id", "holder_partner_id"],
            where="holder_partner_id IS NOT NULL",
        )

    # ------------------------------------------------------------------ computes
    @api.depends("warranty_end")
    def _compute_warranty_expiring(self):
        limit = fields.Date.context_today(self) + relativedelta(days=self._warranty_days())
        today = fields.Date.context_today(self)
        for ci in self:
            ci.warranty_expiring = bool(ci.warranty_end and today <= ci.warranty_end <= limit)

    def _search_warranty_expiring(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on warranty expiring."))
        today = fields.Date.context_today(self)
        limit = today + relativedelta(days=self._warranty_days())
        domain = [("warranty_end", ">=", today), ("warranty_end", "<=", limit)]
        if (operator == "=") == value:
            return domain
        return ["|", "|", ("warranty_end", "=", False)] + [
            ("warranty_end", "<", today),
            ("warranty_end", ">", limit),
        ]

    @api.model
    def _warranty_days(self):
        # a configuration value, readable by every CMDB reader
        value = self.env["ir.config_parameter"].sudo().get_param(WARRANTY_DAYS_PARAM, "30")
        try:
            return max(int(value), 0)
        except ValueError:
            return 30

    def _compute_open_ticket_count(self):
        counts = dict(
            self.env["it.ticket"]._read_group(
                [("ci_ids", "in", self.ids), ("state", "in", OPEN_TICKET_STATES)],
                ["ci_ids"],
                ["__count"],
            )
        )
        for ci in self:
            ci.open_ticket_count = counts.get(ci, 0)

    def _compute_change_count(self):
        counts = dict(
            self.env["it.change"]._read_group([("ci_ids", "in", self.ids)], ["ci_ids"], ["__count"])
        )
        for ci in self:
            ci.change_count = counts.get(ci, 0)

    def _compute_impact(self):
        for ci in self:
            if not ci.id:
                ci.impacted_ci_ids = ci.impacted_service_ids = ci.impacted_partner_ids = False
                continue
            cis, services, partners = self._impact_summary(ci.ids)
            ci.impacted_ci_ids = self.browse(cis) - ci
            ci.impacted_service_ids = self.browse(services) - ci
            ci.impacted_partner_ids = self.env["res.partner"].browse(partners)

    def _compute_supporting_ci_ids(self):
        for ci in self:
            if not ci.id:
                ci.supporting_ci_ids = False
                continue
            ci.supporting_ci_ids = self.browse(self._impact_ids(ci.ids, downstream=False)) - ci

    # ------------------------------------------------------------------ impact
    @api.model
    def _reach_sql(self, ci_ids, downstream=True):
        """The recursive CTE ``reach(id)``: items reachable from ``ci_ids`` (included).

        downstream=True follows the impact: from an item to everything that runs on,
        depends on or is made of it, up to the business services. downstream=False
        goes the other way: from a service to every item under it. UNION (not UNION
        ALL) drops the rows already reached, so loops of "connected to" terminate.
        """
        self.env["it.ci.relation"].flush_model(["upstream_id", "downstream_id"])
        self.flush_model(["active", "is_service", "holder_partner_id", "user_partner_ids"])
        src, dst = (
            ("upstream_id", "downstream_id") if downstream else ("downstream_id", "upstream_id")
        )
        return SQL(
            """
            WITH RECURSIVE reach(id) AS (
                SELECT unnest(%(ids)s::int[])
              UNION
                SELECT r.%(dst)s
                  FROM it_ci_relation r
                  JOIN reach ON r.%(src)s = reach.id
                 WHERE r.%(dst)s IS NOT NULL
                   -- an archived item is out of the estate: the walk stops there
                   AND r.%(dst)s NOT IN (SELECT id FROM it_ci WHERE active IS NOT TRUE)
            )
            """,
            ids=list(ci_ids),
            src=SQL.identifier(src),
            dst=SQL.identifier(dst),
        )

    @api.model
    def _impact_ids(self, ci_ids, downstream=True):
        """Ids of the active items reachable from ``ci_ids`` (included), in ONE query."""
        if not ci_ids:
            return []
        self.env.cr.execute(
            SQL(
                """
                %s
                SELECT id FROM reach
                 WHERE id NOT IN (SELECT id FROM it_ci WHERE active IS NOT TRUE)
                """,
                self._reach_sql(ci_ids, downstream),
            )
        )
        return [row[0] for row in self.env.cr.fetchall()]

    @api.model
    def _impact_summary(self, ci_ids):
        """(item ids, business service ids, partner ids) hit when ``ci_ids`` fail, in ONE
        query: the recursive walk, then the services and the people (holders and
        declared users) of every item reached."""
        if not ci_ids:
            return [], [], []
        self.env.cr.execute(
            SQL(
                """
                %(reach)s, hit AS MATERIALIZED (
                    SELECT id FROM reach
                     WHERE id NOT IN (SELECT id FROM it_ci WHERE active IS NOT TRUE)
                )
                SELECT (SELECT array_agg(id) FROM hit),
                       (SELECT array_agg(ci.id) FROM it_ci ci
                         WHERE ci.is_service AND ci.id IN (SELECT id FROM hit)),
                       (SELECT array_agg(DISTINCT p.partner_id) FROM (
                            SELECT ci.holder_partner_id AS partner_id FROM it_ci ci
                             WHERE ci.holder_partner_id IS NOT NULL
                               AND ci.id IN (SELECT id FROM hit)
                             UNION ALL
                            SELECT rel.partner_id FROM it_ci_user_partner_rel rel
                             WHERE rel.ci_id IN (SELECT id FROM hit)
                       ) p)
                """,
                reach=self._reach_sql(ci_ids, downstream=True),
            )
        )
        cis, services, partners = self.env.cr.fetchone()
        return cis or [], services or [], partners or []

    def _tree_rows(self, downstream, depth=TREE_DEPTH, limit=TREE_NODES):
        """(id, type id, read forward, path) of the tree walked from this item, breadth
        first, in ONE query. Paths keep the tree finite on shared sub-graphs; the LIMIT
        (no ORDER BY) lets PostgreSQL stop the walk as soon as enough nodes are found."""
        self.ensure_one()
        self.env["it.ci.relation"].flush_model(["upstream_id", "downstream_id", "type_id"])
        self.flush_model(["active"])
        src, dst = (
            ("upstream_id", "downstream_id") if downstream else ("downstream_id", "upstream_id")
        )
        self.env.cr.execute(
            SQL(
                """
                WITH RECURSIVE tree(id, type_id, forward, depth, path) AS (
                    SELECT %(seed)s, NULL::int, true, 0, ARRAY[%(seed)s]
                  UNION ALL
                    SELECT r.%(dst)s, r.type_id, r.source_id = tree.id, tree.depth + 1,
                           tree.path || r.%(dst)s
                      FROM tree
                      JOIN it_ci_relation r ON r.%(src)s = tree.id
                     WHERE r.%(dst)s IS NOT NULL
                       AND r.%(dst)s <> ALL(tree.path)
                       AND tree.depth < %(depth)s
                       AND r.%(dst)s NOT IN (SELECT id FROM it_ci WHERE active IS NOT TRUE)
                )
                SELECT id, type_id, forward, path FROM tree LIMIT %(limit)s
                """,
                seed=self.id,
                src=SQL.identifier(src),
                dst=SQL.identifier(dst),
                depth=depth,
                limit=limit + 1,
            )
        )
        return self.env.cr.fetchall()

    def _render_tree(self, downstream):
        rows = self._tree_rows(downstream)
        truncated = len(rows) > TREE_NODES
        rows = rows[:TREE_NODES]
        cis = self.browse({row[0] for row in rows})
        types = self.env["it.ci.relation.type"].browse({row[1] for row in rows if row[1]})
        names = {ci.id: ci.display_name for ci in cis}
        classes = {ci.id: ci.class_id.name for ci in cis}
        # a child reads from its parent: "app runs on server", "server hosts app"
        labels = {
            (t.id, forward): t.name if forward else (t.reverse_name or t.name)
            for t in types
            for forward in (True, False)
        }
        children = {}
        for ci_id, type_id, forward, path in rows[1:]:
            children.setdefault(tuple(path[:-1]), []).append(
                (ci_id, (type_id, forward), tuple(path))
            )

        def node(ci_id, label_key, path):
            label = (
                Markup("<span class='text-muted'>%s</span> ") % labels[label_key]
                if label_key
                else ""
            )
            line = Markup(
                "<li>%s<a href='/odoo/it.ci/%s'>%s</a> <small class='text-muted'>(%s)</small>"
            ) % (
                label,
                ci_id,
                names.get(ci_id, ""),
                classes.get(ci_id, ""),
            )
            subs = children.get(path, [])
            if subs:
                line += Markup("<ul>%s</ul>") % Markup().join(node(*sub) for sub in subs)
            return line + Markup("</li>")

        if len(rows) <= 1:
            return False
        html = Markup("<ul class='o_it_ci_tree'>%s</ul>") % node(self.id, None, (self.id,))
        if truncated:
            html += Markup("<p class='text-muted'>%s</p>") % self.env._(
                "Only the first %(count)s items are shown.", count=TREE_NODES
            )
        return html

    def _compute_tree_html(self):
        for ci in self:
            if not ci.id:
                ci.dependency_tree_html = ci.impact_tree_html = False
                continue
            ci.dependency_tree_html = ci._render_tree(downstream=False)
            ci.impact_tree_html = ci._render_tree(downstream=True)

    def get_impact(self):
        """Business services, items and people hit when these items fail."""
        cis, services, partners = self._impact_summary(self.ids)
        return {
            "cis": self.browse(cis),
            "services": self.browse(services),
            "partners": self.env["res.partner"].browse(partners),
        }

    # ------------------------------------------------------------------ CRUD
    @api.model_create_multi
    def create(self, vals_list):
        classes = self.env["it.ci.class"]
        for vals in vals_list:
            if vals.get("asset_number", "/") in ("/", False, ""):
                ci_class = classes.browse(vals.get("class_id"))
                if not ci_class:
                    raise UserError(self.env._("A configuration item needs a class."))
                vals["asset_number"] = ci_class._next_asset_number()
            if vals.get("state", "in_stock") != "in_stock":
                raise UserError(
                    self.env._("A new configuration item starts in stock; issue it afterwards.")
                )
        cis = super().create(vals_list)
        self._invalidate_impact()
        return cis

    def write(self, vals):
        if "state" in vals:
            self._check_transition(vals["state"])
        controlled = [name for name in CONTROLLED_FIELDS if name in vals]
        if controlled and self._controlled_fields_locked():
            raise UserError(
                self.env._(
                    "The CMDB is locked: %(fields)s can only be changed through an "
                    "approved change (Configuration & Change > Changes).",
                    fields=", ".join(self._fields[name].string for name in controlled),
                )
            )
        res = super().write(vals)
        if IMPACT_INPUTS.intersection(vals):
            self._invalidate_impact()
        return res

    @api.model
    def _invalidate_impact(self):
        self.env["it.ci"].invalidate_model(list(IMPACT_FIELDS))
        for model in ("it.change", "it.major.incident"):
            self.env[model].invalidate_model(["impacted_service_ids", "impacted_partner_ids"])

    @api.model
    def _controlled_fields_locked(self):
        if self.env.context.get("it_cmdb_change_id"):
            return False
        # a configuration value, readable by every CMDB user
        param = self.env["ir.config_parameter"].sudo().get_param(LOCK_PARAM)
        return bool(param and param not in ("0", "False", "false"))

    def _check_transition(self, new_state):
        labels = dict(self._fields["state"]._description_selection(self.env))
        if new_state not in labels:
            raise UserError(
                self.env._("%(state)s is not a state of a configuration item.", state=new_state)
            )
        for ci in self:
            if ci.state != new_state and new_state not in ALLOWED_TRANSITIONS[ci.state]:
                raise UserError(
                    self.env._(
                        "%(ci)s cannot go from %(old)s to %(new)s.",
                        ci=ci.display_name,
                        old=labels[ci.state],
                        new=labels[new_state],
                    )
                )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_history(self):
        if self.issuance_ids or self.change_ids or self.ticket_ids:
            raise UserError(
                self.env._(
                    "A configuration item with issuance, change or ticket history cannot be "
                    "deleted; archive or retire it instead."
                )
            )

    @api.depends("asset_number", "name")
    def _compute_display_name(self):
        for ci in self:
            ci.display_name = (
                f"[{ci.asset_number}] {ci.name}"
                if ci.asset_number and ci.asset_number != "/"
                else ci.name
            )

    # ------------------------------------------------------------------ actions
    def action_send_to_repair(self):
        for ci in self:
            if ci.state != "in_stock":
                raise UserError(
                    self.env._(
                        "Only an item in stock goes to repair; return %(ci)s first.",
                        ci=ci.display_name,
                    )
                )
        self.write({"state": "in_repair"})

    def action_back_in_stock(self):
        for ci in self:
            if ci.state != "in_repair":
                raise UserError(self.env._("%(ci)s is not in repair.", ci=ci.display_name))
        self.write({"state": "in_stock"})

    def action_retire(self):
        for ci in self:
            if ci.state == "issued":
                raise UserError(
                    self.env._(
                        "%(ci)s is issued to %(holder)s: return it before retiring it.",
                        ci=ci.display_name,
                        holder=ci.holder_partner_id.display_name,
                    )
                )
            if ci.state == "retired":
                raise UserError(self.env._("%(ci)s is already retired.", ci=ci.display_name))
        self.write({"state": "retired"})

    def action_issue(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Issue"),
            "res_model": "it.ci.issue.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_ci_ids": self.ids},
        }

    def action_return(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Return"),
            "res_model": "it.ci.return.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_ci_id": self.id},
        }

    def action_open_tickets(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Open Incidents"),
            "res_model": "it.ticket",
            "view_mode": "list,form",
            "domain": [("ci_ids", "in", self.ids), ("state", "in", OPEN_TICKET_STATES)],
            "context": {"default_ci_ids": self.ids},
        }

    def action_open_changes(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Changes"),
            "res_model": "it.change",
            "view_mode": "list,form",
            "domain": [("ci_ids", "in", self.ids)],
            "context": {"default_ci_ids": self.ids},
        }

    def action_open_issuances(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Issuance History"),
            "res_model": "it.ci.issuance",
            "view_mode": "list,form",
            "domain": [("ci_id", "=", self.id)],
            "context": {"default_ci_id": self.id},
        }

    # ------------------------------------------------------------------ cron
    @api.model
    def _cron_remind_warranty(self):
        """Schedule one activity per item whose warranty ends within the reminder period.

        Set-wise: one search for the items, one for the activities already there; an
        item that already has a pending reminder is skipped, so reruns add nothing.
        """
        activity_type = self.env.ref(
            "it_cmdb.mail_activity_warranty_expiry", raise_if_not_found=False
        )
        if not activity_type:
            return
        today = fields.Date.context_today(self)
        limit = today + relativedelta(days=self._warranty_days())
        cis = self.search(
            [
                ("warranty_end", ">=", today),
                ("warranty_end", "<=", limit),
                ("state", "!=", "retired"),
            ]
        )
        if not cis:
            return
        existing = self.env["mail.activity"].search(
            [
                ("res_model", "=", "it.ci"),
                ("res_id", "in", cis.ids),
                ("activity_type_id", "=", activity_type.id),
            ]
        )
        done_ids = set(existing.mapped("res_id"))
        model_id = self.env["ir.model"]._get_id("it.ci")
        vals_list = []
        for ci in cis:
            if ci.id in done_ids:
                continue
            vals_list.append(
                {
                    "res_model_id": model_id,
                    "res_id": ci.id,
                    "activity_type_id": activity_type.id,
                    "date_deadline": ci.warranty_end,
                    "user_id": (ci.user_id or self.env.user).id,
                    "summary": self.env._("Warranty ends on %(date)s", date=ci.warranty_end),
                }
            )
        self.env["mail.activity"].create(vals_list)
