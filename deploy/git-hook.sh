#!/bin/sh
# fazhi publishing hook, installed by deploy/install-server.sh as both hooks/pre-receive
# (refuses a push that would break the site) and hooks/post-receive (publishes it).
# The interpreter and the program's folder are in the repository's git config.
PYTHONPATH="$(git config --get fazhi.project)" exec "$(git config --get fazhi.python)" \
  -m fazhi.publish.hooks "$(basename "$0")"
