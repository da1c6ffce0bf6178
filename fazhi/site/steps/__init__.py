"""The build's steps: one class per concern, each with the MkDocs events it needs (base.py says
how a step is called). Their order is `STEPS` in fazhi/site/plugin.py."""
