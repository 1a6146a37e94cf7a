from . import counter_bag_pickup, counter_invoice_export, counter_lost_item_claim
