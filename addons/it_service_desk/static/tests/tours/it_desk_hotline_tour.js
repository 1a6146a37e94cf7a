/** Hotline call: quick-create from the kanban with the requester found by phone, the
 * duplicate suggestion shown, resolved at first contact (used by tests/test_desk_tours.py). */
import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("it_desk_hotline_tour", {
    url: "/odoo/action-it_service_desk.it_ticket_action",
    steps: () => [
        {
            content: "A call comes in: quick-create a ticket",
            trigger: ".o_kanban_view .o-kanban-button-new",
            run: "click",
        },
        {
            content: "Type the caller's phone as heard",
            trigger: ".o_kanban_quick_create div[name=partner_phone] input",
            run: "edit 0571 8899-7766",
        },
        {
            content: "Then the subject",
            trigger: ".o_kanban_quick_create div[name=name] input",
            run: "click",
        },
        {
            content: "The requester is found by the phone number",
            trigger: ".o_kanban_quick_create div[name=partner_id] input:value(Tour Caller)",
        },
        {
            trigger: ".o_kanban_quick_create div[name=name] input",
            run: "edit Tour printer jammed",
        },
        {
            content: "Open the full form",
            trigger: ".o_kanban_quick_create .o_kanban_edit",
            run: "click",
        },
        {
            content: "The new ticket is open",
            trigger: ".o_form_view .o_statusbar_status [aria-checked=true]:contains(New)",
        },
        {
            content: "Look at the suggestions",
            trigger: ".o_notebook .nav-link:contains(Suggestions)",
            run: "click",
        },
        {
            content: "The earlier call on the same printer is suggested as a duplicate",
            trigger: "div[name=similar_ticket_ids] .o_data_row:contains(Tour printer jammed on floor 3)",
        },
        {
            content: "Write how it was fixed",
            trigger: ".o_notebook .nav-link:contains(Resolution)",
            run: "click",
        },
        {
            trigger: "div[name=resolution] .odoo-editor-editable",
            run: "editor Cleared the paper path with the caller",
        },
        {
            content: "Resolve while the caller is on the line",
            trigger: ".o_form_view button[name=action_resolve]",
            run: "click",
        },
        {
            content: "The ticket is resolved",
            trigger: ".o_form_view .o_statusbar_status [aria-checked=true]:contains(Resolved)",
        },
        {
            content: "It counts as resolved at first contact",
            trigger: ".o_form_view div[name=is_first_contact_resolution] input:checked",
        },
    ],
});
