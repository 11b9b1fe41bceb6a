"""The running service: a scheduler for crawl, process, dispatch, digests and housekeeping,
beside the web app, in one process (``myrtille run``)."""
