/** Itemized invoice at the counter: one invoice per shopping receipt (used by
 * tests/test_counter_flows_tour.py, which then exports the XLSX as finance). */
import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("retail_counter_invoice_tour", {
    url: "/odoo/action-retail_counter.counter_invoice_request_action",
    steps: () => [
        {
            content: "The customer wants invoices for two receipts",
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=partner_id] input",
            run: "edit Tour Shopper Ltd",
        },
        {
            trigger: ".o-autocomplete--dropdown-item:contains(Tour Shopper Ltd)",
            run: "click",
        },
        {
            content: "One invoice per receipt",
            trigger: ".o_field_widget[name=mode] input[data-value=itemized]",
            run: "click",
        },
        {
            content: "Add the receipts",
            trigger: "div[name=receipt_ids] .o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            trigger: ".modal .o_searchview_input",
            run: "edit TOUR-R",
        },
        {
            trigger: ".modal .o_searchview_input",
            run: "press Enter",
        },
        {
            trigger: ".modal .o_data_row:contains(TOUR-R2)",
        },
        {
            trigger: ".modal thead .o_list_record_selector input",
            run: "click",
        },
        {
            trigger: ".modal .o_select_button",
            run: "click",
        },
        {
            content: "Both receipts are on the request",
            trigger: ".o_form_view:not(:has(.modal)) div[name=receipt_ids] .o_data_row:contains(TOUR-R2)",
        },
        {
            trigger: "div[name=receipt_ids] .o_data_row:contains(TOUR-R1)",
        },
        {
            content: "Issue the invoices",
            trigger: ".o_form_view button[name=action_issue]",
            run: "click",
        },
        {
            content: "The request is issued",
            trigger: ".o_form_view .o_statusbar_status [aria-checked=true]:contains(Issued)",
        },
        {
            content: "Two invoices, one per receipt",
            trigger: ".o-mail-Message:contains(2 invoice(s) issued)",
        },
    ],
});
