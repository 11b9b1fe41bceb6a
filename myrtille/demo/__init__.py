"""The bundled demo: a fictional regional business news site, served on localhost."""
