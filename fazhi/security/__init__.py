"""What keeps the published site safe: the HTML allow-list applied to author content and
the Content-Security-Policy checked against a built site."""
