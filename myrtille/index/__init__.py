"""The intelligence index: the query language and the search backends."""
