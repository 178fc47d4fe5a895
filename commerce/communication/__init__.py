default_app_config = "commerce.communication.apps.CommunicationConfig"
