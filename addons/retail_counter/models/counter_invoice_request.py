from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import SQL

from .counter_receipt import REFUSED


class CounterInvoiceRequest(models.Model):
    """A customer asks the counter for invoices (開具發票) for one or more receipts."""

    _name = "counter.invoice.request"
    _description = "Invoice Request"
    _inherit = ["mail.thread", "mail.activity.mixin", "care.script.mixin"]
    _order = "create_date desc, id desc"
    _check_company_auto = True

    name = fields.Char(
        string="Reference", readonly=True, copy=False, default=lambda self: self.env._("New")
    )
    partner_id = fields.Many2one("res.partner", string="Customer", required=True, tracking=True)
    invoice_title = fields.Char(help="Name of the company or person written on the invoice.")
    receipt_ids = fields.Many2many(
        "counter.receipt",
        string="Receipts",
        check_company=True,
        domain="[('company_id', '=', company_id), ('invoiced', '=', False)]",
    )
    mode = fields.Selection(
        [("total", "One Total Invoice"), ("itemized", "Itemized (one per receipt)")],
        required=True,
        default="total",
        tracking=True,
    )
    invoice_kind = fields.Selection(
        [("normal", "Ordinary Invoice"), ("vat", "VAT Invoice")],
        string="Invoice Type",
        required=True,
        default="normal",
        tracking=True,
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    amount_food = fields.Monetary(compute="_compute_amounts")
    amount_general = fields.Monetary(compute="_compute_amounts")
    amount_refused = fields.Monetary(string="Not Invoiceable", compute="_compute_amounts")
    amount_invoiceable = fields.Monetary(compute="_compute_amounts")
    suggested_naming = fields.Selection(
        [("food", "Food"), ("general", "General Merchandise"), ("ask", "Equal: ask the customer")],
        compute="_compute_amounts",
        help="The larger share names a total invoice.",
    )
    naming = fields.Selection(
        [("food", "Food"), ("general", "General Merchandise")],
        string="Invoice Item Name",
        compute="_compute_naming",
        store=True,
        readonly=False,
    )
    has_refused_items = fields.Boolean(compute="_compute_amounts")
    needs_approval = fields.Boolean(
        compute="_compute_needs_approval",
        help="A VAT invoice for a past month needs the accounting section's approval.",
    )
    approval_user_id = fields.Many2one("res.users", readonly=True, copy=False)
    refusal_reason = fields.Char(copy=False, tracking=True)
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("waiting", "Waiting Approval"),
            ("approved", "Approved"),
            ("issued", "Issued"),
            ("refused", "Refused"),
        ],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
        index=True,
    )
    move_ids = fields.One2many("account.move", "counter_request_id", string="Invoices")
    move_count = fields.Integer(compute="_compute_move_count")
    user_id = fields.Many2one("res.users", string="Issued By", default=lambda self: self.env.user)
    company_id = fields.Many2one(
        "res.company", string="Store", required=True, default=lambda self: self.env.company
    )

    @api.depends(
        "receipt_ids.amount_food", "receipt_ids.amount_general", "receipt_ids.amount_refused"
    )
    def _compute_amounts(self):
        for request in self:
            food = sum(request.receipt_ids.mapped("amount_food"))
            general = sum(request.receipt_ids.mapped("amount_general"))
            refused = sum(request.receipt_ids.mapped("amount_refused"))
            request.amount_food = food
            request.amount_general = general
            request.amount_refused = refused
            request.amount_invoiceable = food + general
            request.has_refused_items = bool(refused)
            cmp = request.currency_id.compare_amounts(food, general) if request.currency_id else 0
            request.suggested_naming = "food" if cmp > 0 else "general" if cmp < 0 else "ask"

    @api.depends("suggested_naming")
    def _compute_naming(self):
        for request in self:
            if request.suggested_naming in ("food", "general"):
                request.naming = request.suggested_naming
            elif request.naming not in ("food", "general"):
                request.naming = False

    @api.depends("invoice_kind", "receipt_ids.date", "create_date")
    def _compute_needs_approval(self):
        today = fields.Date.context_today(self)
        for request in self:
            first = min(request.receipt_ids.mapped("date"), default=False)
            request.needs_approval = bool(
                request.invoice_kind == "vat"
                and first
                and (first.year, first.month) < (today.year, today.month)
            )

    def _compute_move_count(self):
        # sudo: the count of invoices is shown to counter staff, who cannot read account.move
        groups = (
            self.env["account.move"]
            .sudo()
            ._read_group(
                [("counter_request_id", "in", self.ids)], ["counter_request_id"], ["__count"]
            )
        )
        counts = {request.id: count for request, count in groups}
        for request in self:
            request.move_count = counts.get(request.id, 0)

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", self.env._("New")) == self.env._("New"):
                vals["name"] = self.env["ir.sequence"].next_by_code("counter.invoice.request")
        return super().create(vals_list)

    def write(self, vals):
        frozen = {"receipt_ids", "mode", "invoice_kind", "partner_id", "naming", "company_id"}
        if frozen & set(vals) and any(request.state == "issued" for request in self):
            raise UserError(self.env._("An issued invoice request cannot be changed."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_issued(self):
        if any(request.state == "issued" for request in self):
            raise UserError(self.env._("An issued invoice request is kept with its invoices."))

    # ----------------------------------------------------------------- scripts
    # the script panel follows these fields live on the form
    _care_script_depends = (
        "state",
        "invoice_kind",
        "needs_approval",
        "has_refused_items",
        "partner_id",
        "naming",
        "refusal_reason",
    )

    def _care_script_code(self):
        self.ensure_one()
        if self.state == "refused" or (self.needs_approval and self.state in ("draft", "waiting")):
            return "vat_invoice_cross_month"
        if self.invoice_kind == "vat":
            return "vat_invoice"
        if self.has_refused_items:
            return "invoice_refused"
        return "invoice"

    def _care_script_values(self):
        self.ensure_one()
        naming = dict(self._fields["naming"]._description_selection(self.env))
        return {
            "customer_name": self.partner_id.name or "",
            "naming": naming.get(self.naming or self.suggested_naming, ""),
            "invoice_title": naming.get(self.naming or self.suggested_naming, ""),
            "refusal_reason": self.refusal_reason or "",
        }

    # ------------------------------------------------------------- validation
    def _check_can_issue(self):
        self.ensure_one()
        if self.state not in ("draft", "approved"):
            raise UserError(self.env._("This request is not ready to be invoiced."))
        if not self.receipt_ids:
            raise UserError(self.env._("Add the customer's shopping receipts."))
        # Lock the receipts so two clerks cannot invoice the same receipt at once.
        self.env.cr.execute(
            SQL(
                "SELECT id FROM counter_receipt WHERE id IN %s FOR UPDATE",
                tuple(self.receipt_ids.ids),
            )
        )
        self.receipt_ids.invalidate_recordset(["invoice_request_id", "invoiced"])
        already = self.receipt_ids.filtered(
            lambda r: r.invoice_request_id and r.invoice_request_id != self
        )
        if already:
            raise UserError(
                self.env._(
                    "Receipt(s) %(receipts)s were already invoiced: an invoice is issued once.",
                    receipts=", ".join(already.mapped("name")),
                )
            )
        if self.currency_id.is_zero(self.amount_invoiceable):
            raise UserError(
                self.env._(
                    "Sorry, the tax authority does not allow us to invoice gifts or meals: "
                    "nothing on these receipts can be invoiced."
                )
            )
        if self.invoice_kind == "vat":
            if not self.partner_id.counter_vat_eligible:
                raise UserError(
                    self.env._(
                        "VAT invoices are only issued to company members: please bring a copy "
                        "of the business licence and of the legal representative's identity "
                        "card to get a company card first."
                    )
                )
            if self.needs_approval and self.state != "approved":
                raise UserError(
                    self.env._(
                        "A VAT invoice for a past month needs the accounting section's approval."
                    )
                )
        if self.mode == "total" and not self.naming:
            raise UserError(
                self.env._(
                    "Food and general merchandise are equal: ask the customer which name the "
                    "invoice should carry."
                )
            )

    def _prepare_moves(self):
        self.ensure_one()
        names = dict(self._fields["naming"]._description_selection(self.env))
        categories = {"food": self.env._("Food"), "general": self.env._("General Merchandise")}
        base = {
            "move_type": "out_invoice",
            "partner_id": self.partner_id.id,
            "invoice_date": fields.Date.context_today(self),
            "counter_request_id": self.id,
            "counter_invoice_kind": self.invoice_kind,
            "company_id": self.company_id.id,
            "ref": self.invoice_title or False,
        }
        if self.mode == "total":
            return [
                dict(
                    base,
                    counter_receipt_refs=", ".join(self.receipt_ids.mapped("name")),
                    invoice_line_ids=[
                        fields.Command.create(
                            {
                                "name": names[self.naming],
                                "quantity": 1,
                                "price_unit": self.amount_invoiceable,
                                "tax_ids": [fields.Command.clear()],
                            }
                        )
                    ],
                )
            ]
        vals_list = []
        for receipt in self.receipt_ids:
            lines = receipt.line_ids.filtered(lambda line: line.category not in REFUSED)
            if not lines:
                continue
            vals_list.append(
                dict(
                    base,
                    counter_receipt_refs=receipt.name,
                    invoice_line_ids=[
                        fields.Command.create(
                            {
                                "name": f"{categories[line.category]}: {line.name}",
                                "quantity": 1,
                                "price_unit": line.amount,
                                "tax_ids": [fields.Command.clear()],
                            }
                        )
                        for line in lines
                    ],
                )
            )
        return vals_list

    # ------------------------------------------------------------ transitions
    def action_issue(self):
        for request in self:
            request._check_can_issue()
            # sudo: counter staff issue customer invoices through this request only; they
            # have no accounting rights and cannot read invoices otherwise.
            moves = (
                self.env["account.move"]
                .sudo()
                .with_company(request.company_id)
                .create(request._prepare_moves())
            )
            moves.action_post()
            request.receipt_ids.write({"invoice_request_id": request.id})
            for receipt in request.receipt_ids:
                move = moves.filtered(
                    lambda m, r=receipt: r.name in (m.counter_receipt_refs or "").split(", ")
                )[:1]
                receipt.invoice_move_id = move.id
            request.write({"state": "issued"})
            request.message_post(
                body=self.env._(
                    "%(count)s invoice(s) issued: %(names)s",
                    count=len(moves),
                    names=", ".join(moves.mapped("name")),
                )
            )
        return True

    def action_request_approval(self):
        """Past-month VAT invoice: ask the accounting section (activity to finance)."""
        group = self.env.ref("retail_counter.group_counter_finance")
        for request in self:
            if request.state != "draft" or not request.needs_approval:
                raise UserError(self.env._("This request needs no approval."))
            accountants = group.users.filtered(
                lambda u, r=request: r.company_id in u.company_ids and not u.share
            )
            if not accountants:
                raise UserError(self.env._("Nobody in finance can approve it in this store."))
            for accountant in accountants:
                request.activity_schedule(
                    "retail_counter.mail_activity_type_counter_vat_approval",
                    user_id=accountant.id,
                    summary=self.env._("Approve a VAT invoice for a past month"),
                )
            request.state = "waiting"
        return True

    def _check_accountant(self):
        if not self.env.user.has_group("retail_counter.group_counter_finance"):
            raise AccessError(self.env._("Only the accounting section approves these invoices."))

    def action_approve(self):
        self._check_accountant()
        if any(request.state != "waiting" for request in self):
            raise UserError(self.env._("Only requests waiting for approval can be approved."))
        self.write({"state": "approved", "approval_user_id": self.env.user.id})
        self.activity_feedback(
            ["retail_counter.mail_activity_type_counter_vat_approval"],
            feedback=self.env._("Approved"),
        )
        return True

    def action_refuse(self):
        self._check_accountant()
        for request in self:
            if request.state != "waiting":
                raise UserError(self.env._("Only requests waiting for approval can be refused."))
            if not request.refusal_reason:
                raise UserError(self.env._("Give the reason, it is told to the customer."))
        self.write({"state": "refused", "approval_user_id": self.env.user.id})
        self.activity_feedback(
            ["retail_counter.mail_activity_type_counter_vat_approval"],
            feedback=self.env._("Refused"),
        )
        return True

    def action_view_invoices(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "account.move",
            "view_mode": "list,form",
            "domain": [("counter_request_id", "=", self.id)],
            "name": self.env._("Invoices"),
        }
