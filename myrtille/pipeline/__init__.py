"""The bottom of the flow: the document model, URL normalisation, the intake queue and
story clustering. What drives the stages (processing, retention) is in ``myrtille.service``."""
