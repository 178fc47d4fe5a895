"""Oscar's communication app, forked for its ``Dispatcher`` (utils.py): emails in the recipient's
language, naming the site and linking to its real domain."""

import oscar.apps.communication.apps as apps


class CommunicationConfig(apps.CommunicationConfig):
    name = "commerce.communication"
