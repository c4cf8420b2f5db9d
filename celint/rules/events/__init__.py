"""CE2xx: the events configuration: event type, polling interval, poller resources, callback URL."""
