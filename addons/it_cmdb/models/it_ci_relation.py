from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import SQL
from odoo.tools.sql import create_index


class ItCiRelationType(models.Model):
    """How two configuration items are related: runs on, depends on, connected to, part of."""

    _name = "it.ci.relation.type"
    _description = "Configuration Item Relation Type"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    reverse_name = fields.Char(
        translate=True, help="The relation read from the other side, e.g. 'hosts'."
    )
    code = fields.Char(required=True)
    sequence = fields.Integer(default=10)
    impact_direction = fields.Selection(
        [
            ("to_source", "The source depends on the target"),
            ("to_target", "The target depends on the source"),
            ("none", "No dependency"),
        ],
        required=True,
        default="to_source",
        help="Which way a failure travels: for 'runs on' a failing host hits what runs on it.",
    )
    forbid_cycles = fields.Boolean(
        default=True, help="A chain of relations of this type may not loop back to its start."
    )
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("code_uniq", "unique(code)", "The code of a relation type must be unique."),
    ]

    def write(self, vals):
        res = super().write(vals)
        if "impact_direction" in vals:
            self.env["it.ci"]._invalidate_impact()
        return res


class ItCiRelation(models.Model):
    """A typed edge of the CMDB graph: source <type> target (app runs on server)."""

    _name = "it.ci.relation"
    _description = "Configuration Item Relation"
    _order = "source_id, type_id, id"
    _check_company_auto = True

    source_id = fields.Many2one(
        "it.ci", required=True, index=True, ondelete="cascade", check_company=True
    )
    type_id = fields.Many2one(
        "it.ci.relation.type", string="Relation", required=True, ondelete="restrict"
    )
    target_id = fields.Many2one(
        "it.ci", required=True, index=True, ondelete="cascade", check_company=True
    )
    # the edge oriented the way a failure travels (upstream fails -> downstream hit);
    # stored so that the impact query is one indexed recursive join
    # (indexed together in init(): the recursive walk reads both from the index only)
    upstream_id = fields.Many2one(
        "it.ci", compute="_compute_impact_edge", store=True, ondelete="cascade"
    )
    downstream_id = fields.Many2one(
        "it.ci", compute="_compute_impact_edge", store=True, ondelete="cascade"
    )
    note = fields.Char()
    company_id = fields.Many2one(
        related="source_id.company_id", store=True, index=True, string="Company"
    )
    source_class_id = fields.Many2one(related="source_id.class_id", string="Source Class")
    target_class_id = fields.Many2one(related="target_id.class_id", string="Target Class")
    target_state = fields.Selection(related="target_id.state", string="Target State")

    _sql_constraints = [
        (
            "relation_uniq",
            "unique(source_id, type_id, target_id)",
            "This relation between these two items already exists.",
        ),
        ("no_self", "CHECK(source_id <> target_id)", "An item cannot be related to itself."),
    ]

    def init(self):
        # covering indexes for the impact walk, one per direction: index-only scans
        create_index(
            self.env.cr,
            "it_ci_relation_impact_down_idx",
            self._table,
            ["upstream_id", "downstream_id"],
        )
        create_index(
            self.env.cr,
            "it_ci_relation_impact_up_idx",
            self._table,
            ["downstream_id", "upstream_id"],
        )

    @api.depends("source_id", "target_id", "type_id.impact_direction")
    def _compute_impact_edge(self):
        for relation in self:
            direction = relation.type_id.impact_direction
            if direction == "to_source":
                relation.upstream_id = relation.target_id
                relation.downstream_id = relation.source_id
            elif direction == "to_target":
                relation.upstream_id = relation.source_id
                relation.downstream_id = relation.target_id
            else:
                relation.upstream_id = relation.downstream_id = False

    @api.model_create_multi
    def create(self, vals_list):
        relations = super().create(vals_list)
        self.env["it.ci"]._invalidate_impact()
        return relations

    def write(self, vals):
        res = super().write(vals)
        self.env["it.ci"]._invalidate_impact()
        return res

    def unlink(self):
        res = super().unlink()
        self.env["it.ci"]._invalidate_impact()
        return res

    @api.constrains("source_id", "target_id", "type_id")
    def _check_no_cycle(self):
        self.flush_model(["source_id", "target_id", "type_id"])
        for relation in self.filtered("type_id.forbid_cycles"):
            # from the target, follow relations of the same type; reaching the source
            # again means this relation closes a loop
            query = SQL(
                """
                WITH RECURSIVE reach(id) AS (
                    SELECT %(target)s
                  UNION
                    SELECT r.target_id
                      FROM it_ci_relation r
                      JOIN reach ON r.source_id = reach.id
                     WHERE r.type_id = %(type)s
                )
                SELECT 1 FROM reach WHERE id = %(source)s LIMIT 1
                """,
                target=relation.target_id.id,
                type=relation.type_id.id,
                source=relation.source_id.id,
            )
            self.env.cr.execute(query)
            if self.env.cr.fetchone():
                raise ValidationError(
                    self.env._(
                        "%(src)s %(rel)s %(dst)s would close a loop: "
                        "relations of type %(rel)s may not form a cycle.",
                        src=relation.source_id.display_name,
                        rel=relation.type_id.name,
                        dst=relation.target_id.display_name,
                    )
                )

    @api.depends("source_id", "type_id", "target_id")
    def _compute_display_name(self):
        for relation in self:
            relation.display_name = (
                f"{relation.source_id.display_name} {relation.type_id.name or ''} "
                f"{relation.target_id.display_name}"
            )
