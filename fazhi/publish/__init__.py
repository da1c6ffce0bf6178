"""Publishing on `git push`: check a pushed commit, build it into a release, switch atomically.

SITE_DIR (default /srv/fazhi) holds everything a server keeps between pushes:

    releases/<date>-<short hash>/   one whole built site per publication
    current -> releases/…           what nginx serves (`root SITE_DIR/current`)
    staging/<commit>/               a pushed commit's checked build, waiting to become a release
    cache/                          PDF cache shared by all builds (FAZHI_CACHE_DIR)
    publish.lock, publish.log       one publication at a time; what happened when
"""
