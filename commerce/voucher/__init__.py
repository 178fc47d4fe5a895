default_app_config = "commerce.voucher.apps.VoucherConfig"
