"""The document model, the intake queue and the processing stages."""
