{
    "name": "Store Service Counter",
    "summary": "Supermarket service counter: bag storage, lost and found, broadcasts, "
    "membership cards, invoices",
    "version": "18.0.1.0.0",
    "category": "Services/Service Desk",
    "website": "https://github.com/service-desk-suite/service-desk-suite",
    "author": "Service Desk Suite",
    "license": "LGPL-3",
    # membership: cards are Odoo membership lines; account: invoices are account.move
    "depends": ["customer_care_scripts", "membership", "account"],
    "data": [
        "security/retail_counter_security.xml",
        "security/ir.model.access.csv",
        "views/counter_bag_deposit_views.xml",
        "views/counter_lost_item_views.xml",
        "views/counter_invoice_views.xml",
        "views/retail_counter_menus.xml",
    ],
    "demo": [],
    "installable": True,
    "application": True,
}
